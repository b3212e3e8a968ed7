// Runs hadolint's own test cases (../shared/parity/hadolint, read at run time) against our rules that
// list the case's DL id in meta.docs.sources, with only those rules enabled. A violation case needs at
// least one problem (exactly `count` instructions with problems when the case gives a count: hadolint
// reports once per instruction); an ok case needs none. Deliberate differences are listed, with a
// reason, in known-differences.json.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDockerfile, SourceFile, type AnyRule, type LintMessage, type RuleEntry } from '@docmind-docker-lint/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translateHadolintConfig } from './hadolint-config.js';
import {
  knownDifferences,
  lintCase,
  PARITY_ROOT,
  parityAvailable,
  printSummary,
  rulesByPeerId,
  SKIP_MESSAGE,
  type Tally,
} from './parity-support.js';

interface HadolintCase {
  readonly rule: string;
  readonly file: string;
  readonly expect: 'violation' | 'ok';
  readonly count?: number;
  readonly config?: Readonly<Record<string, unknown>>;
  readonly variant?: string;
  readonly suite: string;
  readonly test: string;
}

interface Outcome {
  readonly testCase: HadolintCase;
  readonly verdict: 'agreed' | 'disagreed' | 'known' | 'skipped';
  readonly detail: string;
}

const CASES_FILE = path.join(PARITY_ROOT, 'hadolint', 'cases.jsonl');

if (!parityAvailable) console.log(SKIP_MESSAGE);

describe.skipIf(!parityAvailable)('hadolint parity', () => {
  const outcomes: Outcome[] = [];
  const tallies = new Map<string, Tally>();

  beforeAll(async () => {
    const byDlId = await rulesByPeerId('hadolint');
    const known = new Map(knownDifferences('hadolint').map((entry) => [`${entry.rule} ${entry.case}`, entry]));
    const cases = readFileSync(CASES_FILE, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as HadolintCase);
    for (const testCase of cases) {
      const covering = byDlId.get(testCase.rule);
      if (!covering) continue;
      const outcome = await judge(testCase, covering, known.has(`${testCase.rule} ${testCase.file}`));
      outcomes.push(outcome);
      const tally = tallies.get(testCase.rule) ?? { cases: 0, agreed: 0, disagreed: 0, known: 0, skipped: 0 };
      tally.cases++;
      tally[outcome.verdict]++;
      tallies.set(testCase.rule, tally);
    }
  }, 600_000);

  afterAll(() => {
    printSummary('hadolint parity (cases of DL ids our rules cover)', tallies);
    const skippedByReason = new Map<string, string[]>();
    for (const outcome of outcomes.filter((entry) => entry.verdict === 'skipped')) {
      skippedByReason.set(outcome.detail, [...(skippedByReason.get(outcome.detail) ?? []), outcome.testCase.file]);
    }
    for (const [reason, files] of skippedByReason) console.log(`skipped ${files.length} case(s): ${reason}`);
  });

  it('agrees with hadolint on every case, except the known differences', () => {
    const disagreements = outcomes
      .filter((outcome) => outcome.verdict === 'disagreed')
      .map((outcome) => `${outcome.testCase.file} (${outcome.testCase.test}): ${outcome.detail}`);
    expect(disagreements).toEqual([]);
  });

  it('lists only known differences that still differ', () => {
    const stillDiffering = new Set(
      outcomes
        .filter((outcome) => outcome.verdict === 'known' && outcome.detail !== 'agrees now')
        .map((outcome) => `${outcome.testCase.rule} ${outcome.testCase.file}`),
    );
    const stale = knownDifferences('hadolint')
      .filter((entry) => outcomes.some((outcome) => outcome.testCase.file === entry.case && outcome.testCase.rule === entry.rule))
      .filter((entry) => !stillDiffering.has(`${entry.rule} ${entry.case}`))
      .map((entry) => `${entry.rule} ${entry.case}`);
    expect(stale, 'these cases agree now: remove them from known-differences.json').toEqual([]);
  });
});

async function judge(testCase: HadolintCase, covering: readonly { id: string; rule: AnyRule }[], isKnown: boolean): Promise<Outcome> {
  const rules: Record<string, RuleEntry> = {};
  for (const { id, rule } of covering) {
    if (!testCase.config) {
      rules[id] = 'error';
      continue;
    }
    const translation = translateHadolintConfig(testCase.rule, testCase.config, id, rule);
    if ('skip' in translation) return { testCase, verdict: 'skipped', detail: translation.skip };
    rules[id] = ['error', ...translation.options] as RuleEntry;
  }
  const text = readFileSync(path.join(PARITY_ROOT, 'hadolint', testCase.file), 'utf8');
  const messages = await lintCase(text, rules);
  const internal = messages.filter((message) => message.ruleId === null || message.internal);
  const found = messages.filter((message) => message.ruleId !== null && message.ruleId in rules);
  const instructions = instructionsWithProblems(text, found);
  const agrees =
    internal.length === 0 &&
    (testCase.expect === 'ok' ? found.length === 0 : testCase.count === undefined ? found.length > 0 : instructions === testCase.count);
  const detail = `expected ${testCase.expect}${testCase.count === undefined ? '' : ` (${testCase.count})`}, got ${instructions} instruction(s) with problems${
    found.length > 0 ? `: ${found.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.message}`).join('; ')}` : ''
  }${internal.length > 0 ? `; errors: ${internal.map((message) => message.message).join('; ')}` : ''}`;
  if (isKnown) return { testCase, verdict: 'known', detail: agrees ? 'agrees now' : detail };
  return { testCase, verdict: agrees ? 'agreed' : 'disagreed', detail };
}

/** How many instructions the problems fall in (hadolint reports at most once per instruction and rule). */
function instructionsWithProblems(text: string, messages: readonly LintMessage[]): number {
  const dockerfile = parseDockerfile(SourceFile.fromText('/parity-case/Dockerfile', text, 'dockerfile'));
  const hit = new Set<number>();
  for (const message of messages) {
    const offset = message.range[0];
    const index = dockerfile.instructions.findIndex((instruction) => offset >= instruction.range[0] && offset <= instruction.range[1]);
    hit.add(index >= 0 ? index : -1 - offset);
  }
  return hit.size;
}
