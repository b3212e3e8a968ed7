import type { ErrorObject } from 'ajv';
import { closestName } from './closest-name.js';
import { describeValue } from './config-error.js';
import { fromPointer } from './json-pointer.js';

/** The one problem worth telling out of Ajv's errors, in words. */
export interface SchemaProblem {
  /** Path of the offending value inside the validated data. */
  readonly path: readonly string[];
  readonly expected: string;
  /** The offending value, when there is one (absent for a missing key). */
  readonly actual?: unknown;
  readonly problem?: string;
  readonly hint?: string;
  /** The path ends at a key that should not be there, rather than at a wrong value. */
  readonly atKey?: boolean;
}

type Schema = Readonly<Record<string, unknown>>;

const COMBINATORS = new Set(['anyOf', 'oneOf', 'allOf', 'if', 'then', 'else']);

/**
 * Picks the most relevant of Ajv's errors (run with `allErrors` and `verbose`) and says what was
 * expected. Ajv reports every failed branch of an `anyOf`; the branch that went deepest into the
 * data is the one the author meant, and a failed check of a value beats "wrong type" from a branch
 * written for another type. When every branch failed on the type alone, the types are listed.
 *
 * `phrases` gives readable words for parts of a schema (by object identity).
 */
export function describeSchemaErrors(
  errors: readonly ErrorObject[],
  phrases: ReadonlyMap<object, string> = new Map(),
): SchemaProblem {
  const specific = errors.filter((error) => !COMBINATORS.has(error.keyword));
  const pool = specific.length > 0 ? specific : errors;
  const deepest = Math.max(...pool.map(depthOf));
  const candidates = pool.filter((error) => depthOf(error) === deepest);
  const chosen = candidates.find((error) => error.keyword !== 'type') ?? candidates[0];
  if (!chosen) return { path: [], expected: 'a valid value' };
  const path = fromPointer(chosen.instancePath);
  const describe = (schema: unknown): string => describeSchema(schema, phrases);
  const params = chosen.params as Record<string, unknown>;

  switch (chosen.keyword) {
    case 'type': {
      const sameValue = candidates.filter((error) => error.keyword === 'type' && error.instancePath === chosen.instancePath);
      const expected = unique(sameValue.map((error) => describe(error.parentSchema))).join(' or ');
      return { path, expected, actual: chosen.data };
    }
    case 'required': {
      const key = String(params.missingProperty);
      const properties = (chosen.parentSchema)?.properties as Schema | undefined;
      const keySchema = properties?.[key];
      return { path, expected: `a "${key}" key${keySchema ? ` (${describe(keySchema)})` : ''}` };
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys(((chosen.parentSchema)?.properties as Schema | undefined) ?? {});
      const expected = allowed.length > 0 ? `one of ${listOf(allowed.map(quote))}` : 'no other keys';
      const suggestion = closestName(key, allowed);
      return {
        path: [...path, key],
        atKey: true,
        expected,
        problem: `unknown key "${key}"${allowed.length > 0 ? ` (expected ${expected})` : ''}`,
        ...(suggestion ? { hint: `did you mean "${suggestion}"?` } : {}),
      };
    }
    case 'enum': {
      const phrase = phrases.get(chosen.parentSchema as object);
      return { path, expected: phrase ?? listOf((params.allowedValues as unknown[]).map(describeValue)), actual: chosen.data };
    }
    case 'const':
      return { path, expected: describeValue(params.allowedValue), actual: chosen.data };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path, expected: `a number ${String(params.comparison)} ${String(params.limit)}`, actual: chosen.data };
    case 'multipleOf':
      return { path, expected: `a multiple of ${String(params.multipleOf)}`, actual: chosen.data };
    case 'uniqueItems':
      return { path, expected: 'an array without duplicates', actual: chosen.data };
    case 'minItems':
    case 'maxItems':
    case 'minLength':
    case 'maxLength':
    case 'minProperties':
    case 'maxProperties':
    case 'pattern':
    case 'format':
      return { path, expected: describe(chosen.parentSchema), actual: chosen.data };
    default:
      return { path, expected: `a value that ${chosen.message ?? 'matches the schema'}`, actual: chosen.data };
  }
}

