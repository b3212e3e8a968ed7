import { describe, expect, it } from 'vitest';
import { hasInterpolation, interpolate, parseTemplate, templateVariables } from './interpolation.js';

const env: Record<string, string> = { SET: 'value', EMPTY: '', PORT: '8080' };
const lookup = (name: string): string | undefined => env[name];

describe('interpolate', () => {
  it.each([
    ['plain text', 'plain text'],
    ['$SET and ${SET}', 'value and value'],
    ['${UNSET:-fallback}', 'fallback'],
    ['${EMPTY:-fallback}', 'fallback'],
    ['${EMPTY-fallback}', ''],
    ['${UNSET-fallback}', 'fallback'],
    ['${SET:+alt}', 'alt'],
    ['${EMPTY:+alt}', ''],
    ['${EMPTY+alt}', 'alt'],
    ['${UNSET+alt}', ''],
    ['${UNSET:-${PORT:-80}}', '8080'],
    ['${UNSET:-${ALSO_UNSET:-80}}/tcp', '80/tcp'],
    ['cost $$5 and $$SET', 'cost $5 and $SET'],
    ['a $ alone, $1 and $-', 'a $ alone, $1 and $-'],
  ])('%s -> %s', (text, expected) => {
    const result = interpolate(text, lookup);
    expect(result.value).toBe(expected);
    expect(result.known).toBe(true);
  });

  it('marks a value that needs an unset variable as unknown', () => {
    expect(interpolate('${HOST}:80', lookup)).toMatchObject({ value: ':80', known: false, unset: ['HOST'] });
    expect(interpolate('$HOST', lookup)).toMatchObject({ known: false, unset: ['HOST'] });
  });

  it('records required variables that are missing', () => {
    const result = interpolate('${TAG:?set TAG first}', lookup);
    expect(result).toMatchObject({ known: false, failures: [{ name: 'TAG', message: 'set TAG first' }] });
    expect(interpolate('${EMPTY?unused}', lookup)).toMatchObject({ value: '', known: true });
    expect(interpolate('${EMPTY:?empty}', lookup).failures).toEqual([{ name: 'EMPTY', message: 'empty' }]);
  });

  it('reports invalid and unterminated forms with their offsets', () => {
    expect(interpolate('x ${VAR/a/b} y', lookup).error).toEqual({ message: 'invalid interpolation format "${VAR/a/b}"', start: 2, end: 12 });
    expect(interpolate('${}', lookup).error?.message).toBe('invalid interpolation format "${}"');
    expect(interpolate('${VAR:-abc', lookup).error).toMatchObject({ message: 'unterminated "${"', start: 0 });
    expect(interpolate('${VAR:-abc', lookup).known).toBe(false);
  });
});

describe('parseTemplate', () => {
  it('gives every part its offsets in the value', () => {
    const text = 'a$$b${X:-$Y}c';
    const { parts, error } = parseTemplate(text);
    expect(error).toBeNull();
    expect(parts.map((part) => [part.kind, text.slice(part.start, part.end)])).toEqual([
      ['literal', 'a'],
      ['escape', '$$'],
      ['literal', 'b'],
      ['variable', '${X:-$Y}'],
      ['literal', 'c'],
    ]);
    expect(templateVariables(parts)).toEqual(['X', 'Y']);
  });
});

describe('hasInterpolation', () => {
  it('is true for variables, false for escapes and lone dollars', () => {
    expect(hasInterpolation('${A}')).toBe(true);
    expect(hasInterpolation('$A')).toBe(true);
    expect(hasInterpolation('$$A')).toBe(false);
    expect(hasInterpolation('5$')).toBe(false);
    expect(hasInterpolation('no dollar')).toBe(false);
  });
});
