// CLI start-up against Node's own: `node -e ''`, `docmind-docker-lint --version`, and a lint of one small
// Dockerfile (built-in rules, recommended preset), for the workspace's build (`packages/cli/dist/bin.js`)
// and any others named in STARTUP_BUILDS. Commands run in turn (alternating, so a busy
// machine slows them alike), many times; medians of wall time and of CPU time (user + sys, read with
// the shell's `times`, which a loaded machine disturbs less), and ratios to `node -e ''`.
// Usage: [STARTUP_BUILDS=name=bin.js,...] node bench/startup/run.mjs [repetitions=30]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const repetitions = Number(process.argv[2] ?? 30);
const project = mkdtempSync(path.join(tmpdir(), 'docmind-startup-'));
writeFileSync(
  path.join(project, 'Dockerfile'),
  'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y curl\nUSER app\nCMD ["python", "app.py"]\n',
);

// Other builds to compare in the same run: `STARTUP_BUILDS=name=path/to/bin.js,...` (for instance a copy of
// packages/ and rules/ built another way, with node_modules linked to the workspace's).
const builds = {
  dist: path.join(root, 'packages/cli/dist/bin.js'),
  ...Object.fromEntries((process.env.STARTUP_BUILDS ?? '').split(',').filter(Boolean).map((entry) => entry.split('='))),
};
const commands = [{ name: "node -e ''", args: ['-e', ''] }];
for (const [build, bin] of Object.entries(builds)) {
  if (!existsSync(bin)) continue;
  commands.push({ name: `${build}: --version`, args: [bin, '--version'] });
  commands.push({ name: `${build}: lint one Dockerfile`, args: [bin, 'Dockerfile'], lint: true });
}

/** Runs a command under `sh`, returning wall time and the child's CPU time (ms). */
function measure(args) {
  const quoted = [process.execPath, ...args].map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(' ');
  const started = performance.now();
  const result = spawnSync('/bin/sh', ['-c', `${quoted} >/dev/null 2>&1; status=$?; times; exit $status`], { cwd: project, encoding: 'utf8' });
  const wall = performance.now() - started;
  // `times` prints the shell's user/sys, then its children's: "0m0.123s 0m0.045s".
  const children = result.stdout.trim().split('\n').at(-1) ?? '';
  const cpu = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, [, minutes, seconds]) => sum + (Number(minutes) * 60 + Number(seconds)) * 1000, 0);
  return { wall, cpu, status: result.status };
}

const samples = new Map(commands.map((command) => [command.name, { wall: [], cpu: [] }]));
for (const command of commands) {
  const { status } = measure(command.args);
  if (status !== (command.lint ? 1 : 0)) throw new Error(`${command.name} exited with ${status}`);
}
for (let round = 0; round < repetitions; round++) {
  for (const command of commands) {
    const { wall, cpu } = measure(command.args);
    samples.get(command.name).wall.push(wall);
    samples.get(command.name).cpu.push(cpu);
  }
}
rmSync(project, { recursive: true, force: true });

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const base = samples.get("node -e ''");
const baseWall = median(base.wall);
const baseCpu = median(base.cpu);
console.log(`Node ${process.version}, ${repetitions} alternating runs each; medians in ms`);
console.log('| command | wall | ratio | CPU (user+sys) | ratio |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [name, { wall, cpu }] of samples) {
  const w = median(wall);
  const c = median(cpu);
  console.log(`| ${name} | ${w.toFixed(1)} | ${(w / baseWall).toFixed(2)} | ${c.toFixed(0)} | ${(c / baseCpu).toFixed(2)} |`);
}
