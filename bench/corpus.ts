// Whole-corpus benchmark against the peers, every contestant measured side by side in one run
// (these machines are shared: ratios within a round are the result, absolute times are context).
//
//   pnpm build && pnpm bench:corpus [corpus folder]        (default: ../shared/corpus)
//
// Runs the built linter (`dist/`, what users run). The peers (dockerfile-utils, dclint) are installed
// from npm into a scratch folder outside the repository (BENCH_PEERS_DIR, default
// $TMPDIR/docmind-bench-peers); they are never dependencies of this workspace.
//
// Sections (BENCH_SECTIONS, comma-separated; default all):
//   throughput  Dockerfiles: parse floor (read + dockerfile-ast), dockerfile-utils' validator, ours;
//               Compose: parse floor (read + yaml), ours, dclint's CLI on a sample. In this process,
//               interleaved, BENCH_ROUNDS rounds (default 3): medians and best-of, ratios per round.
//   workers     the whole corpus in one thread vs on worker threads (one child process each).
//   cache       the whole corpus with --cache: cold run, warm run, warm run after touching one
//               .dockerignore (one child process each).
//   scale       1x, 2x and 4x copies of the corpus (BENCH_SCALES), time and peak RSS (child processes).
// Whole-corpus runs repeat BENCH_RUNS times (default 1).
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as DockerfileAst from 'dockerfile-ast';
import type * as Yaml from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.dirname(here);
const corpus = path.resolve(process.argv[2] || path.join(repo, '../shared/corpus'));
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
const runs = Number(process.env['BENCH_RUNS'] ?? 1);
const sections = new Set((process.env['BENCH_SECTIONS'] ?? 'throughput,workers,cache,scale').split(','));
const dclintSample = Number(process.env['BENCH_DCLINT_SAMPLE'] ?? 100);
const scales = (process.env['BENCH_SCALES'] ?? '1,2,4').split(',').map(Number);
const peersDir = path.resolve(process.env['BENCH_PEERS_DIR'] ?? path.join(os.tmpdir(), 'docmind-bench-peers'));
const scratch = path.join(os.tmpdir(), 'docmind-bench-scratch');
const PEERS = { 'dockerfile-utils': '0.16.3', dclint: '3.1.0' } as const;

// ---------- setup ----------
if (!existsSync(path.join(corpus, 'MANIFEST.tsv'))) throw new Error(`No corpus at ${corpus} (it needs its MANIFEST.tsv).`);
warnIfStale();
installPeers();
const peer = createRequire(path.join(peersDir, 'package.json'));
const core = createRequire(createRequire(import.meta.url).resolve('@docmind-docker-lint/core'));
const { DockerfileParser, Instruction } = core('dockerfile-ast') as typeof DockerfileAst;
/**
 * The core keeps dockerfile-ast's argument scan per instruction (packages/core/src/parse/
 * dockerfile-ast-arguments.ts), on dockerfile-ast's prototype, once its parser is loaded. The floor is
 * dockerfile-ast as published: the original scan is put back while the floor runs.
 */
function asPublished(run: () => void): () => void {
  return () => {
    const prototype = Instruction.prototype as unknown as Record<string | symbol, unknown>;
    const published = prototype[Symbol.for('docmind-docker-lint.memoisedRawArguments')];
    const current = prototype['getRawArguments'];
    if (published) prototype['getRawArguments'] = published;
    try {
      run();
    } finally {
      prototype['getRawArguments'] = current;
    }
  };
}
const { parseDocument } = core('yaml') as typeof Yaml;
const { validate } = peer('dockerfile-utils') as { validate: (text: string) => unknown[] };
const dclintBin = path.join(path.dirname(peer.resolve('dclint/package.json')), 'bin/dclint.cjs');
const { lintProject } = await import('@docmind-docker-lint/core');

const entries = readFileSync(path.join(corpus, 'MANIFEST.tsv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((line) => {
    const [repository, , file, kind] = line.split('\t');
    return { file: `${repository!.replace('/', '__')}/${file}`, kind: kind! };
  })
  .filter((entry) => existsSync(path.join(corpus, entry.file)));
