// The corpus suite: lints every file of ../shared/corpus with every rule, then fixes a copy of the tree
// and checks that fixing is safe. Prints a summary and exits 1 on any failure. Run: `pnpm corpus`.
//
// Checks: no crash and no internal (rule) error; every fixed file parses at least as well as before;
// a second fix pass changes nothing; line endings and BOMs are kept; problems without a fix are still
// reported after fixing.
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyFixes, lintProject, type LintResult } from '@docmind-docker-lint/core';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const corpus = path.resolve(process.argv[2] ?? path.join(root, '../shared/corpus'));
if (!existsSync(path.join(corpus, 'MANIFEST.tsv'))) {
  console.log(`corpus: no corpus at ${corpus}; nothing to check`);
  process.exit(0);
}

const manifest = readFileSync(path.join(corpus, 'MANIFEST.tsv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((line) => {
    const [repo, , file] = line.split('\t');
    return `${repo!.replace('/', '__')}/${file}`;
  })
  .filter((file) => existsSync(path.join(corpus, file)));

const failures: string[] = [];
const fail = (message: string): void => {
  failures.push(message);
};
const options = { useConfigFiles: false, baseConfig: { extends: ['all'] } } as const;
// Rules that offer no fix and run an external program: linted in the first phase (no crash, no internal
// error), left out of the fix-safety phase, which lints the tree three more times (with up to 10 passes).
const NO_FIX_EXTERNAL = ['shellcheck'];
const lint = (cwd: string, fix = false, off: readonly string[] = []) =>
  lintProject({ ...options, cwd, patterns: manifest, fix, rules: Object.fromEntries(off.map((id) => [id, 'off'])) });
const problemsOf = (results: readonly LintResult[]) => results.reduce((sum, result) => sum + result.messages.length, 0);
const parseProblems = (result: LintResult | undefined) => result?.messages.filter((message) => message.fatal && !message.internal).length ?? 0;

const started = performance.now();
const results = await lint(corpus);
const lintSeconds = (performance.now() - started) / 1000;
for (const result of results) {
  for (const message of result.messages) {
    if (message.internal) fail(`${path.relative(corpus, result.filePath)}:${message.line}: ${message.message}`);
  }
}

const copy = mkdtempSync(path.join(os.tmpdir(), 'ddl-corpus-'));
let fixedFiles = 0;
let fixSeconds = 0;
try {
  cpSync(corpus, copy, { recursive: true });
  // shared/ is read-only and the fixer refuses to replace read-only files: the copy is ours to write.
  makeWritable(copy);
  const fixStarted = performance.now();
  const fixed = await lint(copy, true, NO_FIX_EXTERNAL);
  fixSeconds = (performance.now() - fixStarted) / 1000;
  for (const write of await applyFixes(fixed, { root: copy })) {
    if (write.ok) fixedFiles++;
    else fail(`write failed: ${write.path}: ${write.error.message}`);
  }
  const before = new Map(results.map((result) => [path.relative(corpus, result.filePath), result]));
  const after = await lint(copy, false, NO_FIX_EXTERNAL);
  for (const result of after) {
    const relative = path.relative(copy, result.filePath);
    const original = before.get(relative);
    if (parseProblems(result) > parseProblems(original)) fail(`${relative}: the fixed file no longer parses as before`);
    for (const message of result.messages) if (message.internal) fail(`${relative}:${message.line}: after fixing: ${message.message}`);
    if (!original || !existsSync(path.join(corpus, relative))) continue;
    const was = readFileSync(path.join(corpus, relative), 'utf8');
    const now = readFileSync(result.filePath, 'utf8');
    if (was.startsWith('\ufeff') !== now.startsWith('\ufeff')) fail(`${relative}: BOM changed`);
    if (crlfShare(was) === 1 && crlfShare(now) !== 1) fail(`${relative}: CRLF line endings changed`);
    if (crlfShare(was) === 0 && crlfShare(now) !== 0) fail(`${relative}: LF line endings changed`);
    const unfixable = original.messages.filter(
      (message) => !message.fix && message.ruleId && !message.fatal && !NO_FIX_EXTERNAL.includes(message.ruleId),
    ).length;
    if (unfixable > 0 && result.messages.length === 0) fail(`${relative}: problems without a fix disappeared after fixing`);
  }
  const second = await lint(copy, true, NO_FIX_EXTERNAL);
  for (const result of second) {
    if (result.output !== undefined && result.output !== result.source) {
      fail(`${path.relative(copy, result.filePath)}: a second fix pass still changes the file`);
    }
  }
} finally {
  rmSync(copy, { recursive: true, force: true });
}

console.log(
  `corpus: ${manifest.length} files, ${problemsOf(results)} problems, lint ${lintSeconds.toFixed(1)} s, ` +
    `fix ${fixSeconds.toFixed(1)} s, ${fixedFiles} files fixed, ${failures.length} failures`,
);
for (const failure of failures.slice(0, 50)) console.log(`  FAIL ${failure}`);
if (failures.length > 50) console.log(`  ... and ${failures.length - 50} more`);
process.exit(failures.length > 0 ? 1 : 0);

/** Adds the owner's write bit to every file and folder below `dir`. */
function makeWritable(dir: string): void {
  chmodSync(dir, statSync(dir).mode | 0o200);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) makeWritable(full);
    else if (entry.isFile()) chmodSync(full, statSync(full).mode | 0o200);
  }
}

/** Share of line breaks that are CRLF (0 when there are none). */
function crlfShare(text: string): number {
  const crlf = text.split('\r\n').length - 1;
  const all = text.split('\n').length - 1;
  return all === 0 ? 0 : crlf / all;
}
