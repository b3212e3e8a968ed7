import { describe, expect, it } from 'vitest';
import { ConfigError, describeValue } from './config-error.js';

describe('ConfigError', () => {
  it('says where, what was expected and what was found', () => {
    const error = new ConfigError({ filePath: '/p/c.json', pointer: '/rules/foo', expected: '"off", "warn", "error" or 0-2', actual: 'eror' });
    expect(error.message).toBe('/p/c.json: /rules/foo: expected "off", "warn", "error" or 0-2, got "eror"');
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'ConfigError', filePath: '/p/c.json', pointer: '/rules/foo', actual: 'eror' });
  });

  it('tells a problem in its own words, with a hint, and a position when there is no pointer', () => {
    expect(new ConfigError({ filePath: 'f', pointer: '/rules/x', expected: 'a known rule id', problem: 'unknown rule "x"', hint: 'did you mean "y"?' }).message).toBe(
      'f: /rules/x: unknown rule "x"; did you mean "y"?',
    );
    expect(new ConfigError({ filePath: 'f', pointer: '', expected: 'valid YAML', problem: 'invalid YAML: bad', line: 2, column: 3 }).message).toBe(
      'f:2:3: invalid YAML: bad',
    );
    expect(new ConfigError({ filePath: 'f', pointer: '/a', expected: 'x', line: 2, column: 3 }).message).toBe('f: /a: expected x');
  });
});

describe('describeValue', () => {
  it('shows JSON, cut at 60 characters', () => {
    expect(describeValue({ a: [1, 'x'] })).toBe('{"a":[1,"x"]}');
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue('x'.repeat(80))).toBe(`"${'x'.repeat(56)}...`);
  });
});
