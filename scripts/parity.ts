// `pnpm parity`: compares our rules with hadolint's and BuildKit's own test cases (the harness of
// test/parity, data read from ../shared/parity at run time), prints per-rule agreement and every
// disagreement, and writes docs/parity.md. `--check` writes nothing and fails when docs/parity.md is
// stale. Without `--check` the exit code is 1 when a target is missed: a hadolint id below 97% agreement
// (deliberate differences apart), a BuildKit expectation not met, a stale known difference, or a
// deliberate difference whose reason names a rule README that does not explain it (mention the peer id).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hadolintCases, runBuildkitParity, runHadolintParity, shellcheckInstalled, type Outcome, type ParityReport } from '../test/parity/harness.js';
import { PARITY_ROOT, parityAvailable, type Tally } from '../test/parity/parity-support.js';

const root = path.resolve(import.meta.dirname, '..');
const docPath = path.join(root, 'docs', 'parity.md');
const check = process.argv.includes('--check');
const HADOLINT_TARGET = 97;

if (!parityAvailable) {
  // CI has ../shared beside the repository; elsewhere there is nothing to compare with.
  console.log(`parity cases not found at ${PARITY_ROOT}: nothing compared${check ? ', docs/parity.md not checked' : ''}`);
  process.exit(0);
}
if (check && !shellcheckInstalled()) {
  console.log('shellcheck is not installed: the SHELLCHECK cases cannot be judged, docs/parity.md not checked');
  process.exit(0);
}

const started = Date.now();
const hadolint = await runHadolintParity();
const buildkit = await runBuildkitParity();
const uncovered = [...new Set(hadolintCases().map((testCase) => testCase.rule))].filter((id) => !hadolint.tallies.has(id)).sort();
const markdown = render(hadolint, buildkit, uncovered);

const problems: string[] = [];
for (const [id, tally] of hadolint.tallies) {
  const rate = judgedRate(tally);
  if (rate !== undefined && rate < HADOLINT_TARGET) problems.push(`hadolint ${id}: ${rate.toFixed(1)}% agreement (target ${HADOLINT_TARGET}%)`);
}
for (const outcome of buildkit.outcomes) {
  if (outcome.verdict === 'disagreed') problems.push(`BuildKit ${outcome.peerId} ${outcome.caseName}: ${outcome.detail}`);
}
for (const report of [hadolint, buildkit]) {
  for (const entry of report.stale) problems.push(`${report.peer} ${entry.rule} ${entry.case} agrees now: remove it from test/parity/known-differences.json`);
}
problems.push(...undocumentedReasons([...hadolint.outcomes, ...buildkit.outcomes]));

if (!check) {
  console.log(summaryTable('hadolint', hadolint));
  console.log(summaryTable('BuildKit', buildkit));
}
for (const report of [hadolint, buildkit]) {
  const disagreements = report.outcomes.filter((outcome) => outcome.verdict === 'disagreed');
  const total = sum(report.tallies.values());
  console.log(`${report.peer}: ${total.agreed} of ${total.cases} agree, ${disagreements.length} disagreement(s), ${total.known} deliberate, ${total.skipped} skipped`);
  for (const outcome of disagreements) console.log(`  ${outcome.peerId} ${outcome.caseName}: ${outcome.detail}`);
}
console.log(`compared in ${((Date.now() - started) / 1000).toFixed(1)} s`);

