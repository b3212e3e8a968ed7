import { createRequire } from 'node:module';
import type * as AjvModule from 'ajv';
import type { Ajv } from 'ajv';

let instance: Ajv | undefined;

/**
 * The one Ajv instance of the process, created on first use: it validates rule options (config files
 * go through the precompiled `config-validator.ts`).
 * `allErrors` and `verbose` give the error mapper every failed branch with its data and schema;
 * `strict` is off because rule schemas are written ESLint's way (draft-04 habits included).
 * Ajv and ajv-formats (CommonJS, 60 files) are required here, on first use, not when the core loads:
 * a run whose rules have no options never loads them (bench/startup).
 */
export function sharedAjv(): Ajv {
  if (!instance) {
    const require = createRequire(import.meta.url);
    const { Ajv: AjvClass } = require('ajv') as typeof AjvModule;
    instance = new AjvClass({ allErrors: true, verbose: true, strict: false });
    // ajv-formats is CommonJS: the plugin is `module.exports`, also exported as `default`.
    (require('ajv-formats') as { default: (ajv: Ajv) => Ajv }).default(instance);
  }
  return instance;
}
