import { createRequire } from 'node:module';
import type * as AjvModule from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import composeSpec from '../../schema/compose-spec.json' with { type: 'json' };

let validator: ValidateFunction | null = null;

/**
 * Validates data against the vendored Compose Specification schema (draft-07, see
 * `schema/README.md`) and returns every error. The validator is compiled on first use and kept for
 * the life of the process: compiling costs far more than any validation.
 */
export function validateComposeData(data: unknown): readonly ErrorObject[] {
  validator ??= compile();
  return validator(data) ? [] : (validator.errors ?? []);
}

/** Ajv (CommonJS, 60 files) is required here, when the first Compose file is validated, not when the pack loads. */
function compile(): ValidateFunction {
  const { Ajv } = createRequire(import.meta.url)('ajv') as typeof AjvModule;
  return new Ajv({
    allErrors: true,
    verbose: true,
    strict: false,
    allowUnionTypes: true,
    // The schema names the https form of the draft-07 meta-schema, which Ajv does not register.
    validateSchema: false,
  }).compile(composeSpec);
}