/** A missing or unknown key is a problem one level below the object Ajv reports it on. */
function depthOf(error: ErrorObject): number {
  const depth = fromPointer(error.instancePath).length;
  return error.keyword === 'required' || error.keyword === 'additionalProperties' ? depth + 1 : depth;
}

/** What a schema accepts, in a phrase: `a non-empty array of strings`. */
export function describeSchema(schema: unknown, phrases: ReadonlyMap<object, string> = new Map()): string {
  if (!schema || typeof schema !== 'object') return 'a valid value';
  const phrase = phrases.get(schema);
  if (phrase) return phrase;
  const s = schema as Schema;
  if (Array.isArray(s.enum)) return listOf(s.enum.map(describeValue));
  if ('const' in s) return describeValue(s.const);
  const branches = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (Array.isArray(branches)) return unique(branches.map((branch) => describeSchema(branch, phrases))).join(' or ');
  const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === 'string' ? [s.type] : [];
  if (types.length === 0) return 'a valid value';
  return types.map((type) => describeType(type, s, phrases)).join(' or ');
}

function describeType(type: string, s: Schema, phrases: ReadonlyMap<object, string>): string {
  switch (type) {
    case 'string': {
      const base = typeof s.minLength === 'number' && s.minLength > 0 ? 'a non-empty string' : 'a string';
      if (typeof s.pattern === 'string') return `${base} matching /${s.pattern}/`;
      if (typeof s.format === 'string') return `${base} in ${s.format} format`;
      if (typeof s.maxLength === 'number') return `${base} of at most ${s.maxLength} characters`;
      return base;
    }
    case 'array': {
      const items = s.items && typeof s.items === 'object' && !Array.isArray(s.items) ? pluralOf(s.items as Schema, phrases) : undefined;
      const of = items ? ` of ${items}` : '';
      const min = typeof s.minItems === 'number' ? s.minItems : 0;
      const max = typeof s.maxItems === 'number' ? s.maxItems : undefined;
      if (max !== undefined && max === min) return `an array of exactly ${min} item${min === 1 ? '' : 's'}`;
      const bound = max !== undefined ? ` (at most ${max} item${max === 1 ? '' : 's'})` : '';
      if (min === 1) return `a non-empty array${of}${bound}`;
      if (min > 1) return `an array of at least ${min} items${bound}`;
      return `an array${of}${bound}`;
    }
    case 'object':
      return 'an object';
    case 'boolean':
      return 'true or false';
    case 'integer':
      return `an integer${bounds(s)}`;
    case 'number':
      return `a number${bounds(s)}`;
    case 'null':
      return 'null';
    default:
      return `a ${type}`;
  }
}

function pluralOf(items: Schema, phrases: ReadonlyMap<object, string>): string | undefined {
  if (phrases.has(items) || Array.isArray(items.enum)) return undefined;
  switch (items.type) {
    case 'string':
      return typeof items.minLength === 'number' && items.minLength > 0 ? 'non-empty strings' : 'strings';
    case 'object':
      return 'objects';
    case 'integer':
      return 'integers';
    case 'number':
      return 'numbers';
    case 'boolean':
      return 'booleans';
    default:
      return undefined;
  }
}

function bounds(s: Schema): string {
  const parts: string[] = [];
  if (typeof s.minimum === 'number') parts.push(`>= ${s.minimum}`);
  if (typeof s.exclusiveMinimum === 'number') parts.push(`> ${s.exclusiveMinimum}`);
  if (typeof s.maximum === 'number') parts.push(`<= ${s.maximum}`);
  if (typeof s.exclusiveMaximum === 'number') parts.push(`< ${s.exclusiveMaximum}`);
  return parts.length > 0 ? ` ${parts.join(' and ')}` : '';
}

function quote(key: string): string {
  return `"${key}"`;
}

/** `a`, `a or b`, `a, b or c`. */
function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? 'nothing';
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)!}`;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
