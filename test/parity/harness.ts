// The parity runs themselves, shared by the vitest parity tests and `pnpm parity` (scripts/parity.ts):
// hadolint's cases judged per DL/SC id with only the rules covering it, BuildKit's cases judged per
// BuildKit rule by the lines reported. Nothing here asserts; callers decide what a disagreement means.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDockerfile, SourceFile, type AnyRule, type LintMessage, type RuleEntry } from '@docmind-docker-lint/core';
import { translateHadolintConfig } from './hadolint-config.js';
import { knownDifferences, lintCase, PARITY_ROOT, rulesByPeerId, type KnownDifference, type Tally } from './parity-support.js';

export type Verdict = 'agreed' | 'disagreed' | 'known' | 'skipped';

export interface HadolintCase {
  readonly rule: string;
  readonly file: string;
  readonly expect: 'violation' | 'ok';
  readonly count?: number;
  readonly config?: Readonly<Record<string, unknown>>;
  readonly variant?: string;
  readonly suite: string;
  readonly test: string;
}

export interface Outcome {
  /** The peer id judged: a DL id or `SHELLCHECK` (hadolint), a check name (BuildKit). */
  readonly peerId: string;
  /** The case: a hadolint case file (`DL3004/3.Dockerfile`) or a BuildKit test folder. */
  readonly caseName: string;
  /** hadolint's test title (BuildKit: the folder again). */
  readonly title: string;
  readonly verdict: Verdict;
  /** What we reported against what the peer expects; `agrees now` for a known difference that no longer differs. */
  readonly detail: string;
  /** The reason of a known difference (known-differences.json). */
  readonly reason?: string;
}

export interface ParityReport {
  readonly peer: 'hadolint' | 'buildkit';
  readonly outcomes: readonly Outcome[];
  /** Per peer id: the counts. */
  readonly tallies: ReadonlyMap<string, Tally>;
  /** Per peer id: our rules judged for it. */
  readonly rulesOf: ReadonlyMap<string, readonly string[]>;
  /** Known differences whose case was judged and that agree now (stale entries of known-differences.json). */
  readonly stale: readonly KnownDifference[];
}

const HADOLINT_CASES = path.join(PARITY_ROOT, 'hadolint', 'cases.jsonl');
const BUILDKIT_TESTS = path.join(PARITY_ROOT, 'buildkit', 'tests');
const CHECK_ATTRIBUTE = 'build-arg:BUILDKIT_DOCKERFILE_CHECK';
/** hadolint's pseudo-rule for its ShellCheck integration: any SC finding (violation) or none (ok). */
const SHELLCHECK_PSEUDO_RULE = 'SHELLCHECK';

/** Whether a `shellcheck` program runs here (the SHELLCHECK cases are skipped without one). */
export function shellcheckInstalled(): boolean {
  const result = spawnSync('shellcheck', ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] });
  return result.status === 0;
}

export function hadolintCases(): HadolintCase[] {
  return readFileSync(HADOLINT_CASES, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as HadolintCase);
}

/**
 * hadolint's cases against our rules listing the case's DL id in `meta.docs.sources.hadolint` (the
 * SHELLCHECK pseudo-rule: rules listing `SC*`), with only those rules enabled. A violation case needs
 * at least one problem (exactly `count` instructions with problems when the case gives a count:
 * hadolint reports once per instruction); an ok case needs none.
 */
export async function runHadolintParity(): Promise<ParityReport> {
  const byPeerId = await rulesByPeerId('hadolint');
  const scRules = [...byPeerId].filter(([id]) => id.startsWith('SC')).flatMap(([, covering]) => covering);
  if (scRules.length > 0) byPeerId.set(SHELLCHECK_PSEUDO_RULE, scRules);
  const knownList = knownDifferences('hadolint');
  const known = new Map(knownList.map((entry) => [`${entry.rule} ${entry.case}`, entry]));
  const outcomes: Outcome[] = [];
  const tallies = new Map<string, Tally>();
  const rulesOf = new Map<string, string[]>();
  let shellcheck: boolean | undefined;
  for (const testCase of hadolintCases()) {
    const covering = byPeerId.get(testCase.rule);
    if (!covering) continue;
    rulesOf.set(testCase.rule, [...new Set(covering.map(({ id }) => id))]);
    const entry = known.get(`${testCase.rule} ${testCase.file}`);
    let outcome: Outcome;
    if (testCase.rule === SHELLCHECK_PSEUDO_RULE && !(shellcheck ??= shellcheckInstalled())) {
      outcome = { ...base(testCase), verdict: 'skipped', detail: 'no shellcheck program on PATH' };
    } else {
      outcome = await judgeHadolintCase(testCase, covering, entry);
    }
    outcomes.push(outcome);
    count(tallies, testCase.rule, outcome.verdict);
  }
  return { peer: 'hadolint', outcomes, tallies, rulesOf, stale: staleEntries(knownList, outcomes) };
}

function base(testCase: HadolintCase): Pick<Outcome, 'peerId' | 'caseName' | 'title'> {
  return { peerId: testCase.rule, caseName: testCase.file, title: testCase.test };
}