const dockerfiles = entries.filter((entry) => entry.kind === 'dockerfile').map((entry) => entry.file);
const composeFiles = entries.filter((entry) => entry.kind === 'compose').map((entry) => entry.file);

const out: string[] = [];
const say = (line = ''): void => {
  out.push(line);
  console.log(line);
};
say(`# bench:corpus ${new Date().toISOString()}`);
say(`machine: ${os.cpus().length} x ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`);
say(`corpus: ${corpus} (${dockerfiles.length} Dockerfiles, ${composeFiles.length} Compose files, ${entries.length} in the manifest)`);

// ---------- helpers ----------
interface Sample {
  wall: number;
  cpu: number;
}
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const fmt = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);

async function measure(run: () => unknown): Promise<Sample> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await run();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

/** Interleaves the contestants for `rounds` rounds after a warm-up; returns their samples by name. */
async function sideBySide(contestants: Record<string, () => unknown>): Promise<Record<string, Sample[]>> {
  const samples: Record<string, Sample[]> = {};
  for (const [name, run] of Object.entries(contestants)) {
    await run();
    samples[name] = [];
  }
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(contestants)) samples[name]!.push(await measure(run));
  }
  return samples;
}

function row(name: string, files: number, samples: readonly Sample[]): void {
  const wall = samples.map((sample) => sample.wall);
  const cpu = samples.map((sample) => sample.cpu);
  say(
    `| ${name} | ${fmt(median(wall))} (best ${fmt(Math.min(...wall))}) | ${fmt(median(cpu))} | ${((files / median(cpu)) * 1000).toFixed(0)} files/s | ${(median(cpu) / files).toFixed(2)} ms |`,
  );
}

/**
 * Median and best over the rounds of a / b, by CPU time (wall time in brackets). `lowerIsBetter`
 * for time ratios (ours / floor), not for speed ratios (peer / ours).
 */
function ratio(name: string, a: readonly Sample[], b: readonly Sample[], target: string, lowerIsBetter: boolean): void {
  const byCpu = a.map((sample, index) => sample.cpu / b[index]!.cpu);
  const byWall = a.map((sample, index) => sample.wall / b[index]!.wall);
  const best = lowerIsBetter ? Math.min(...byCpu) : Math.max(...byCpu);
  say(`| ${name} | ${median(byCpu).toFixed(2)}x (best ${best.toFixed(2)}x; wall ${median(byWall).toFixed(2)}x) | ${target} |`);
}

const lintFiles = (cwd: string, patterns: readonly string[], rules: Record<string, 'off'> = {}) =>
  lintProject({ cwd, patterns, useConfigFiles: false, baseConfig: { extends: ['all'], rules } });

