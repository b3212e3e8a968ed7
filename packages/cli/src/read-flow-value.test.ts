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
    expect(() => readFlowValue('[error, {allow: root}')).toThrow(/Flow sequence must end with a \] .*\(column \d+\)/);
    expect(() => readFlowValue('[error')).toThrow(SyntaxError);
    expect(() => readFlowValue("'open")).toThrow(SyntaxError);
  });

  it('refuses YAML aliases', () => {
    expect(() => readFlowValue('[&a x, *a]')).toThrow();
  });
});