async function judgeHadolintCase(
  testCase: HadolintCase,
  covering: readonly { id: string; rule: AnyRule }[],
  known: KnownDifference | undefined,
): Promise<Outcome> {
  const rules: Record<string, RuleEntry> = {};
  for (const { id, rule } of covering) {
    if (!testCase.config) {
      rules[id] = 'error';
      continue;
    }
    const translation = translateHadolintConfig(testCase.rule, testCase.config, id, rule);
    if ('skip' in translation) return { ...base(testCase), verdict: 'skipped', detail: translation.skip };
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
  if (known) return { ...base(testCase), verdict: 'known', detail: agrees ? 'agrees now' : detail, reason: known.reason };
  return { ...base(testCase), verdict: agrees ? 'agreed' : 'disagreed', detail };
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

interface BuildkitExpected {
  readonly warnings: readonly { rule: string; line: number }[];
  readonly unmarshal_warnings_only: readonly { rule: string; line: number }[];
  readonly frontendAttrs: Readonly<Record<string, string>>;
}

/**
 * BuildKit's lint test cases against our rules listing BuildKit check names. Every case is linted
 * with all those rules; for each BuildKit rule we cover, the lines we report must be the lines
 * BuildKit's test expects (all stages: `warnings` plus `unmarshal_warnings_only`), no more, no fewer.
 * The build-arg BUILDKIT_DOCKERFILE_CHECK replaces the file's `# check=` directive, as in BuildKit.
 */
export async function runBuildkitParity(): Promise<ParityReport> {
  const byName = await rulesByPeerId('buildkit');
  const rules: Record<string, RuleEntry> = {};
  const peerNamesOf = new Map<string, string[]>();
  const tallies = new Map<string, Tally>();
  const rulesOf = new Map<string, string[]>();
  for (const [name, covering] of byName) {
    for (const { id, rule } of covering) {
      rules[id] = 'error';
      peerNamesOf.set(id, rule.meta.docs.sources?.buildkit ? [...rule.meta.docs.sources.buildkit] : []);
    }
    rulesOf.set(name, [...new Set(covering.map(({ id }) => id))]);
    tallies.set(name, { cases: 0, agreed: 0, disagreed: 0, known: 0, skipped: 0 });
  }
  const knownList = knownDifferences('buildkit');
  const known = new Map(knownList.map((entry) => [`${entry.rule} ${entry.case}`, entry]));
  const outcomes: Outcome[] = [];
  const folders = readdirSync(BUILDKIT_TESTS)
    .filter((name) => existsSync(path.join(BUILDKIT_TESTS, name, 'expected.json')))
    .sort();
  for (const folder of folders) {
    const expected = JSON.parse(readFileSync(path.join(BUILDKIT_TESTS, folder, 'expected.json'), 'utf8')) as BuildkitExpected;
    const { text, lineShift } = withCheckAttribute(readFileSync(path.join(BUILDKIT_TESTS, folder, 'Dockerfile'), 'utf8'), expected.frontendAttrs[CHECK_ATTRIBUTE]);
    const ignore = path.join(BUILDKIT_TESTS, folder, '.dockerignore');
    const files: Record<string, string> = existsSync(ignore) ? { '.dockerignore': readFileSync(ignore, 'utf8') } : {};
    const messages = await lintCase(text, rules, files);
    for (const name of byName.keys()) {
      const want = lineSet([...expected.warnings, ...expected.unmarshal_warnings_only].filter((warning) => warning.rule === name).map((warning) => warning.line));
      const got = lineSet(
        messages
          .filter((message) => message.ruleId !== null && (peerNamesOf.get(message.ruleId) ?? []).includes(name))
          .map((message) => message.line - lineShift),
      );
      const agrees = want.join() === got.join();
      const entry = known.get(`${name} ${folder}`);
      const verdict: Verdict = entry ? 'known' : agrees ? 'agreed' : 'disagreed';
      const detail = agrees ? 'agrees now' : `expected lines [${want.join(', ')}], got [${got.join(', ')}]`;
      outcomes.push({ peerId: name, caseName: folder, title: folder, verdict, detail, ...(entry ? { reason: entry.reason } : {}) });
      count(tallies, name, verdict);
    }
  }
  return { peer: 'buildkit', outcomes, tallies, rulesOf, stale: staleEntries(knownList, outcomes) };
}

function lineSet(lines: readonly number[]): number[] {
  return [...new Set(lines)].sort((a, b) => a - b);
}

/**
 * The Dockerfile with BUILDKIT_DOCKERFILE_CHECK in place of its `# check=` directive: on that line,
 * else on an empty first line, else on a new first line (then reported lines shift by one).
 */
function withCheckAttribute(text: string, check: string | undefined): { text: string; lineShift: number } {
  if (check === undefined) return { text, lineShift: 0 };
  const lines = text.split('\n');
  const directive = lines.findIndex((line) => /^#\s*check\s*=/i.test(line));
  if (directive >= 0) {
    lines[directive] = `# check=${check}`;
    return { text: lines.join('\n'), lineShift: 0 };
  }
  if (lines[0]?.trim() === '') {
    lines[0] = `# check=${check}`;
    return { text: lines.join('\n'), lineShift: 0 };
  }
  return { text: `# check=${check}\n${text}`, lineShift: 1 };
}

function count(tallies: Map<string, Tally>, peerId: string, verdict: Verdict): void {
  const tally = tallies.get(peerId) ?? { cases: 0, agreed: 0, disagreed: 0, known: 0, skipped: 0 };
  tally.cases++;
  tally[verdict]++;
  tallies.set(peerId, tally);
}

/** Known differences whose case was judged and agrees now. */
function staleEntries(entries: readonly KnownDifference[], outcomes: readonly Outcome[]): KnownDifference[] {
  return entries.filter((entry) =>
    outcomes.some((outcome) => outcome.caseName === entry.case && outcome.peerId === entry.rule && outcome.verdict === 'known' && outcome.detail === 'agrees now'),
  );
}
