import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withoutTrailingSlashes } from './trailing-slashes.js';

describe('withoutTrailingSlashes', () => {
  it('agrees with the regular expressions it replaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('/', 'a', '.', ' '), maxLength: 12 }), (text) => {
        expect(withoutTrailingSlashes(text)).toBe(text.replace(/\/+$/, ''));
        expect(withoutTrailingSlashes(text, true)).toBe(text.replace(/(?<=.)\/+$/, ''));
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  it('answers on a long run of slashes that does not end the text', () => {
    expect(withoutTrailingSlashes(`${'/'.repeat(200_000)}x`)).toHaveLength(200_001);
  });
});
