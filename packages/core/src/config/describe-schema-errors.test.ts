import { describe, expect, it } from 'vitest';
import { describeSchema, describeSchemaErrors } from './describe-schema-errors.js';
import { sharedAjv } from './shared-ajv.js';

function problemOf(schema: object, data: unknown) {
  const validate = sharedAjv().compile(schema);
  expect(validate(data)).toBe(false);
  return describeSchemaErrors(validate.errors ?? []);
}

describe('describeSchemaErrors', () => {
  it('prefers the branch that went deepest into the data', () => {
    const schema = {
      anyOf: [{ enum: ['always', 'never'] }, { type: 'object', properties: { mode: { enum: ['a', 'b'] } } }],
    };
    expect(problemOf(schema, { mode: 'c' })).toEqual({ path: ['mode'], expected: '"a" or "b"', actual: 'c' });
  });

  it('prefers a failed check of the value over a wrong type from another branch', () => {
    const schema = { anyOf: [{ enum: ['always', 'never'] }, { type: 'object' }] };
    expect(problemOf(schema, 'alway')).toEqual({ path: [], expected: '"always" or "never"', actual: 'alway' });
  });

  it('lists the types when the value has none of them', () => {
    const schema = { anyOf: [{ type: 'integer', minimum: 0 }, { type: 'array', items: { type: 'string' } }] };
    expect(problemOf(schema, true)).toEqual({ path: [], expected: 'an integer >= 0 or an array of strings', actual: true });
  });

  it('tells a missing key with what it should hold', () => {
    const schema = { type: 'object', properties: { requires: { type: 'string', minLength: 1 } }, required: ['requires'] };
    expect(problemOf(schema, {})).toEqual({ path: [], expected: 'a "requires" key (a non-empty string)' });
  });

  it('words number bounds, patterns, lengths and duplicates', () => {
    expect(problemOf({ type: 'integer', maximum: 10 }, 11)).toMatchObject({ expected: 'a number <= 10', actual: 11 });
    expect(problemOf({ type: 'string', pattern: '^[a-z]+$' }, 'A')).toMatchObject({ expected: 'a string matching /^[a-z]+$/' });
    expect(problemOf({ type: 'string', maxLength: 3 }, 'abcd')).toMatchObject({ expected: 'a string of at most 3 characters' });
    expect(problemOf({ type: 'array', uniqueItems: true }, [1, 1])).toMatchObject({ expected: 'an array without duplicates' });
    expect(problemOf({ type: 'string', format: 'uri' }, 'not a uri')).toMatchObject({ expected: 'a string in uri format' });
  });

  it('falls back to Ajv\'s words behind "a value that"', () => {
    expect(problemOf({ not: { const: 1 } }, 1)).toEqual({ path: [], expected: 'a value that must NOT be valid', actual: 1 });
  });
});

describe('describeSchema', () => {
  it('words arrays by their items and bounds', () => {
    expect(describeSchema({ type: 'array', items: { type: 'string' }, minItems: 1 })).toBe('a non-empty array of strings');
    expect(describeSchema({ type: 'array', minItems: 2, maxItems: 3 })).toBe('an array of at least 2 items (at most 3 items)');
    expect(describeSchema({ type: 'array', minItems: 2, maxItems: 2 })).toBe('an array of exactly 2 items');
    expect(describeSchema({ type: ['string', 'null'] })).toBe('a string or null');
    expect(describeSchema({})).toBe('a valid value');
  });

  it('uses a phrase given for a schema object', () => {
    const severity = { enum: [0, 1, 2] };
    expect(describeSchema({ type: 'array', items: severity }, new Map([[severity, 'a severity']]))).toBe('an array');
    expect(describeSchema(severity, new Map([[severity, 'a severity']]))).toBe('a severity');
  });
});
