import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withoutTrailingSlashes } from './run-mounts.js';

describe('withoutTrailingSlashes', () => {
  it('gives what the regex it replaces gave (5,000 runs)', () => {
    const text = fc.array(fc.constantFrom('/', '/', 'a', '.', '\n', '\r', '\u2028', ' '), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (value) => {
        expect(withoutTrailingSlashes(value)).toBe(value.replace(/(.)\/+$/, '$1'));
      }),
      { numRuns: 5000, seed: 9 },
    );
  });

  it.each([
    ['/app/', '/app'],
    ['/app', '/app'],
    ['///', '/'],
    ['/', '/'],
    ['', ''],
  ])('%s -> %s', (value, expected) => {
    expect(withoutTrailingSlashes(value)).toBe(expected);
  });

  it('is linear on a 1 MB run of slashes that does not end the value', () => {
    const started = performance.now();
    expect(withoutTrailingSlashes(`${'/'.repeat(1_000_000)}x`)).toHaveLength(1_000_001);
    expect(withoutTrailingSlashes(`x${'/'.repeat(1_000_000)}`)).toBe('x');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
