import type { ValidateFunction } from 'ajv';
import { validate } from './config-validator.generated.js';

/**
 * The config schema's validator, compiled ahead of time by `scripts/generate-config-validator.ts` with
 * Ajv's standalone code (the same options a run-time compile used): starting the engine neither loads
 * Ajv nor compiles the schema. `config-validator.test.ts` fails when it is stale.
 */
export const validateConfigSchema = validate as unknown as ValidateFunction;
