// Catastrophic backtracking. Every regular expression our code (core and rule packs) runs while linting
// a varied set of projects is recorded (by wrapping RegExp.prototype.exec, which every regex method
// goes through), then matched alone against long adversarial strings: runs of spaces, `$`, `\`,
// quotes, `${{{{`, letters... each behind a prefix the regex really saw. A regex is slow when such a
// string takes far longer than an ordinary string of the same length, and the time grows faster than
// the length. Known offenders in rule packs would be listed (with their rule) and skipped; none is now.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { project } from './support/generators.js';
import { PAYLOADS, baseline, projectWith } from './support/pathological.js';
import { lintFiles } from './support/pipeline.js';

interface SeenRegex {
  readonly regex: RegExp;
  /** The first input it was run on (up to 120 characters): a realistic prefix for attacks. */
  readonly sample: string;
  /** The first stack frame in our sources. */
  readonly where: string;
}

/**
 * Regexes known to backtrack on long input, by source, with the rule that owns them: skipped by the
 * check below until the rule is fixed. None is open now.
 */
const KNOWN_SLOW: Readonly<Record<string, string>> = {};

/**
 * Regexes that were slow and were replaced by linear scans (no-secrets-in-image's URL credentials,
 * the Dockerfile pack's mount target, the credential-file markers): none of them may run again.
 */
const FIXED: readonly string[] = [
  '[a-z][a-z0-9+.-]*:\\/\\/[^\\s/@:$]*:[^\\s/@$]+@',
  '(.)\\/+$',
  ':\\/\\/[^\\s/@]*(?::[^\\s/@]+|\\$[A-Za-z_{][^\\s/@]*)@',
  '[^\\s=]*=\\$\\{[A-Za-z_][A-Za-z0-9_]*\\}',
];

const OUR_SOURCES = /[\\/](?:rules[\\/][^\\/]+|packages[\\/](?:core|fixer))[\\/]src[\\/](?!.*\.test\.ts)/;

async function captureRegexes(): Promise<Map<string, SeenRegex>> {
  const seen = new Map<string, SeenRegex>();
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const originalExec = RegExp.prototype.exec;
  let recording = false;
  RegExp.prototype.exec = function exec(this: RegExp, input: string) {
    const key = `/${this.source}/${this.flags}`;
    // Building the stack text runs regexes itself.
    if (!recording && !seen.has(key)) {
      recording = true;
      const frame = new Error().stack?.split('\n').find((line) => OUR_SOURCES.test(line)) ?? '';
      seen.set(key, { regex: new RegExp(this.source, this.flags.replace('g', '')), sample: String(input).slice(0, 120), where: frame.trim() });
      recording = false;
    }
    return originalExec.call(this, input);
  };
  try {
    for (const files of fc.sample(project, { numRuns: 40, seed: 9 })) await lintFiles(files, true);
    for (const payload of Object.values(PAYLOADS)) await lintFiles(projectWith(payload(40)));
    await lintFiles(projectWith(baseline(40)), true);
  } finally {
    RegExp.prototype.exec = originalExec;
  }
  for (const [key, value] of seen) if (!value.where) seen.delete(key);
  return seen;
}

function timeMatch(regex: RegExp, input: string): number {
  // A sticky regex matches only at lastIndex, as where it is used (from the start of the input here).
  regex.lastIndex = 0;
  const started = performance.now();
  regex.test(input);
  return performance.now() - started;
}

/** The slowest attack on one regex, with its time and an ordinary string's time at the same length. */
function attack(seen: SeenRegex, length: number): { name: string; prefix: string; ms: number; baselineMs: number } {
  const prefixes = ['', seen.sample.slice(0, Math.ceil(seen.sample.length / 2)), seen.sample.replace(/\S+$/, '')];
  let worst = { name: '', prefix: '', ms: 0, baselineMs: 0 };
  for (const prefix of new Set(prefixes)) {
    const ordinary = prefix + baseline(length);
    const baselineMs = Math.min(timeMatch(seen.regex, ordinary), timeMatch(seen.regex, ordinary));
    for (const [name, payload] of Object.entries(PAYLOADS)) {
      const ms = timeMatch(seen.regex, prefix + payload(length));
      if (ms > worst.ms) worst = { name, prefix, ms, baselineMs };
    }
  }
  return worst;
}

/** Slow at 5,000 characters and at least ~quadratic from 5,000 to 20,000 (linear would be 4x). */
function isCatastrophic(seen: SeenRegex, length = 5000): { slow: boolean; detail: string } {
  const first = attack(seen, length);
  // Generous: an ordinary string of the same length, or 2 ms, times 25.
  if (first.ms < 25 * Math.max(first.baselineMs, 2)) return { slow: false, detail: '' };
  const input = (length: number) => first.prefix + PAYLOADS[first.name]!(length);
  const small = Math.min(timeMatch(seen.regex, input(length)), timeMatch(seen.regex, input(length)));
  const large = timeMatch(seen.regex, input(4 * length));
  const growth = large / Math.max(small, 0.01);
  return { slow: growth > 8, detail: `${first.name}: ${small.toFixed(1)} ms at ${length} chars, ${large.toFixed(1)} ms at ${4 * length} (baseline ${first.baselineMs.toFixed(2)} ms) at ${seen.where}` };
}

describe('regular expressions under adversarial input', () => {
  it('no regex in core or the rule packs backtracks catastrophically (beyond the known list)', async () => {
    const regexes = await captureRegexes();
    // The capture must see the rules' regexes, or the test proves nothing.
    expect([...regexes.values()].filter((seen) => /[\\/]rules[\\/]/.test(seen.where)).length).toBeGreaterThan(50);
    const slow: string[] = [];
    for (const [key, seen] of regexes) {
      if (Object.hasOwn(KNOWN_SLOW, seen.regex.source)) continue;
      const verdict = isCatastrophic(seen);
      if (verdict.slow) slow.push(`${key}\n    ${verdict.detail}`);
    }
    expect(slow, `regexes that backtrack:\n${slow.join('\n')}`).toEqual([]);
    const sources = new Set([...regexes.values()].map((seen) => seen.regex.source));
    expect(FIXED.filter((source) => sources.has(source)), 'replaced regexes run again').toEqual([]);
    console.log(`regex-backtracking: ${regexes.size} regexes checked from ${new Set([...regexes.values()].map((seen) => seen.where.replace(/^.*?[\\/](rules|packages)[\\/]/, '$1/').replace(/:\d+:\d+\)?$/, ''))).size} source files`);
  }, 120_000);

  it('the URL-credentials regex once listed as slow is slow by this measure (so the test above would catch it again)', () => {
    // At twice the length of the check above: a fast machine can run the quadratic regex under the
    // first gate at 5,000 characters, and this test is about the measure, not the machine.
    expect(isCatastrophic({ regex: new RegExp(FIXED[0]!, 'i'), sample: '', where: '' }, 10_000).slow).toBe(true);
  }, 60_000);
});
