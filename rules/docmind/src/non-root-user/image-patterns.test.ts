import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wildcardMatch } from './image-patterns.js';

/** The obvious (backtracking) definition the linear matcher must agree with. */
const byRegExp = (pattern: string, text: string): boolean =>
  new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's').test(text);

describe('wildcardMatch', () => {
  it('matches the image patterns of the rule', () => {
    expect(wildcardMatch('*:nonroot', 'gcr.io/distroless/python3:nonroot')).toBe(true);
    expect(wildcardMatch('*:*-nonroot', 'gcr.io/distroless/static:debug-nonroot')).toBe(true);
    expect(wildcardMatch('*:*-nonroot', 'python:3.12-nonrootx')).toBe(false);
    expect(wildcardMatch('cgr.dev/chainguard/*-dev', 'cgr.dev/chainguard/python:latest-dev')).toBe(true);
    expect(wildcardMatch('a*a', 'a')).toBe(false);
    expect(wildcardMatch('exact', 'exact')).toBe(true);
  });

  it('agrees with the regular-expression definition', () => {
    const alphabet = fc.constantFrom('a', 'b', ':', '-', '*');
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 8 }), fc.string({ unit: fc.constantFrom('a', 'b', ':', '-'), maxLength: 12 }), (pattern, text) => {
        expect(wildcardMatch(pattern, text)).toBe(byRegExp(pattern, text));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('answers on a long run of colons (the regular expression backtracks for seconds there)', () => {
    expect(wildcardMatch('*:*-nonroot', `${':'.repeat(200_000)}x`)).toBe(false);
    expect(wildcardMatch('*:*-nonroot', `${':'.repeat(200_000)}-nonroot`)).toBe(true);
  });
});
