import { describe, expect, it, vi } from 'vitest';
import { fakeRule } from './fake-plugins.test-helper.js';
import { checkRuleOptions } from './rule-options.js';
import { sharedAjv } from './shared-ajv.js';

describe('checkRuleOptions', () => {
  it('reads an array schema as the schemas of the options, one by one', () => {
    const rule = fakeRule('r', { schema: [{ type: 'string' }, { type: 'object', properties: { n: { type: 'integer' } } }] });
    expect(checkRuleOptions('r', rule, [])).toBeUndefined();
    expect(checkRuleOptions('r', rule, ['a', { n: 1 }])).toBeUndefined();
    expect(checkRuleOptions('r', rule, ['a', { n: 'one' }])).toEqual({ path: ['1', 'n'], expected: 'an integer', actual: 'one' });
    expect(checkRuleOptions('r', rule, ['a', {}, 'extra'])).toEqual({
      path: [],
      expected: 'at most 2 options',
      problem: 'rule "r" takes at most 2 options, got 3',
    });
  });

  it('reads an object schema as the schema of the whole options array', () => {
    const rule = fakeRule('r', { schema: { type: 'array', minItems: 1, items: { type: 'string' } } });
    expect(checkRuleOptions('r', rule, ['a', 'b'])).toBeUndefined();
    expect(checkRuleOptions('r', rule, [])).toEqual({ path: [], expected: 'a non-empty array of strings', actual: [] });
  });

  it('ignores a draft-04 $schema in a rule schema', () => {
    const rule = fakeRule('r', { schema: { $schema: 'http://json-schema.org/draft-04/schema#', type: 'array' } });
    expect(checkRuleOptions('r', rule, ['x'])).toBeUndefined();
  });

  it('compiles a rule schema once', () => {
    const compile = vi.spyOn(sharedAjv(), 'compile');
    const rule = fakeRule('r', { schema: [{ type: 'string' }] });
    checkRuleOptions('r', rule, ['a']);
    checkRuleOptions('r', rule, ['b']);
    checkRuleOptions('r', rule, [1]);
    expect(compile).toHaveBeenCalledTimes(1);
    compile.mockRestore();
  });

  it('says which rule has a schema Ajv cannot compile', () => {
    const rule = fakeRule('r', { schema: [{ type: 'no-such-type' }] as never });
    expect(() => checkRuleOptions('r', rule, ['a'])).toThrow(/^Rule "r" has an invalid options schema: /);
  });
});
