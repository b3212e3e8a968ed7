// Throughput on the real corpus, measured side by side in one run (ratios, not absolute times, are the
// result: these machines are shared and noisy). Run: `pnpm bench:throughput [corpus folder]`.
//
// Dockerfiles: the parse floor (read + dockerfile-ast), dockerfile-utils' validator in-process, and our
// lint with every rule. Compose: the parse floor (read + yaml), our lint with every rule, and dclint's CLI
// on a sample (it compiles its schema for every file, so the whole corpus takes minutes).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintProject } from '@docmind-docker-lint/core';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { parseDocument } from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpus = path.resolve(process.argv[2] ?? path.join(here, '../../shared/corpus'));
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
const dclintSample = Number(process.env['BENCH_DCLINT_SAMPLE'] ?? 100);
if (!existsSync(path.join(corpus, 'MANIFEST.tsv'))) throw new Error(`No corpus at ${corpus}`);

const entries = readFileSync(path.join(corpus, 'MANIFEST.tsv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((line) => {
    const [repo, , file, kind] = line.split('\t');
    return { file: `${repo!.replace('/', '__')}/${file}`, kind: kind! };
  })
  .filter((entry) => existsSync(path.join(corpus, entry.file)));
const dockerfiles = entries.filter((entry) => entry.kind === 'dockerfile').map((entry) => entry.file);
const composeFiles = entries.filter((entry) => entry.kind === 'compose').map((entry) => entry.file);

/** Best of `rounds` wall times in ms (the least disturbed run), after one warm-up. */
async function best(run: () => unknown): Promise<number> {
  await run();
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await run();
    min = Math.min(min, performance.now() - start);
  }
  return min;
}

const read = (file: string) => readFileSync(path.join(corpus, file), 'utf8');
const lintAll = (patterns: readonly string[]) =>
  lintProject({ cwd: corpus, patterns, useConfigFiles: false, baseConfig: { extends: ['all'] } });

const dockerFloor = await best(() => dockerfiles.forEach((file) => DockerfileParser.parse(read(file))));
const dockerUtils = await best(() => dockerfiles.forEach((file) => validate(read(file))));
const dockerOurs = await best(() => lintAll(dockerfiles));

const composeFloor = await best(() => composeFiles.forEach((file) => parseDocument(read(file))));
const composeOurs = await best(() => lintAll(composeFiles));
const dclintBin = createRequire(import.meta.url).resolve('dclint/package.json').replace(/package\.json$/, 'bin/dclint.cjs');
const sample = composeFiles.slice(0, dclintSample);
const dclintStart = performance.now();
spawnSync(process.execPath, [dclintBin, ...sample], { cwd: corpus, stdio: 'ignore' });
const dclintPerFile = (performance.now() - dclintStart) / sample.length;

const rate = (files: number, ms: number) => ((files / ms) * 1000).toFixed(0);
const rows = [
  ['Dockerfiles', `${dockerfiles.length}`, ''],
  ['  parse floor (read + dockerfile-ast)', `${dockerFloor.toFixed(0)} ms`, `${rate(dockerfiles.length, dockerFloor)} files/s`],
  ['  dockerfile-utils validate (in-process)', `${dockerUtils.toFixed(0)} ms`, `${rate(dockerfiles.length, dockerUtils)} files/s`],
  ['  docmind-docker-lint, all rules', `${dockerOurs.toFixed(0)} ms`, `${rate(dockerfiles.length, dockerOurs)} files/s`],
  ['  ours / parse floor', `${(dockerOurs / dockerFloor).toFixed(2)}x the time`, 'target <= 2x'],
  ['  ours vs dockerfile-utils', `${(dockerUtils / dockerOurs).toFixed(2)}x the speed`, 'target >= 2x'],
  ['Compose files', `${composeFiles.length}`, ''],
  ['  parse floor (read + yaml)', `${composeFloor.toFixed(0)} ms`, `${rate(composeFiles.length, composeFloor)} files/s`],
  ['  docmind-docker-lint, all rules', `${composeOurs.toFixed(0)} ms`, `${rate(composeFiles.length, composeOurs)} files/s`],
  [`  dclint CLI (${sample.length}-file sample)`, `${dclintPerFile.toFixed(1)} ms/file`, `${(1000 / dclintPerFile).toFixed(0)} files/s`],
  ['  ours vs dclint', `${((dclintPerFile * composeFiles.length) / composeOurs).toFixed(0)}x the speed`, 'target >= 50x'],
];
for (const [name, value, note] of rows) console.log(`${name!.padEnd(44)} ${value!.padStart(22)}  ${note}`);
