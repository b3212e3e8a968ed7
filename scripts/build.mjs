// Builds every workspace package's `dist/`:
// - JavaScript: esbuild bundles each package on its own: entries `index`, `bin` and the lint worker,
//   lazy `import()`s (formatters, the engine from the CLI) split into chunks beside them, the
//   package's dependencies (our other packages too) left as imports, so every package is still loaded
//   once. Loading a few files instead of one per source file takes a third off a one-file lint
//   (bench/startup); the imports of LAZY_IMPORTS (`yaml`...) are bound lazily (scripts/lazy-imports.mjs);
// - declarations: one `tsc -p tsconfig.build.json` (declarations only, no type check: `pnpm typecheck`
//   does that), run beside esbuild, its `<package>/src/**/*.d.ts` output moved into `<package>/dist/`;
// and marks the bins as executable.
// What a package needs at run time is its package.json `dependencies`; a devDependency it imports is
// bundled into its dist (the core bundles the few functions of @typescript-eslint/utils it uses, whose
// peers are ESLint and TypeScript: `npx docmind-docker-lint` must not install those). The licences of
// bundled and copied third-party code go to `dist/THIRD-PARTY-NOTICES.md`. Published declarations may
// import only dependencies: the few declaration files of a bundled package they use are copied to
// `dist/vendor/` (VENDORED_TYPES), and anything else fails the build, as does ESLint or TypeScript
// ending up in a bundle.
// `--no-types` skips the declarations (a quicker build when only JavaScript is needed).
// `--bundle=none|own|all`, for bench/startup: `none` transpiles each source file to its own output
// file; `own` is the default above; `all` also inlines the third-party dependencies (except the
// tree-sitter wasm packages and vscode-languageserver) — not published: it would duplicate them.
// `--no-lazy-imports` binds LAZY_IMPORTS as plain imports (to compare a build without them: same results).
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { lazyImports } from './lazy-imports.mjs';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const withTypes = !process.argv.includes('--no-types');
const bundleMode = process.argv.find((arg) => arg.startsWith('--bundle='))?.slice('--bundle='.length) ?? 'own';
const lazy = !process.argv.includes('--no-lazy-imports');
const declarationsDir = path.join(root, 'node_modules/.cache/docmind-declarations');

/** Files of a devDependency a package ships in its dist: `[module path, file name in dist]`. */
const SHIPPED_FILES = {
  // The bash grammar the shell parser loads (packages/core/src/shell/shell-parser.ts): 1.3 MB, where
  // depending on tree-sitter-bash installs 20 MB of C sources and native prebuilds and runs its install script.
  // web-tree-sitter is bundled; its runtime loads `tree-sitter.wasm` beside the bundle (`new URL(..., import.meta.url)`):
  // 0.2 MB, where the package also brings its debug build, sources and maps (5.8 MB).
  '@docmind-docker-lint/core': [
    ['tree-sitter-bash/tree-sitter-bash.wasm', 'tree-sitter-bash.wasm'],
    ['web-tree-sitter/tree-sitter.wasm', 'tree-sitter.wasm'],
  ],
};
/** Type-only modules of bundled packages that published declarations import: copied to `dist/vendor/<module>.d.ts`. */
const VENDORED_TYPES = ['@typescript-eslint/utils/json-schema'];
/**
 * Dependencies and Node modules whose named imports are bound lazily in the bundles (`own` layout; see
 * scripts/lazy-imports.mjs): most runs never call them, and loading them cost start-up time
 * (bench/startup): `yaml` (Compose files and YAML configs; ~50 ms of CPU, more than a third of a
 * Dockerfile lint's module loading), `smol-toml` (pyproject.toml), and the Node modules of --fix, --cache,
 * the `shellcheck` rule and worker threads.
 */
const LAZY_IMPORTS = ['yaml', 'smol-toml', 'node:child_process', 'node:crypto', 'node:os', 'node:fs/promises'];
/** Packages that must never be bundled: the published CLI must not need them. */
const NEVER_BUNDLED = ['eslint', 'typescript', '@typescript-eslint/typescript-estree'];

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
    metafile: true,
    external: [...external, ...external.map((name) => `${name}/*`)],
    plugins: bundleMode === 'own' && lazy ? [lazyImports({ modules: LAZY_IMPORTS, packageDir: dir })] : [],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  };
}

