// Builds every workspace package's `dist/`:
// - JavaScript: esbuild bundles each package on its own: entries `index`, `bin` and the lint worker,
//   lazy `import()`s (formatters, the engine from the CLI) split into chunks beside them, the
//   package's dependencies (our other packages too) left as imports, so every package is still loaded
//   once. Loading a few files instead of one per source file takes a third off a one-file lint
//   (bench/startup);
// - declarations: one `tsc -p tsconfig.build.json` (declarations only, no type check: `pnpm typecheck`
//   does that), run beside esbuild, its `<package>/src/**/*.d.ts` output moved into `<package>/dist/`;
// and marks the bins as executable.
// `--no-types` skips the declarations (a quicker build when only JavaScript is needed).
// `--bundle=none|own|all`, for bench/startup: `none` transpiles each source file to its own output
// file; `own` is the default above; `all` also inlines the third-party dependencies (except the
// tree-sitter wasm packages and vscode-languageserver) — not published: it would duplicate them.
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const withTypes = !process.argv.includes('--no-types');
const bundleMode = process.argv.find((arg) => arg.startsWith('--bundle='))?.slice('--bundle='.length) ?? 'own';
const declarationsDir = path.join(root, 'node_modules/.cache/docmind-declarations');

const packageDirs = ['packages', 'rules']
  .flatMap((group) => readdirSync(path.join(root, group)).map((name) => path.join(root, group, name)))
  .filter((dir) => existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'src')));

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.ts$/.test(name) && !/\.test\.ts$|\.test-helper\.ts$|\.d\.ts$/.test(name) ? [full] : [];
  });
}

/** Runs tsc in a child process, so it works while esbuild (in its own process) does. */
function emitDeclarations() {
  rmSync(declarationsDir, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`tsc (declarations) exited with ${code}`))));
  });
}

const started = performance.now();
for (const dir of packageDirs) rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
const declarations = withTypes ? emitDeclarations() : Promise.resolve();
function bundleOptions(dir) {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const deps = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})];
  const external = bundleMode === 'all' ? deps.filter((name) => name.startsWith('@docmind-docker-lint/') || name.includes('tree-sitter') || name.startsWith('vscode-')) : deps;
  return {
    // The lint pool starts `./lint-worker.js` beside itself: the worker is an entry of its own.
    entryPoints: Object.fromEntries(
      [['index', 'index.ts'], ['bin', 'bin.ts'], ['lint-worker', 'workers/lint-worker.ts']]
        .map(([name, file]) => [name, path.join(dir, 'src', file)])
        .filter(([, file]) => existsSync(file)),
    ),
    bundle: true,
    splitting: true,
    external: [...external, ...external.map((name) => `${name}/*`)],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  };
}

await Promise.all(
  packageDirs.map((dir) =>
    build({
      ...(bundleMode === 'none' ? { entryPoints: sources(path.join(dir, 'src')), outbase: path.join(dir, 'src') } : bundleOptions(dir)),
      outdir: path.join(dir, 'dist'),
      format: 'esm',
      platform: 'node',
      target: 'node20.11',
      sourcemap: true,
      logLevel: 'warning',
    }),
  ),
);
for (const dir of packageDirs) {
  for (const bin of ['bin.js']) {
    const file = path.join(dir, 'dist', bin);
    if (existsSync(file)) chmodSync(file, 0o755);
  }
}
await declarations;
if (withTypes) {
  for (const dir of packageDirs) {
    const emitted = path.join(declarationsDir, path.relative(root, dir), 'src');
    if (existsSync(emitted)) cpSync(emitted, path.join(dir, 'dist'), { recursive: true });
  }
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`built ${packageDirs.length} packages${withTypes ? ' with declarations' : ''} in ${seconds} s`);
