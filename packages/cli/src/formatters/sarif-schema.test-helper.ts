import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface Validator {
  (data: unknown): boolean;
  errors?: unknown[] | null;
}
interface AjvInstance {
  compile(schema: object): Validator;
}

// ajv is the core's dependency; the CLI borrows it for tests from there rather than declaring it.
const requireFromCore = createRequire(new URL('../../../core/package.json', import.meta.url));
const { Ajv } = requireFromCore('ajv') as { Ajv: new (options: object) => AjvInstance };
const addFormats = requireFromCore('ajv-formats') as (ajv: AjvInstance) => void;

/**
 * A validator for SARIF 2.1.0 logs, from the schema kept in `test-data/sarif` (see its README). The
 * schema is draft-04; ajv reads it as draft-07 once its top-level `id` is `$id`, the one difference
 * that matters for this schema.
 */
export function sarifValidator(): Validator {
  const schema = JSON.parse(readFileSync(new URL('../../test-data/sarif/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
  const { $schema: _draft04, id, ...rest } = schema;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ $id: id, ...rest });
}
