// The language server's lint of one document per edit, in this process, without the protocol: what
// dominates a keystroke's latency, to profile (`node --cpu-prof`). Same documents and edits as run.ts.
// Wall and CPU time (process.cpuUsage: what this process spent, whatever the machine's load) per lint.
// Each edit types one more character into a RUN in the middle of the Dockerfile (or a Compose value).
// Run: node --import tsx --conditions=source [--cpu-prof --cpu-prof-dir=/tmp/prof] bench/lsp-latency/in-process.ts [edits]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { lintDocument } from '../../packages/language-server/src/lint-document.js';
import { SessionCache } from '../../packages/language-server/src/session-cache.js';
import { compose, dockerfile, typedCharacter, typingPoint } from './documents.js';

const EDITS = Number(process.argv[2] ?? 200);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'docmind-lsp-bench-'));
try {
  const texts = { Dockerfile: dockerfile(1000), 'compose.yaml': compose(300) };
  for (const [name, text] of Object.entries(texts)) writeFileSync(path.join(dir, name), text);
  writeFileSync(path.join(dir, 'pyproject.toml'), '[project]\nname = "bench"\nversion = "1"\nrequires-python = ">=3.11,<3.12"\n');
  writeFileSync(path.join(dir, '.dockerignore'), '.env\n.git\n');
  const sessions = new SessionCache();
  const { session, files } = await sessions.forRoot(dir, null);
  for (const [name, kind] of [['Dockerfile', 'dockerfile'], ['compose.yaml', 'compose']] as const) {
    const filePath = path.join(dir, name);
    const target = { uri: `file://${filePath}`, path: filePath, kind };
    const lines = texts[name].split('\n');
    const point = typingPoint(kind, texts[name]);
    const timings: number[] = [];
    const cpuTimings: number[] = [];
    let problems = 0;
    let typed = '';
    for (let i = -5; i < EDITS; i++) {
      // Type one more character at the typing point (five unmeasured lints first).
      typed += typedCharacter(i + 5);
      const edited = [...lines];
      const line = lines[point.line]!;
      edited[point.line] = line.slice(0, point.character) + typed + line.slice(point.character);
      const openTexts = new Map([[filePath, edited.join('\n')]]);
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      const outcome = lintDocument(session, files, target, openTexts);
      if (i >= 0) {
        timings.push(performance.now() - started);
        const cpu = process.cpuUsage(cpuStarted);
        cpuTimings.push((cpu.user + cpu.system) / 1000);
      }
      if (outcome.type !== 'linted') throw new Error(`${name}: ${outcome.type}`);
      problems = outcome.result.messages.length;
    }
    timings.sort((a, b) => a - b);
    cpuTimings.sort((a, b) => a - b);
    const format = (ms: number): string => `${ms.toFixed(2)} ms`;
    console.log(
      `${name.padEnd(14)} ${problems} problems  p50 ${format(percentile(timings, 50))}  p95 ${format(percentile(timings, 95))}  max ${format(timings.at(-1)!)}` +
        `  (CPU p50 ${format(percentile(cpuTimings, 50))}  p95 ${format(percentile(cpuTimings, 95))})`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
