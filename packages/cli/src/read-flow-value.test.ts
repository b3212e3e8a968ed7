import { describe, expect, it } from 'vitest';
import { readFlowValue } from './read-flow-value.js';

describe('readFlowValue', () => {
  it('reads JSON', () => {
    expect(readFlowValue('["error", {"allow": ["root"], "max": 2}]')).toEqual(['error', { allow: ['root'], max: 2 }]);
    expect(readFlowValue('2')).toBe(2);
  });

  it('reads YAML flow style with bare words', () => {
    expect(readFlowValue('warn')).toBe('warn');
    expect(readFlowValue('[error, {allow: [root, "app user"], strict: true, max: 1.5, none: null}]')).toEqual([
      'error',
      { allow: ['root', 'app user'], strict: true, max: 1.5, none: null },
    ]);
    expect(readFlowValue("[warn, {source: 'it''s', url: http://x.test/a}]")).toEqual(['warn', { source: "it's", url: 'http://x.test/a' }]);
    expect(readFlowValue('[ ]')).toEqual([]);
  });

  it('names the column of a syntax error', () => {
    expect(() => readFlowValue('[error, {allow: root}')).toThrow('expected "," or "]" at column 22');
    expect(() => readFlowValue('[error')).toThrow('expected "," or "]" at column 7');
    expect(() => readFlowValue("'open")).toThrow('unterminated single-quoted string');
    expect(() => readFlowValue('')).toThrow('expected a value at column 1');
    expect(() => readFlowValue('error]')).toThrow('unexpected "]" at column 6');
  });
});
