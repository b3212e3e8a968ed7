// Scans that replaced regular expressions which backtrack on adversarial input (found by
// regex-backtracking.test.ts): each must answer exactly as the regex it replaced.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endsWithVariable } from '../../rules/dockerfile/src/copy-destination-trailing-slash/index.js';
import { hasQuoteInBraces } from '../../rules/dockerfile/src/utils/global-args.js';
import { firstVariableReference } from '../../rules/docmind/src/no-shell-in-json-cmd/analyze-exec-form.js';

const text = fc.string({ unit: fc.constantFrom('$', '{', '}', 'a', '_', '1', '"', "'", '/', ' '), maxLength: 24 });
const runs = { numRuns: 5000, seed: 20261128 };

describe('linear scans agree with the regular expressions they replaced', () => {
  it('firstVariableReference', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(firstVariableReference(value, false)).toBe(/\$(?:\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)/.exec(value)?.[0]);
        expect(firstVariableReference(value, true)).toBe(/\$\$(?:\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)/.exec(value)?.[0]);
      }),
      runs,
    );
  });

  it('hasQuoteInBraces', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(hasQuoteInBraces(value)).toBe(/\$\{[^}]*["'][^}]*\}/.test(value));
      }),
      runs,
    );
  });

  it('endsWithVariable', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(endsWithVariable(value)).toBe(/\$(\w+|\{[^}]*\})$/.test(value));
      }),
      runs,
    );
  });

  it('answer on long adversarial texts', () => {
    const dollars = '${'.repeat(100_000);
    expect(firstVariableReference(dollars, false)).toBeUndefined();
    expect(hasQuoteInBraces(`${dollars}"`)).toBe(false);
    expect(endsWithVariable(`${dollars}x`)).toBe(false);
  });
});