// ---------- throughput ----------
if (sections.has('throughput')) {
  const read = (file: string): string => readFileSync(path.join(corpus, file), 'utf8');
  say('');
  say(`## Throughput (in process, ${rounds} rounds interleaved, all rules enabled; CPU time is the rate's basis)`);
  say('');
  say('| Contestant | wall, median (best) | CPU, median | rate (CPU) | per file (CPU) |');
  say('| --- | --- | --- | --- | --- |');
  const docker = await sideBySide({
    floor: asPublished(() => dockerfiles.forEach((file) => DockerfileParser.parse(read(file)))),
    utils: () => dockerfiles.forEach((file) => validate(read(file))),
    ours: () => lintFiles(corpus, dockerfiles),
    // `shellcheck` runs the shellcheck program on every Dockerfile with a RUN: its time is mostly in
    // that child process (wall time, not this process's CPU), and no peer runs it.
    inProcess: () => lintFiles(corpus, dockerfiles, { shellcheck: 'off' }),
  });
  row(`Dockerfiles: parse floor (read + dockerfile-ast), ${dockerfiles.length} files`, dockerfiles.length, docker['floor']!);
  row('Dockerfiles: dockerfile-utils validate (in process)', dockerfiles.length, docker['utils']!);
  row('Dockerfiles: docmind-docker-lint, all rules', dockerfiles.length, docker['ours']!);
  row('Dockerfiles: docmind-docker-lint, all rules but shellcheck (no child process)', dockerfiles.length, docker['inProcess']!);
  const compose = await sideBySide({
    floor: () => composeFiles.forEach((file) => parseDocument(read(file))),
    ours: () => lintFiles(corpus, composeFiles),
  });
  row(`Compose: parse floor (read + yaml), ${composeFiles.length} files`, composeFiles.length, compose['floor']!);
  row('Compose: docmind-docker-lint, all rules', composeFiles.length, compose['ours']!);
  const sample = composeFiles.slice(0, dclintSample);
  const dclint: Sample[] = [];
  for (let round = 0; round < Math.min(rounds, 2); round++) {
    const child = spawnSync(process.execPath, [path.join(here, 'measure-command.mjs'), process.execPath, dclintBin, ...sample], { cwd: corpus, encoding: 'utf8', maxBuffer: 1 << 26 });
    const measured = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Sample;
    // Scaled to the whole Compose corpus, for the ratio (dclint's own start-up, ~0.4 s, is included).
    dclint.push({ wall: (measured.wall / sample.length) * composeFiles.length, cpu: (measured.cpu / sample.length) * composeFiles.length });
  }
  row(`Compose: dclint CLI (${sample.length}-file sample, scaled to ${composeFiles.length})`, composeFiles.length, dclint);
  say('');
  say('| Ratio | median over rounds | target |');
  say('| --- | --- | --- |');
  ratio('Dockerfiles: ours / parse floor (time)', docker['ours']!, docker['floor']!, '<= 2x', true);
  ratio('Dockerfiles: dockerfile-utils / ours (speed)', docker['utils']!, docker['ours']!, '>= 2x', false);
  ratio('Dockerfiles: ours without shellcheck / parse floor (time)', docker['inProcess']!, docker['floor']!, '<= 2x', true);
  ratio('Dockerfiles: dockerfile-utils / ours without shellcheck (speed)', docker['utils']!, docker['inProcess']!, '>= 2x', false);
  ratio('Compose: ours / parse floor (time)', compose['ours']!, compose['floor']!, '', true);
  const oursCompose = median(compose['ours']!.map((sample) => sample.cpu));
  say(`| Compose: dclint / ours (speed) | ${(median(dclint.map((sample) => sample.cpu)) / oursCompose).toFixed(0)}x (CPU; wall ${(median(dclint.map((sample) => sample.wall)) / median(compose['ours']!.map((sample) => sample.wall))).toFixed(0)}x) | >= 50x |`);
}

