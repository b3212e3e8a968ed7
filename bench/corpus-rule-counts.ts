// Problems per rule over the real-world corpus (../shared/corpus, MANIFEST.tsv), with every rule of the
// packs that apply to the kind (the `all` preset), in one process. The numbers behind docs/corpus-review.md.
//
//   pnpm exec tsx --conditions=source bench/corpus-rule-counts.ts [--kind dockerfile|compose]
//       [--corpus DIR] [--hits FILE.jsonl]
//
// Prints one row per rule: problems, files with at least one, problems with a fix. Rules of the packs
// that apply to the kind are listed even when they report nothing. `--hits` also writes every problem as
// one JSON line (file, line, column, rule, message), for reading samples of each rule's findings.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintProject, loadBuiltinPlugins } from '@docmind-docker-lint/core';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
};
const kind = option('--kind') ?? 'dockerfile';
if (kind !== 'dockerfile' && kind !== 'compose') {
  console.error(`--kind must be dockerfile or compose, not ${kind}`);
  process.exit(2);
}
const corpus = path.resolve(option('--corpus') ?? path.join(here, '../../shared/corpus'));
const hitsFile = option('--hits');
if (!existsSync(path.join(corpus, 'MANIFEST.tsv'))) {
  console.error(`no corpus at ${corpus} (MANIFEST.tsv missing)`);
  process.exit(2);
}

// MANIFEST.tsv: repo, commit, path, kind, bytes, lines; files live under <owner>__<name>/<path>.
const files = readFileSync(path.join(corpus, 'MANIFEST.tsv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((line) => line.split('\t'))
  .filter((columns) => columns[3] === kind)
  .map(([repo, , file]) => `${repo!.replace('/', '__')}/${file}`)
  .filter((file) => existsSync(path.join(corpus, file)));

const packsOfKind = kind === 'dockerfile' ? ['dockerfile', 'docmind'] : ['compose', 'docmind'];
const ruleIds: string[] = [];
for (const plugin of await loadBuiltinPlugins()) {
  if (packsOfKind.some((pack) => plugin.meta.name.endsWith(`plugin-${pack}`))) ruleIds.push(...Object.keys(plugin.rules));
}

const started = performance.now();
const results = await lintProject({ cwd: corpus, patterns: files, useConfigFiles: false, baseConfig: { extends: ['all'] } });
const seconds = (performance.now() - started) / 1000;

interface Row {
  problems: number;
  files: Set<string>;
  fixable: number;
}
const rows = new Map<string, Row>(ruleIds.map((id) => [id, { problems: 0, files: new Set(), fixable: 0 }]));
const hits: string[] = [];
let parseProblems = 0;
let otherKinds = 0;
for (const result of results) {
  const file = path.relative(corpus, result.filePath);
  for (const message of result.messages) {
    if (message.ruleId === null) {
      parseProblems++;
      continue;
    }
    let row = rows.get(message.ruleId);
    if (!row) {
      // A rule of another pack reporting on these files (a cross-file rule): counted, but flagged.
      otherKinds++;
      row = { problems: 0, files: new Set(), fixable: 0 };
      rows.set(message.ruleId, row);
    }
    row.problems++;
    row.files.add(file);
    if (message.fix) row.fixable++;
    if (hitsFile) {
      hits.push(JSON.stringify({ file, line: message.line, column: message.column, rule: message.ruleId, message: message.message }));
    }
  }
}
if (hitsFile) writeFileSync(hitsFile, hits.length > 0 ? `${hits.join('\n')}\n` : '');

const sorted = [...rows].sort((a, b) => b[1].problems - a[1].problems || a[0].localeCompare(b[0]));
const total = sorted.reduce((sum, [, row]) => sum + row.problems, 0);
const width = Math.max(...sorted.map(([id]) => id.length), 4);
console.log(
  `${kind}: ${files.length} files of ${path.basename(corpus)}, ${results.length} linted, ${total} problems ` +
    `(${parseProblems} parse problems apart), ${seconds.toFixed(1)} s`,
);
if (otherKinds > 0) console.log(`(${otherKinds} problems from rules outside the ${packsOfKind.join(' + ')} packs)`);
console.log('');
console.log(`| ${'rule'.padEnd(width)} | problems | files | fixable |`);
console.log(`| ${'-'.repeat(width)} | -------: | ----: | ------: |`);
for (const [id, row] of sorted) {
  console.log(
    `| ${id.padEnd(width)} | ${String(row.problems).padStart(8)} | ${String(row.files.size).padStart(5)} | ${String(row.fixable).padStart(7)} |`,
  );
}
