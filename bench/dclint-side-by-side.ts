// Side by side with dclint on a fixed sample of Compose files from the corpus: what each reports,
// with dclint's rule ids mapped onto ours through `meta.docs.sources.dclint`. The result is the raw
// material of docs/compose-dclint-comparison.md.
//
//   mkdir -p /tmp/dclint-side && (cd /tmp/dclint-side && npm init -y && npm i dclint@3.1.0)
//   pnpm exec tsx --conditions=source bench/dclint-side-by-side.ts [corpus folder] > /tmp/side-by-side.md
//   pnpm exec tsx --conditions=source bench/dclint-side-by-side.ts --corpus-counts [corpus folder]
//
// `--corpus-counts` prints, instead, the hits and files of every Compose rule over all the Compose
// files of the corpus MANIFEST (no dclint needed).
//
// dclint is installed from npm into a folder outside the repository (DCLINT_DIR, default
// /tmp/dclint-side); it is never a dependency of this workspace. It runs with all its rules at their
// defaults (no config file), our side with every rule of the Compose pack and no config file.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintProject, type LintMessage } from '@docmind-docker-lint/core';
import compose from '@docmind-docker-lint/plugin-compose';

const repo = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const countsOnly = process.argv.includes('--corpus-counts');
const corpusArgument = process.argv.slice(2).find((argument) => !argument.startsWith('--'));
const corpus = path.resolve(corpusArgument ?? path.join(repo, '../shared/corpus'));
const dclintDir = process.env.DCLINT_DIR ?? '/tmp/dclint-side';
const dclintBin = path.join(dclintDir, 'node_modules', '.bin', 'dclint');

/** The sample, as `repo<TAB>path` rows of the corpus MANIFEST: old and new formats, small and large, security-heavy, broken. */
const SAMPLE: readonly (readonly [string, string])[] = [
  ['vimagick/dockerfiles', '3proxy/docker-compose.yml'],
  ['vimagick/dockerfiles', 'mastodon/docker-compose.yml'],
  ['vimagick/dockerfiles', 'kafka-rest/docker-compose.yml'],
  ['vimagick/dockerfiles', 'falco/docker-compose.yml'],
  ['vimagick/dockerfiles', 'registry/docker-compose.oss.yml'],
  ['Websoft9/docker-library', 'apps/cadvisor/docker-compose.yml'],
  ['Websoft9/docker-library', 'apps/tooljet/docker-compose.yml'],
  ['Websoft9/docker-library', 'apps/photoprism/docker-compose.yml'],
  ['Websoft9/docker-library', 'apps/awx/docker-compose.yml'],
  ['Websoft9/docker-library', 'apps/pimcore/docker-compose.yml'],
  ['Websoft9/docker-library', 'apps/kopia/docker-compose.yml'],
  ['Haxxnet/Compose-Examples', 'examples/authentik/docker-compose.yml'],
  ['Haxxnet/Compose-Examples', 'examples/grafana-monitoring/docker-compose.yml'],
  ['Haxxnet/Compose-Examples', 'examples/fail2ban/docker-compose.yml'],
  ['Haxxnet/Compose-Examples', 'examples/kutt/docker-compose.yml'],
  ['Haxxnet/Compose-Examples', '0_skeleton/docker-compose.yml'],
  ['docker/compose', 'pkg/e2e/fixtures/env_file/compose.yaml'],
  ['docker/compose', 'pkg/e2e/testdata/TestPreStartHookSuccess/compose.yaml'],
  ['microsoft/vscode-dev-containers', 'containers/javascript-node-postgres/.devcontainer/docker-compose.yml'],
  ['StefanScherer/dockerfiles-windows', 'traefik/docker-compose.yml'],
];

