import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasCredentialUrl, hasPasswordInUrl, hasUrlWithLiteralPassword, withoutPlaceholderAssignments } from './credential-urls.js';

// The regular expressions these scans replace: the scans must match exactly what they matched.
const PASSWORD_IN_URL = /:\/\/[^\s/@]*:[^\s/@]+@/;
const CREDENTIAL_URL = /:\/\/[^\s/@]*(?::[^\s/@]+|\$[A-Za-z_{][^\s/@]*)@/;
const URL_WITH_PASSWORD = /[a-z][a-z0-9+.-]*:\/\/[^\s/@:$]*:[^\s/@$]+@/i;
const PLACEHOLDER_ASSIGNMENT = /[^\s=]*=\$\{[A-Za-z_][A-Za-z0-9_]*\}/g;

const token = fc.constantFrom('://', ':', '/', '@', '$', '${', '${A}', '=', '=${TOKEN}', 'a', 'Z', '0', '+', '.', '-', ' ', '\t', '\n', 'https', 'user', 'pw', '{', '}', '_', 'é');
const text = fc.array(token, { maxLength: 30 }).map((parts) => parts.join(''));

describe('credential URLs: the scans match what the regexes matched', () => {
  it('on generated text (5,000 runs)', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(hasPasswordInUrl(value), 'password').toBe(PASSWORD_IN_URL.test(value));
        expect(hasCredentialUrl(value), 'credential').toBe(CREDENTIAL_URL.test(value));
        expect(hasUrlWithLiteralPassword(value), 'literal password').toBe(URL_WITH_PASSWORD.test(value));
        expect(withoutPlaceholderAssignments(value), 'placeholders').toBe(value.replace(PLACEHOLDER_ASSIGNMENT, ''));
      }),
      { numRuns: 5000, seed: 9 },
    );
  });

  it.each([
    ['https://user:s3cret@host/x', true, true, true],
    ['https://$TOKEN@host', false, true, false],
    ['https://user@host', false, false, false],
    ['git+ssh://u:p@h', true, true, true],
    ['://u:p@h', true, true, false],
    ['https://u:$P@h', true, true, false],
  ])('%s', (value, password, credential, literal) => {
    expect([hasPasswordInUrl(value), hasCredentialUrl(value), hasUrlWithLiteralPassword(value)]).toEqual([password, credential, literal]);
  });

  it('is linear on 1 MB of letters, colons and slashes', () => {
    const started = performance.now();
    for (const run of ['a', ':', '/', '://', 'a=', '://a:']) {
      const value = run.repeat(Math.ceil(1_000_000 / run.length));
      hasPasswordInUrl(value);
      hasCredentialUrl(value);
      hasUrlWithLiteralPassword(value);
      withoutPlaceholderAssignments(value);
    }
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