if (check) {
  const current = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';
  if (current !== markdown) {
    console.error('docs/parity.md is stale: run `pnpm parity`');
    process.exitCode = 1;
  } else {
    console.log('docs/parity.md is current');
  }
} else {
  writeFileSync(docPath, markdown);
  console.log('docs/parity.md written');
}
if (problems.length > 0) {
  // `--check` (part of `pnpm docs:check`) fails only on a stale page; the parity tests fail on disagreements.
  console.error(`\ntargets missed:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
  if (!check) process.exitCode = 1;
}

/** Agreement over the cases judged, deliberate differences apart (`undefined` when none was judged). */
function judgedRate(tally: Tally): number | undefined {
  const judged = tally.agreed + tally.disagreed;
  return judged === 0 ? undefined : (100 * tally.agreed) / judged;
}

/** Agreement counting deliberate differences as disagreements. */
function rawRate(tally: Tally): number | undefined {
  const judged = tally.agreed + tally.disagreed + tally.known;
  return judged === 0 ? undefined : (100 * tally.agreed) / judged;
}

function percent(rate: number | undefined): string {
  return rate === undefined ? '-' : `${rate.toFixed(1)}%`;
}

function sum(tallies: Iterable<Tally>): Tally {
  const total: Tally = { cases: 0, agreed: 0, disagreed: 0, known: 0, skipped: 0 };
  for (const tally of tallies) {
    total.cases += tally.cases;
    total.agreed += tally.agreed;
    total.disagreed += tally.disagreed;
    total.known += tally.known;
    total.skipped += tally.skipped;
  }
  return total;
}

function table(report: ParityReport, peerLabel: string): string[] {
  const rows = [...report.tallies].sort(([a], [b]) => a.localeCompare(b));
  const line = (id: string, rules: string, tally: Tally): string =>
    `| ${id} | ${rules} | ${tally.cases} | ${tally.agreed} | ${tally.disagreed} | ${tally.known} | ${tally.skipped} | ${percent(judgedRate(tally))} | ${percent(rawRate(tally))} |`;
  return [
    `| ${peerLabel} | our rule | cases | agree | disagree | deliberate | skipped | agreement | with deliberate |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(([id, tally]) => line(id, (report.rulesOf.get(id) ?? []).map((rule) => `\`${rule}\``).join(', '), tally)),
    line('**total**', '', sum(report.tallies.values())),
  ];
}

function summaryTable(title: string, report: ParityReport): string {
  const total = sum(report.tallies.values());
  return `\n${title}: ${total.cases} judgements, ${total.agreed} agree, ${total.disagreed} disagree, ${total.known} deliberate, ${total.skipped} skipped\n${table(report, 'peer id').join('\n')}`;
}

/** Every disagreement, one line each, with what we reported against what the peer expects. */
function disagreementList(outcomes: readonly Outcome[]): string[] {
  if (outcomes.length === 0) return ['None.'];
  return outcomes.map((outcome) => {
    const title = outcome.title === outcome.caseName ? '' : ` (${outcome.title})`;
    return `- **${outcome.peerId}** \`${outcome.caseName}\`${title}: ${escapeMarkdown(outcome.detail)}`;
  });
}

