// One whole-tree lint with every rule, in a fresh process, for bench/corpus.ts: prints one JSON line
// with the lint's wall and CPU time and the process's peak RSS. Runs the built core (`dist/`).
// Usage: node bench/lint-once.mjs <dir> [--concurrency n|auto|off] [--cache <file>]
import { lintProject } from '@docmind-docker-lint/core';

const [dir, ...rest] = process.argv.slice(2);
const option = (name) => {
  const at = rest.indexOf(name);
  return at >= 0 ? rest[at + 1] : undefined;
};
const concurrency = option('--concurrency') ?? 'off';
const cache = option('--cache');
const cpu = process.cpuUsage();
const start = performance.now();
const results = await lintProject({
  cwd: dir,
  useConfigFiles: false,
  baseConfig: { extends: ['all'] },
  concurrency: /^\d+$/.test(concurrency) ? Number(concurrency) : concurrency,
  ...(cache ? { cache: { location: cache } } : {}),
});
const ms = performance.now() - start;
const used = process.cpuUsage(cpu);
// Worker threads' CPU time is the process's: cpuUsage covers every thread.
console.log(
  JSON.stringify({
    files: results.length,
    problems: results.reduce((sum, result) => sum + result.messages.length, 0),
    ms,
    cpu: (used.user + used.system) / 1000,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  }),
);
