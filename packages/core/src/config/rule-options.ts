import type { ValidateFunction } from 'ajv';
import type { AnyRule } from '../types/rule.js';
import { describeSchemaErrors, type SchemaProblem } from './describe-schema-errors.js';
import { sharedAjv } from './shared-ajv.js';

const validators = new WeakMap<AnyRule, ValidateFunction>();
const accepted = new WeakMap<AnyRule, Set<string>>();

/**
 * Checks a rule's options (the entry after its severity) against `meta.schema`, ESLint's way: an
 * array schema lists the schemas of the options one by one, an object schema is the schema of the
 * whole options array. Each distinct options value is checked once per process. Returns the problem,
 * its path relative to the options array, or `undefined` when the options are valid. Defaults are
 * not merged here (`createRule` does that).
 */
export function checkRuleOptions(id: string, rule: AnyRule, options: readonly unknown[]): SchemaProblem | undefined {
  const key = JSON.stringify(options);
  const seen = accepted.get(rule) ?? new Set<string>();
  accepted.set(rule, seen);
  if (seen.has(key)) return undefined;
  const { schema } = rule.meta;
  if (Array.isArray(schema) && options.length > schema.length) {
    const allowed = schema.length === 0 ? 'no options' : `at most ${schema.length} option${schema.length === 1 ? '' : 's'}`;
    return { path: [], expected: allowed, problem: `rule "${id}" takes ${allowed}, got ${options.length}` };
  }
  const validate = validatorOf(id, rule);
  if (!validate(options)) return describeSchemaErrors(validate.errors ?? []);
  seen.add(key);
  return undefined;
}

function validatorOf(id: string, rule: AnyRule): ValidateFunction {
  let validate = validators.get(rule);
  if (!validate) {
    const { schema } = rule.meta;
    // ESLint's schemas name draft-04 in `$schema`, which Ajv 8 does not load; the keywords agree.
    const wholeArray = Array.isArray(schema)
      ? { type: 'array', items: schema.map(withoutDialect), minItems: 0, maxItems: schema.length }
      : withoutDialect(schema);
    try {
      validate = sharedAjv().compile(wholeArray);
    } catch (error) {
      throw new Error(`Rule "${id}" has an invalid options schema: ${error instanceof Error ? error.message : String(error)}`);
    }
    validators.set(rule, validate);
  }
  return validate;
}

function withoutDialect(schema: object): object {
  const { $schema: _dialect, ...rest } = schema as Record<string, unknown>;
  return rest;
}