// ---------- whole-corpus runs in child processes ----------
interface ChildRun {
  files: number;
  problems: number;
  ms: number;
  cpu: number;
  maxRssMiB: number;
}
function lintInChild(dir: string, extra: readonly string[] = []): ChildRun {
  const child = spawnSync(process.execPath, [path.join(here, 'lint-once.mjs'), dir, ...extra], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (child.status !== 0) throw new Error(`lint-once failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as ChildRun;
}
function runRow(name: string, result: ChildRun, base?: ChildRun): void {
  say(
    `| ${name} | ${result.files} | ${fmt(result.ms)} | ${fmt(result.cpu)} | ${result.maxRssMiB.toFixed(0)} MiB | ${base ? `${(base.ms / result.ms).toFixed(2)}x` : ''} |`,
  );
}
function header(title: string): void {
  say('');
  say(`## ${title}`);
  say('');
  say('| Run | files | wall (lint) | CPU | peak RSS | speed-up (wall) |');
  say('| --- | --- | --- | --- | --- | --- |');
}

if (sections.has('workers')) {
  header(`Worker threads (whole corpus, ${os.cpus().length} cores, ${runs} run(s) each, interleaved)`);
  for (let run = 0; run < runs; run++) {
    const single = lintInChild(corpus);
    const threads = lintInChild(corpus, ['--concurrency', String(os.cpus().length)]);
    const auto = lintInChild(corpus, ['--concurrency', 'auto']);
    runRow('one thread', single);
    runRow(`${os.cpus().length} worker threads`, threads, single);
    runRow('--concurrency auto', auto, single);
  }
}

if (sections.has('cache')) {
  header(`Cache (whole corpus, ${runs} run(s))`);
  const cacheFile = path.join(scratch, 'cache', '.docmind-docker-lint-cache');
  for (let run = 0; run < runs; run++) {
    rmSync(cacheFile, { force: true });
    const none = lintInChild(corpus);
    const cold = lintInChild(corpus, ['--cache', cacheFile]);
    const warm = lintInChild(corpus, ['--cache', cacheFile]);
    runRow('no cache', none);
    runRow('--cache, cold (empty cache)', cold, none);
    runRow('--cache, warm (nothing changed)', warm, none);
  }
  say('');
  say(`Cache file: ${(statSync(cacheFile).size / 2 ** 20).toFixed(1)} MiB. Invalidation is checked by the core's tests (lint-cache.test.ts).`);
}

if (sections.has('scale')) {
  header(`Scale (copies of the corpus in one tree, ${runs} run(s) each)`);
  const byScale = new Map<number, ChildRun[]>();
  for (const scale of scales) {
    const dir = path.join(scratch, `scale-${scale}x`);
    if (!existsSync(path.join(dir, '.complete'))) {
      rmSync(dir, { recursive: true, force: true });
      for (let copy = 0; copy < scale; copy++) {
        for (const name of readdirSync(corpus)) {
          if (statSync(path.join(corpus, name)).isDirectory()) cpSync(path.join(corpus, name), path.join(dir, `copy${copy}`, name), { recursive: true });
        }
      }
      writeFileSync(path.join(dir, '.complete'), '');
    }
    byScale.set(scale, []);
  }
  for (let run = 0; run < runs; run++) for (const scale of scales) byScale.get(scale)!.push(lintInChild(path.join(scratch, `scale-${scale}x`)));
  const base = byScale.get(scales[0]!)!;
  for (const scale of scales) {
    const results = byScale.get(scale)!;
    const ms = median(results.map((result) => result.ms));
    const cpu = median(results.map((result) => result.cpu));
    const rss = Math.max(...results.map((result) => result.maxRssMiB));
    const baseCpu = median(base.map((result) => result.cpu));
    say(`| ${scale}x | ${results[0]!.files} | ${fmt(ms)} | ${fmt(cpu)} (${(cpu / baseCpu).toFixed(2)}x the CPU of ${scales[0]}x) | ${rss.toFixed(0)} MiB | |`);
  }
}

const report = path.join(scratch, 'last-report.md');
mkdirSync(scratch, { recursive: true });
writeFileSync(report, `${out.join('\n')}\n`);
appendFileSync(path.join(scratch, 'history.md'), `${out.join('\n')}\n\n`);
console.log(`\n(report written to ${report})`);

// ---------- setup helpers ----------
function installPeers(): void {
  const manifest = path.join(peersDir, 'package.json');
  const installed = (name: string): string | undefined => {
    try {
      return (JSON.parse(readFileSync(path.join(peersDir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return undefined;
    }
  };
  if (Object.entries(PEERS).every(([name, version]) => installed(name) === version)) return;
  mkdirSync(peersDir, { recursive: true });
  if (!existsSync(manifest)) writeFileSync(manifest, JSON.stringify({ name: 'docmind-bench-peers', private: true }, null, 2));
  console.log(`Installing the peers into ${peersDir} ...`);
  const specs = Object.entries(PEERS).map(([name, version]) => `${name}@${version}`);
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--save-exact', '--prefix', peersDir, ...specs], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm install of the peers failed.');
}

/** The benchmark runs `dist/`: say so when a source file is newer than the build. */
function warnIfStale(): void {
  const newest = (dir: string): number => {
    let time = 0;
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, name.name);
      time = Math.max(time, name.isDirectory() ? newest(full) : statSync(full).mtimeMs);
    }
    return time;
  };
  for (const group of ['packages', 'rules']) {
    for (const name of readdirSync(path.join(repo, group))) {
      const src = path.join(repo, group, name, 'src');
      const dist = path.join(repo, group, name, 'dist');
      if (!existsSync(src)) continue;
      if (!existsSync(dist) || newest(src) > statSync(dist).mtimeMs + 1000) {
        console.warn(`warning: ${group}/${name}/dist is older than its sources: run \`pnpm build\` first.`);
      }
    }
  }
}