interface Finding {
  readonly rule: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

interface DclintMessage {
  readonly rule: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** Our rule for each dclint rule id, from the rules' `meta.docs.sources`. */
const ourRuleFor = new Map<string, string>();
for (const [id, rule] of Object.entries(compose.rules)) for (const peer of rule.meta.docs.sources?.dclint ?? []) ourRuleFor.set(peer, id);
// dclint's schema check has no source entry: compose-schema-valid is its counterpart.
ourRuleFor.set('invalid-schema', 'compose-schema-valid');

function runDclint(file: string): Finding[] {
  const run = spawnSync(dclintBin, ['--formatter', 'json', '--color', 'false', file], { cwd: dclintDir, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.error) throw run.error;
  const json = JSON.parse(run.stdout) as { messages: DclintMessage[] }[];
  return json.flatMap((result) => result.messages).map((message) => ({ rule: message.rule, line: message.line, column: message.column, message: message.message }));
}

async function runOurs(relative: string): Promise<Finding[]> {
  const rules = Object.fromEntries(Object.keys(compose.rules).map((id) => [id, 'error' as const]));
  const [result] = await lintProject({ cwd: corpus, patterns: [relative], useConfigFiles: false, baseConfig: { rules } });
  return (result?.messages ?? []).map((message: LintMessage) => ({
    rule: message.ruleId ?? (message.fatal ? 'parse-error' : 'unknown'),
    line: message.line,
    column: message.column,
    message: message.message,
  }));
}

function countBy(findings: readonly (Finding | readonly [Finding, Finding])[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of findings) {
    const rule = 'rule' in item ? item.rule : item[0].rule;
    counts.set(rule, (counts.get(rule) ?? 0) + 1);
  }
  return counts;
}

/** Rules whose finding is about the whole file: dclint puts them at 1:1, we at the first key. */
const FILE_LEVEL = new Set(['compose-schema-valid', 'require-project-name', 'no-version-key', 'top-level-keys-order']);
/** How many lines apart two findings of one rule may be and still be the same (dclint reports a list at its key, we at the item). */
const NEARBY_LINES = 3;

/**
 * Pairs dclint's findings with ours of the same rule: first on the same line, then the nearest within
 * NEARBY_LINES (or anywhere for file-level rules); what is left is one side's alone.
 */
function pair(theirs: readonly Finding[], ours: readonly Finding[]) {
  const free = new Set(ours);
  const same: Finding[] = [];
  const moved: (readonly [Finding, Finding])[] = [];
  const left: Finding[] = [];
  for (const finding of theirs) {
    const match = [...free].find((candidate) => candidate.rule === finding.rule && candidate.line === finding.line);
    if (match) {
      free.delete(match);
      same.push(finding);
    } else left.push(finding);
  }
  const theirsOnly: Finding[] = [];
  for (const finding of left) {
    const candidates = [...free]
      .filter((candidate) => candidate.rule === finding.rule && (FILE_LEVEL.has(finding.rule) || Math.abs(candidate.line - finding.line) <= NEARBY_LINES))
      .sort((a, b) => Math.abs(a.line - finding.line) - Math.abs(b.line - finding.line));
    const match = candidates[0];
    if (match) {
      free.delete(match);
      moved.push([finding, match]);
    } else theirsOnly.push(finding);
  }
  return { same, moved, theirsOnly, oursOnly: [...free] };
}

const format = (counts: ReadonlyMap<string, number>): string =>
  counts.size === 0 ? '-' : [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([rule, count]) => `${rule} ×${count}`).join(', ');

/** Hits and files of every Compose rule over the corpus's Compose files, as a Markdown table. */
async function printCorpusCounts(): Promise<void> {
  const files = readFileSync(path.join(corpus, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter((columns) => columns[3] === 'compose')
    .map(([repository, , file]) => `${repository!.replace('/', '__')}/${file}`)
    .filter((file) => existsSync(path.join(corpus, file)));
  const rules = Object.fromEntries(Object.keys(compose.rules).map((id) => [id, 'error' as const]));
  const results = await lintProject({ cwd: corpus, patterns: files, useConfigFiles: false, baseConfig: { rules } });
  const counts = new Map<string, { hits: number; files: Set<string> }>();
  for (const result of results) {
    if (!files.includes(path.relative(corpus, result.filePath))) continue;
    for (const message of result.messages) {
      const id = message.ruleId ?? (message.fatal ? 'parse-error' : 'unknown');
      const entry = counts.get(id) ?? { hits: 0, files: new Set<string>() };
      entry.hits++;
      entry.files.add(result.filePath);
      counts.set(id, entry);
    }
  }
  console.log(`${files.length} Compose files.\n\n| rule | hits | files |\n| --- | --- | --- |`);
  for (const [id, entry] of [...counts].sort(([a], [b]) => a.localeCompare(b))) console.log(`| ${id} | ${entry.hits} | ${entry.files.size} |`);
}

if (countsOnly) {
  await printCorpusCounts();
  process.exit(0);
}
if (!existsSync(dclintBin)) {
  console.error(`dclint is not installed in ${dclintDir}: mkdir -p ${dclintDir} && (cd ${dclintDir} && npm init -y && npm i dclint@3.1.0)`);
  process.exit(1);
}
const version = (JSON.parse(readFileSync(path.join(dclintDir, 'node_modules', 'dclint', 'package.json'), 'utf8')) as { version: string }).version;
console.log(`# dclint ${version} vs docmind-docker-lint (Compose pack, every rule)\n`);
console.log('| # | file | dclint | ours | same rule, same line | same rule, other line | dclint only (mapped) | ours only, rules dclint has |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
const totals = { dclint: 0, ours: 0, same: 0, moved: 0 };
const details: string[] = [];
for (const [index, [repository, file]] of SAMPLE.entries()) {
  const relative = `${repository.replace('/', '__')}/${file}`;
  const absolute = path.join(corpus, relative);
  if (!existsSync(absolute)) {
    console.log(`| ${index + 1} | ${repository} ${file} | missing | | | | | |`);
    continue;
  }
  const theirs = runDclint(absolute).map((finding) => ({ ...finding, rule: ourRuleFor.get(finding.rule) ?? `dclint:${finding.rule}` }));
  const ours = await runOurs(relative);
  const { same, moved, theirsOnly, oursOnly } = pair(theirs, ours);
  const mappedRules = new Set(ourRuleFor.values());
  const oursOnlyShared = oursOnly.filter((finding) => mappedRules.has(finding.rule));
  totals.dclint += theirs.length;
  totals.ours += ours.length;
  totals.same += same.length;
  totals.moved += moved.length;
  console.log(
    `| ${index + 1} | ${repository} \`${file}\` | ${theirs.length} | ${ours.length} | ${format(countBy(same))} | ${format(countBy(moved))} | ${format(countBy(theirsOnly))} | ${format(countBy(oursOnlyShared))} |`,
  );
  details.push(`### ${index + 1}. ${repository} \`${file}\`\n`);
  details.push(`- ours, by rule: ${format(countBy(ours))}`);
  for (const [theirFinding, ourFinding] of moved) details.push(`- moved: ${theirFinding.rule} dclint ${theirFinding.line}:${theirFinding.column}, ours ${ourFinding.line}:${ourFinding.column}`);
  for (const finding of theirsOnly) details.push(`- dclint only: ${finding.rule} ${finding.line}:${finding.column} ${finding.message.slice(0, 160)}`);
  for (const finding of oursOnlyShared) details.push(`- ours only: ${finding.rule} ${finding.line}:${finding.column} ${finding.message.slice(0, 160)}`);
  details.push('');
}
console.log(`\nTotals: dclint ${totals.dclint}, ours ${totals.ours}; paired: ${totals.same} on the same line, ${totals.moved} on another line.\n`);
console.log(details.join('\n'));
