// One whole-corpus lint with every rule enabled, in this process: the script to profile
// (`node --cpu-prof`) and to compare results before and after a change (`--dump <file>` writes every
// problem as one sorted line). See docs/performance.md.
// Run: node --import tsx --conditions=source [--cpu-prof --cpu-prof-dir=/tmp/prof] bench/profile-lint.ts [corpus]
//        [--dump file] [--cache file] [--concurrency n|auto|off] [--off rule,rule] [--stream]
// `--stream` takes the results one by one (`lintProjectResults`) and keeps only what `--dump` needs,
// to see the engine's own memory without the results a caller keeps.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintProject, lintProjectResults, type LintProjectOptions, type LintResult } from '@docmind-docker-lint/core';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const dumpAt = args.indexOf('--dump');
const dump = dumpAt >= 0 ? args.splice(dumpAt, 2)[1] : undefined;
const cacheAt = args.indexOf('--cache');
const cache = cacheAt >= 0 ? { location: args.splice(cacheAt, 2)[1]! } : undefined;
const concurrencyAt = args.indexOf('--concurrency');
const concurrencyArg = concurrencyAt >= 0 ? args.splice(concurrencyAt, 2)[1]! : 'off';
const concurrency = concurrencyArg === 'auto' || concurrencyArg === 'off' ? concurrencyArg : Number(concurrencyArg);
const offAt = args.indexOf('--off');
// Rules to leave out (`--off shellcheck`: it spends its time in a child process, which CPU time here misses).
const off = offAt >= 0 ? args.splice(offAt, 2)[1]!.split(',') : [];
const streamAt = args.indexOf('--stream');
const stream = streamAt >= 0 && args.splice(streamAt, 1).length > 0;
const corpus = path.resolve(args[0] || path.join(here, '../../shared/corpus'));

const cpuStart = process.cpuUsage();
const start = performance.now();
const options: LintProjectOptions = {
  cwd: corpus,
  useConfigFiles: false,
  baseConfig: { extends: ['all'], rules: Object.fromEntries(off.map((id) => [id, 'off'])) },
  concurrency,
  ...(cache ? { cache } : {}),
};
let results: LintResult[];
if (stream) {
  results = [];
  // Only the messages (without fixes) and the path: what the summary and `--dump` read.
  for await (const result of lintProjectResults(options)) {
    results.push({ ...result, source: '', suppressedMessages: [], messages: result.messages.map(({ fix, suggestions: _suggestions, ...message }) => ({ ...message, ...(fix ? { fix: { edits: [] } } : {}) })) });
  }
} else {
  results = await lintProject(options);
}
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
const problems = results.reduce((sum, result) => sum + result.messages.length, 0);
const internal = results.reduce((sum, result) => sum + result.messages.filter((message) => message.internal).length, 0);
const usage = process.resourceUsage();
console.log(
  `${results.length} files, ${problems} problems (${internal} internal): ${ms.toFixed(0)} ms wall, ` +
    `${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU, peak RSS ${(usage.maxRSS / 1024).toFixed(0)} MiB`,
);
if (dump) {
  const lines = results.flatMap((result) =>
    result.messages.map((message) => `${path.relative(corpus, result.filePath)}:${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.ruleId} ${message.message}${message.fix ? ' [fix]' : ''}`),
  );
  writeFileSync(dump, `${lines.sort().join('\n')}\n`);
}
