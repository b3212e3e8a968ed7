import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

let instance: Ajv | undefined;

/**
 * The one Ajv instance of the process, created on first use: it validates config files and rule
 * options. `allErrors` and `verbose` give the error mapper every failed branch with its data and
 * schema; `strict` is off because rule schemas are written ESLint's way (draft-04 habits included).
 */
export function sharedAjv(): Ajv {
  if (!instance) {
    instance = new Ajv({ allErrors: true, verbose: true, strict: false });
    // ajv-formats is CommonJS: its default export reaches an ES module as `module.exports`.
    addFormats.default(instance);
  }
  return instance;
}