const builds = await Promise.all(
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
/** The package a file under node_modules belongs to (pnpm's `.pnpm/<id>/node_modules/<name>/...` too). */
function packageOfFile(file) {
  const parts = file.split(/[\\/]node_modules[\\/]/).at(-1).split(/[\\/]/);
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

/** The licence of the package `name` that `file` (an absolute path) belongs to. */
function licenceOf(file, name) {
  let folder = path.dirname(file);
  const isPackage = (dir) => existsSync(path.join(dir, 'package.json')) && JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).name === name;
  while (!isPackage(folder)) {
    if (path.dirname(folder) === folder) throw new Error(`${file}: not in package ${name}`);
    folder = path.dirname(folder);
  }
  const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
  const licence = readdirSync(folder).find((entry) => /^(licen[cs]e|copying)(\.|$)/i.test(entry));
  if (!licence) throw new Error(`${name}: no licence file to ship with its bundled code`);
  return { version: manifest.version, license: manifest.license, text: readFileSync(path.join(folder, licence), 'utf8').trim() };
}

for (const [index, dir] of packageDirs.entries()) {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  /** Third-party package name -> one of its files that is bundled or shipped. */
  const thirdParty = new Map();
  for (const input of Object.keys(builds[index].metafile?.inputs ?? {})) {
    if (!/[\\/]node_modules[\\/]/.test(input) || packageOfFile(input).startsWith('@docmind-docker-lint/')) continue;
    thirdParty.set(packageOfFile(input), path.resolve(root, input));
  }
  const forbidden = [...thirdParty.keys()].filter((name) => NEVER_BUNDLED.includes(name));
  if (forbidden.length > 0) throw new Error(`${manifest.name}: ${forbidden.join(', ')} must not be bundled (imported from a devDependency?)`);
  for (const [module, name] of SHIPPED_FILES[manifest.name] ?? []) {
    const file = createRequire(path.join(dir, 'package.json')).resolve(module);
    cpSync(file, path.join(dir, 'dist', name));
    thirdParty.set(packageOfFile(`/node_modules/${module}`), file);
  }
  if (thirdParty.size === 0 || bundleMode !== 'own') continue;
  const notices = [...thirdParty].sort(([a], [b]) => a.localeCompare(b)).map(([name, file]) => {
    const { version, license, text } = licenceOf(file, name);
    return `## ${name}@${version} (${license})\n\n${text}\n`;
  });
  writeFileSync(
    path.join(dir, 'dist/THIRD-PARTY-NOTICES.md'),
    `# Third-party code in ${manifest.name}\n\nThis package's dist includes code or files of these packages, under their licences:\n\n${notices.join('\n')}`,
  );
}

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
    checkDeclarationImports(dir);
  }
}

function declarationFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return declarationFiles(full);
    return entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/**
 * Makes the published declarations import only what a consumer has: relative files, Node's modules,
 * the package's dependencies and peers. A VENDORED_TYPES module is copied into `dist/vendor/` and the
 * import rewritten to it; any other import fails the build.
 */
function checkDeclarationImports(dir) {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const allowed = new Set([manifest.name, ...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
  const dist = path.join(dir, 'dist');
  // `import`/`export ... from '<spec>'` and `import '<spec>'` statements, and `import('<spec>')` types.
  const specifier = /(^[ \t]*(?:import|export)\b[^;'"]*?\bfrom\s*|^[ \t]*import\s+|\bimport\(\s*)(['"])([^'"]+)\2/gm;
  const bare = (spec) => !spec.startsWith('.') && !spec.startsWith('node:') && !builtinModules.includes(spec);
  const packageName = (spec) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
  for (const file of declarationFiles(dist)) {
    const text = readFileSync(file, 'utf8');
    const rewritten = text.replace(specifier, (whole, lead, quote, spec) => {
      if (!bare(spec) || allowed.has(packageName(spec))) return whole;
      if (!VENDORED_TYPES.includes(spec)) {
        throw new Error(`${path.relative(root, file)} imports ${spec}, which is not a dependency of ${manifest.name}`);
      }
      const target = path.join(dist, 'vendor', `${spec}.d.ts`);
      if (!existsSync(target)) vendorTypes(dir, spec, target);
      const relative = path.relative(path.dirname(file), target).replace(/\.d\.ts$/, '.js').split(path.sep).join('/');
      return `${lead}${quote}${relative.startsWith('.') ? relative : `./${relative}`}${quote}`;
    });
    if (rewritten !== text) writeFileSync(file, rewritten);
  }
}

/** Copies the declaration file of a module (a package's `exports` subpath) to `target`; it must import nothing. */
function vendorTypes(dir, spec, target) {
  const name = spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
  const manifestPath = createRequire(path.join(dir, 'package.json')).resolve(`${name}/package.json`);
  const entry = JSON.parse(readFileSync(manifestPath, 'utf8')).exports?.[`.${spec.slice(name.length)}`];
  const types = typeof entry === 'object' ? entry?.types : undefined;
  if (typeof types !== 'string') throw new Error(`${spec}: no types entry in ${name}'s exports`);
  const text = readFileSync(path.join(path.dirname(manifestPath), types), 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '').trimEnd();
  if (/\bfrom\s*['"]|\bimport\s*\(/.test(text)) throw new Error(`${spec}: its declarations import other modules; vendor those too`);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, `// The declarations of ${spec} (MIT, see ../THIRD-PARTY-NOTICES.md), copied by scripts/build.mjs.\n${text}\n`);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`built ${packageDirs.length} packages${withTypes ? ' with declarations' : ''} in ${seconds} s`);
