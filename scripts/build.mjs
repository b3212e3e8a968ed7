// Compiles every workspace package's TypeScript sources to `dist/` with esbuild (one output file per
// source file, tests left out), and marks the CLI's bin as executable. Type checking is `pnpm typecheck`.
import { chmodSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const packageDirs = ['packages', 'rules'].flatMap((group) =>
  readdirSync(path.join(root, group)).map((name) => path.join(root, group, name)),
).filter((dir) => existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'src')));

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.ts$/.test(name) && !/\.test\.ts$|\.test-helper\.ts$|\.d\.ts$/.test(name) ? [full] : [];
  });
}

for (const dir of packageDirs) {
  const outdir = path.join(dir, 'dist');
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: sources(path.join(dir, 'src')),
    outdir,
    outbase: path.join(dir, 'src'),
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  });
  const bin = path.join(outdir, 'bin.js');
  if (existsSync(bin)) chmodSync(bin, 0o755);
}
console.log(`built ${packageDirs.length} packages`);
