// Pathological lines through the whole pipeline: each payload of support/pathological.ts fills every
// position of a Dockerfile, a Compose file, a .dockerignore and an .env file, and linting must take no
// more than a generous multiple of the time an ordinary line of the same length takes. (The regex-level
// test finds the exact regex; this one catches slow code that is not a regex, like parsers and loops.)
import { describe, expect, it } from 'vitest';
import { FIXED_SLOW, KNOWN_SLOW, PAYLOADS, baseline, isKnownSlow, projectWith } from './support/pathological.js';
import { checkResults, lintFiles } from './support/pipeline.js';

const LENGTH = 3000;
/**
 * The `shellcheck` rule's time is the ShellCheck program's (a process per file, bounded by the rule's
 * 20 s limit and the rule time budget; its slow inputs are listed in KNOWN_SLOW): on a loaded machine
 * its start-up alone swamps the ratios these tests measure for our code, so they leave it out.
 */
const OFF = ['shellcheck'];
const KINDS = ['Dockerfile', 'compose.yaml', '.dockerignore', '.env'] as const;
/** The payloads the issue names, plus a few that found problems in parsers before (brackets and braces: yaml nesting thousands deep). */
const CHECKED = ['spaces', 'tabs', 'dollars', 'backslashes', 'backslash-space', 'double-quotes', 'single-quotes', '${', '${{{{', 'nested ${', 'letters', 'a=', 'colons', 'slashes', 'stars', '$(', 'brackets', 'braces'] as const;

async function timeLint(kind: string, text: string): Promise<number> {
  const files = { [kind]: text };
  const started = performance.now();
  const results = await lintFiles(files, false, OFF);
  const ms = performance.now() - started;
  checkResults(results, kind);
  return ms;
}

describe.each(KINDS)('pathological lines in %s', (kind) => {
  let baselineMs = 0;
  it(`baseline: ordinary words, ${LENGTH} characters in every position`, async () => {
    const text = projectWith(baseline(LENGTH))[kind] as string;
    await timeLint(kind, text); // warm-up
    baselineMs = Math.min(await timeLint(kind, text), await timeLint(kind, text));
    expect(baselineMs).toBeGreaterThan(0);
  });

  it.each(CHECKED.filter((payload) => !isKnownSlow(kind, payload)))('%s: within 10x the baseline (+1 s)', async (payload) => {
    const ms = await timeLint(kind, projectWith(PAYLOADS[payload]!(LENGTH))[kind] as string);
    expect(ms, `${payload} in ${kind}: ${ms.toFixed(0)} ms, baseline ${baselineMs.toFixed(0)} ms`).toBeLessThan(10 * baselineMs + 1000);
  });
});

describe('known slow inputs (rule packs)', () => {
  // Each names the rule at fault; see KNOWN_SLOW. Unskip when the rule is fixed.
  it.skip.each(KNOWN_SLOW)('%s with %s payload (%s) lints in bounded time', async (kind, payload) => {
    const started = performance.now();
    await lintFiles({ [kind]: projectWith(PAYLOADS[payload]!(LENGTH))[kind] as string });
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('once slow inputs (rule packs), fixed', () => {
  // See FIXED_SLOW. The same bound as above: 10x an ordinary line of the same length (+1 s).
  it.each(FIXED_SLOW)('%s with %s payload (%s): within 10x the baseline (+1 s)', async (kind, payload) => {
    const ordinary = projectWith(baseline(LENGTH))[kind] as string;
    await timeLint(kind, ordinary); // warm-up
    const baselineMs = Math.min(await timeLint(kind, ordinary), await timeLint(kind, ordinary));
    const ms = await timeLint(kind, projectWith(PAYLOADS[payload]!(LENGTH))[kind] as string);
    expect(ms, `${payload} in ${kind}: ${ms.toFixed(0)} ms, baseline ${baselineMs.toFixed(0)} ms`).toBeLessThan(10 * baselineMs + 1000);
  }, 60_000);
});
