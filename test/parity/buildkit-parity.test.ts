// Runs BuildKit's lint test cases (../shared/parity/buildkit/tests, read at run time) against our rules
// that list BuildKit rule names in meta.docs.sources. Every case is linted with all those rules; for
// each BuildKit rule we cover, the lines we report must be the lines BuildKit's test expects (all
// stages: `warnings` plus `unmarshal_warnings_only`), no more, no fewer. The build-arg
// BUILDKIT_DOCKERFILE_CHECK replaces the file's `# check=` directive, as in BuildKit.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RuleEntry } from '@docmind-docker-lint/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

interface Expected {
  readonly warnings: readonly { rule: string; line: number }[];
  readonly unmarshal_warnings_only: readonly { rule: string; line: number }[];
  readonly frontendAttrs: Readonly<Record<string, string>>;
}

interface Outcome {
  readonly testCase: string;
  readonly rule: string;
  readonly verdict: 'agreed' | 'disagreed' | 'known';
  readonly detail: string;
}

const TESTS = path.join(PARITY_ROOT, 'buildkit', 'tests');
const CHECK_ATTRIBUTE = 'build-arg:BUILDKIT_DOCKERFILE_CHECK';

if (!parityAvailable) console.log(SKIP_MESSAGE);

describe.skipIf(!parityAvailable)('BuildKit parity', () => {
  const outcomes: Outcome[] = [];
  const tallies = new Map<string, Tally>();

  beforeAll(async () => {
    const byName = await rulesByPeerId('buildkit');
    const rules: Record<string, RuleEntry> = {};
    const peerNamesOf = new Map<string, string[]>();
    for (const [name, covering] of byName) {
      for (const { id, rule } of covering) {
        rules[id] = 'error';
        peerNamesOf.set(id, rule.meta.docs.sources?.buildkit ? [...rule.meta.docs.sources.buildkit] : []);
      }
      tallies.set(name, { cases: 0, agreed: 0, disagreed: 0, known: 0, skipped: 0 });
    }
    const known = new Set(knownDifferences('buildkit').map((entry) => `${entry.rule} ${entry.case}`));
    const folders = readdirSync(TESTS).filter((name) => existsSync(path.join(TESTS, name, 'expected.json'))).sort();
    for (const folder of folders) {
      const expected = JSON.parse(readFileSync(path.join(TESTS, folder, 'expected.json'), 'utf8')) as Expected;
      const { text, lineShift } = withCheckAttribute(readFileSync(path.join(TESTS, folder, 'Dockerfile'), 'utf8'), expected.frontendAttrs[CHECK_ATTRIBUTE]);
      const ignore = path.join(TESTS, folder, '.dockerignore');
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
        const verdict = known.has(`${name} ${folder}`) ? 'known' : agrees ? 'agreed' : 'disagreed';
        const detail = agrees ? 'agrees now' : `expected lines [${want.join(', ')}], got [${got.join(', ')}]`;
        outcomes.push({ testCase: folder, rule: name, verdict, detail });
        const tally = tallies.get(name)!;
        tally.cases++;
        tally[verdict]++;
      }
    }
  }, 600_000);

  afterAll(() => printSummary('BuildKit parity (every test case, per BuildKit rule we cover)', tallies));

  it('reports the lines BuildKit expects for every rule we cover, except the known differences', () => {
    const disagreements = outcomes.filter((outcome) => outcome.verdict === 'disagreed').map((outcome) => `${outcome.testCase} ${outcome.rule}: ${outcome.detail}`);
    expect(disagreements).toEqual([]);
  });

  it('lists only known differences that still differ', () => {
    const stale = outcomes
      .filter((outcome) => outcome.verdict === 'known' && outcome.detail === 'agrees now')
      .map((outcome) => `${outcome.rule} ${outcome.testCase}`);
    expect(stale, 'these cases agree now: remove them from known-differences.json').toEqual([]);
  });
});

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