/** Known differences, one line per peer id and reason, with their cases. */
function knownList(outcomes: readonly Outcome[]): string[] {
  if (outcomes.length === 0) return ['None.'];
  const groups = new Map<string, { peerId: string; reason: string; cases: string[] }>();
  for (const outcome of outcomes) {
    const reason = outcome.reason ?? '';
    const key = `${outcome.peerId}\n${reason}`;
    const group = groups.get(key) ?? { peerId: outcome.peerId, reason, cases: [] };
    group.cases.push(outcome.caseName);
    groups.set(key, group);
  }
  return [...groups.values()].map(
    (group) => `- **${group.peerId}** (${group.cases.map((name) => `\`${name}\``).join(', ')}): ${escapeMarkdown(group.reason)}`,
  );
}

function escapeMarkdown(text: string): string {
  return text.replaceAll('\n', ' ').replaceAll('|', '\\|').replaceAll('<', '&lt;');
}

function render(hadolintReport: ParityReport, buildkitReport: ParityReport, notCovered: readonly string[]): string {
  const section = (report: ParityReport, label: string): string[] => {
    const of = (verdict: Outcome['verdict']) => report.outcomes.filter((outcome) => outcome.verdict === verdict);
    const skipped = new Map<string, number>();
    for (const outcome of of('skipped')) skipped.set(outcome.detail, (skipped.get(outcome.detail) ?? 0) + 1);
    return [
      ...table(report, label),
      '',
      '### Disagreements',
      '',
      ...disagreementList(of('disagreed')),
      '',
      '### Known differences',
      '',
      'Listed in `test/parity/known-differences.json`, each with its reason: deliberate differences (the rule',
      "README explains them too) and cases whose extraction from the peer's tests lost something.",
      '',
      ...knownList(of('known')),
      '',
      '### Skipped',
      '',
      ...(skipped.size === 0 ? ['None.'] : [...skipped].sort(([a], [b]) => a.localeCompare(b)).map(([reason, n]) => `- ${n} case(s): ${escapeMarkdown(reason)}`)),
    ];
  };
  return [
    '# Parity with hadolint and BuildKit',
    '',
    '<!-- Generated by `pnpm parity` (scripts/parity.ts): do not edit. `pnpm parity --check` fails when this page is stale. -->',
    '',
    "Our rules judged against the peers' own test cases: hadolint 2.15.1's test suite and BuildKit's lint",
    'tests, read at run time from `../shared/parity` (GPL test data, never copied here). The same harness',
    '(`test/parity/harness.ts`) runs in the test suite, where any disagreement that is not a listed',
    'deliberate difference fails.',
    '',
    '- **hadolint**: each case is linted with only our rules that list its id in `meta.docs.sources.hadolint`',
    '  (`SHELLCHECK`, hadolint\'s pseudo-rule for any ShellCheck finding, by the `shellcheck` rule, which',
    '  needs `shellcheck` on PATH). A violation case needs a problem (exactly `count` instructions with',
    '  problems when the case says so), an ok case none. Target: at least 97% agreement per id, deliberate',
    '  differences apart.',
    '- **BuildKit**: every case is linted with all our rules that list a BuildKit check; per check, the lines',
    '  we report must be exactly the lines BuildKit expects. Target: 100%, deliberate differences apart.',
    '',
    '"agreement" leaves known differences out; "with deliberate" counts them as disagreements.',
    '',
    '## hadolint',
    '',
    ...section(hadolintReport, 'hadolint id'),
    '',
    '### Not covered',
    '',
    notCovered.length === 0
      ? 'Every hadolint id with test cases is covered.'
      : `hadolint ids with test cases and no rule of ours: ${notCovered.map((id) => `\`${id}\``).join(', ')} (\`ALL\` is hadolint's "no finding at all" pseudo-rule).`,
    '',
    '## BuildKit',
    '',
    ...section(buildkitReport, 'BuildKit check'),
    '',
  ].join('\n');
}

/**
 * A deliberate difference whose reason names a rule README must be explained there: the README has to
 * exist and mention the peer id (`DL3034`, `SHELLCHECK` as hadolint's ShellCheck cases, a BuildKit check).
 */
function undocumentedReasons(outcomes: readonly Outcome[]): string[] {
  const problems = new Set<string>();
  for (const outcome of outcomes) {
    if (outcome.verdict !== 'known' || !outcome.reason) continue;
    for (const match of outcome.reason.matchAll(/rules\/[\w-]+\/src\/[\w-]+\/README\.md/g)) {
      const readme = path.join(root, match[0]);
      // The generated header lists the peer ids a rule covers; the explanation must be in the text below it.
      const text = existsSync(readme) ? readFileSync(readme, 'utf8').replace(/^[^]*<!-- end generated header -->/, '') : undefined;
      const mentions = outcome.peerId === 'SHELLCHECK' ? /hadolint/i : new RegExp(outcome.peerId);
      if (text === undefined) problems.add(`${outcome.peerId}: ${match[0]}, named in a deliberate difference, does not exist`);
      else if (!mentions.test(text)) problems.add(`${outcome.peerId}: ${match[0]} does not explain the deliberate difference (it never mentions ${outcome.peerId})`);
    }
  }
  return [...problems];
}
