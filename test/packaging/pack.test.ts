// The packages as a user meets them: `pnpm pack` each publishable package, `npm install` the tarballs
// into an empty folder outside the workspace, then run the CLI with npx, lint and fix a copied example
// project, import the core from a plain Node script, type-check a TypeScript consumer against the
// shipped declarations, load the example plugin from a tarball through a config's `plugins`, and run
// real ESLint (the workspace's version, from the registry) with the ESLint plugin. The CLI's tarballs
// alone are also installed into a second folder, as `npx docmind-docker-lint` installs them, to check
// what that pulls in (docs/performance.md, "Install footprint").
//
// It needs built packages (`pnpm build`) and the npm registry (third-party dependencies), so it runs
// only with DOCMIND_PACKAGING=1: `pnpm test:packaging` builds and sets it.
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const enabled = process.env['DOCMIND_PACKAGING'] === '1';

/** Every publishable workspace package, and the example plugin (not a workspace package; packed with npm). */
const PACKAGES = [
  'packages/fixer',
  'packages/core',
  'rules/docmind',
  'rules/dockerfile',
  'rules/compose',
  'packages/cli',
  'packages/language-server',
  'packages/rule-tester',
  'packages/eslint-plugin',
] as const;
/** rule-tester is packed and checked but not installed: its peer dependency (vitest) is a test runner. */
const NOT_INSTALLED = new Set(['packages/rule-tester']);
const EXAMPLE = 'examples/broken-streamlit-app';
/**
 * Packages `npm install` of the CLI must not bring (npm installs peer dependencies): ESLint and TypeScript
 * (peers of @typescript-eslint/utils, whose few functions the core bundles), and tree-sitter-bash (C
 * sources, native prebuilds and an install script, where the core ships its wasm grammar).
 */
const NOT_FOR_THE_CLI = /^(eslint|typescript|@typescript-eslint\/.*|tree-sitter-bash|@eslint\/.*)$/;
/** The ESLint the workspace tests the ESLint plugin with (its peer dependency), installed beside it. */
const ESLINT = `eslint@${(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies['eslint']}`;

let work: string;
let packs: string;
let install: string;
let cliOnly: string;
const tarballs = new Map<string, string>();

function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 120_000 });
}

/** `npx docmind-docker-lint ...`, as a user runs it (`--no`: never download; `--`: the flags are the CLI's). */
function npx(args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  return run('npx', ['--no', '--', 'docmind-docker-lint', ...args], cwd);
}

/** The installed bin without npx's own start-up (what npx runs). */
function installedCli(args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  return run(path.join(install, 'node_modules/.bin/docmind-docker-lint'), args, cwd);
}

/** The CLI's tarball and those of our packages it depends on, directly or not (from the packed manifests). */
function cliTarballs(): string[] {
  const byName = new Map<string, string>([...tarballs.values()].map((tarball) => [tarballManifest(tarball)['name'] as string, tarball]));
  const needed = new Set<string>();
  const visit = (name: string): void => {
    const tarball = byName.get(name);
    if (!tarball || needed.has(tarball)) return;
    needed.add(tarball);
    Object.keys(tarballManifest(tarball)['dependencies'] ?? {}).forEach(visit);
  };
  visit('docmind-docker-lint');
  return [...needed];
}

function workspaceCli(args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  return run(process.execPath, [path.join(root, 'packages/cli/dist/bin.js'), ...args], cwd);
}

/** The files of a tarball, without the `package/` prefix. */
function tarballFiles(tarball: string): string[] {
  return execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((name) => name.replace(/^package\//, ''));
}

function tarballManifest(tarball: string): Record<string, unknown> {
  return JSON.parse(execFileSync('tar', ['xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as Record<string, unknown>;
}

/** Every file path an `exports`, `bin` or `types` field points at. */
function manifestTargets(manifest: Record<string, unknown>): string[] {
  const targets: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') targets.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(manifest['exports']);
  walk(manifest['bin']);
  walk(manifest['types']);
  return targets.map((target) => target.replace(/^\.\//, ''));
}

/** Problems of a JSON report as `file:line:column ruleId`, sorted, paths relative to `base`. */
function findings(json: string, base: string): string[] {
  const results = JSON.parse(json) as { filePath: string; messages: { line: number; column: number; ruleId: string | null }[] }[];
  return results
    .flatMap((result) => result.messages.map((m) => `${path.relative(base, result.filePath)}:${m.line}:${m.column} ${m.ruleId}`))
    .sort();
}

function copyExample(name: string): string {
  const target = path.join(install, name);
  cpSync(path.join(root, EXAMPLE), target, { recursive: true });
  return target;
}

function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return files;
}

// Child processes (npm, npx, tsc) take seconds each on a busy machine.
describe.skipIf(!enabled)('packed packages installed with npm', { timeout: 120_000 }, () => {
  beforeAll(() => {
    for (const dir of PACKAGES) {
      if (!existsSync(path.join(root, dir, 'dist/index.d.ts'))) throw new Error(`${dir} is not built with declarations: run pnpm build`);
    }
    work = mkdtempSync(path.join(tmpdir(), 'docmind-packaging-'));
    packs = path.join(work, 'packs');
    install = path.join(work, 'install');
    cliOnly = path.join(work, 'cli-only');
    mkdirSync(packs);
    mkdirSync(install);
    mkdirSync(cliOnly);
    for (const dir of PACKAGES) {
      const before = new Set(readdirSync(packs));
      execFileSync('pnpm', ['pack', '--pack-destination', packs], { cwd: path.join(root, dir), stdio: 'pipe' });
      const [created] = readdirSync(packs).filter((name) => !before.has(name));
      tarballs.set(dir, path.join(packs, created!));
    }
    execFileSync('npm', ['pack', '--pack-destination', packs, '--silent'], { cwd: path.join(root, 'examples/plugin'), stdio: 'pipe' });
    tarballs.set('examples/plugin', path.join(packs, 'docmind-docker-lint-plugin-example-0.1.0.tgz'));

    writeFileSync(path.join(install, 'package.json'), `${JSON.stringify({ name: 'packaging-test', private: true, type: 'module' }, null, 2)}\n`);
    const installed = [...tarballs].filter(([dir]) => !NOT_INSTALLED.has(dir)).map(([, tarball]) => tarball);
    // All our packages are 0.1.0 and depend on each other by exact version: they install together.
    const npmInstall = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...installed, ESLINT], install);
    if (npmInstall.status !== 0) throw new Error(`npm install failed:\n${npmInstall.stderr}`);

    writeFileSync(path.join(cliOnly, 'package.json'), `${JSON.stringify({ name: 'cli-only', private: true }, null, 2)}\n`);
    const cliInstall = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...cliTarballs()], cliOnly);
    if (cliInstall.status !== 0) throw new Error(`npm install (CLI only) failed:\n${cliInstall.stderr}`);
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  }, 60_000);

  it('packs every package with its build, declarations, README and LICENSE, and no sources or tests', () => {
    for (const [dir, tarball] of tarballs) {
      const files = tarballFiles(tarball);
      const manifest = tarballManifest(tarball);
      expect(files, dir).toContain('README.md');
      if (dir !== 'examples/plugin') {
        expect(files, dir).toEqual(expect.arrayContaining(['LICENSE', 'dist/index.js', 'dist/index.d.ts']));
        expect(files.filter((file) => file.startsWith('src/') || /\.test(-helper)?\.(ts|js)$/.test(file)), dir).toEqual([]);
        expect(manifest['engines'], dir).toEqual({ node: '>=20.11' });
        expect(manifest['license'], dir).toBe('MIT');
      }
      // workspace:* is rewritten to real versions; the `source` condition (TypeScript sources) is not published.
      expect(JSON.stringify(manifest), dir).not.toMatch(/workspace:|"source"/);
      for (const target of manifestTargets(manifest)) expect(files, `${dir}: ${target}`).toContain(target);
    }
    expect(tarballFiles(tarballs.get('rules/compose')!)).toEqual(expect.arrayContaining(['schema/compose-spec.json', 'schema/LICENSE']));
  });

  it('installs the CLI without ESLint, TypeScript, native packages, install scripts or peer dependencies', () => {
    expect(cliTarballs().map((tarball) => path.basename(tarball)).sort()).toEqual([
      'docmind-docker-lint-0.1.0.tgz',
      'docmind-docker-lint-core-0.1.0.tgz',
      'docmind-docker-lint-fixer-0.1.0.tgz',
      'docmind-docker-lint-plugin-compose-0.1.0.tgz',
      'docmind-docker-lint-plugin-dockerfile-0.1.0.tgz',
      'docmind-docker-lint-plugin-docmind-0.1.0.tgz',
    ]);
    const lock = JSON.parse(readFileSync(path.join(cliOnly, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { peer?: boolean; hasInstallScript?: boolean; optional?: boolean }>;
    };
    const installed = Object.entries(lock.packages).filter(([folder]) => folder !== '');
    const name = (folder: string): string => folder.slice(folder.lastIndexOf('node_modules/') + 'node_modules/'.length);
    expect(installed.map(([folder]) => name(folder)).filter((pkg) => NOT_FOR_THE_CLI.test(pkg))).toEqual([]);
    expect(installed.filter(([, entry]) => entry.peer === true).map(([folder]) => folder)).toEqual([]);
    expect(installed.filter(([, entry]) => entry.hasInstallScript === true).map(([folder]) => folder)).toEqual([]);
    for (const pkg of ['eslint', 'typescript', 'tree-sitter-bash', '@typescript-eslint']) expect(existsSync(path.join(cliOnly, 'node_modules', pkg)), pkg).toBe(false);
    // What the core ships instead: the bash grammar and web-tree-sitter's runtime, and their licences.
    expect(tarballFiles(tarballs.get('packages/core')!)).toEqual(
      expect.arrayContaining(['dist/tree-sitter-bash.wasm', 'dist/tree-sitter.wasm', 'dist/THIRD-PARTY-NOTICES.md']),
    );
    expect(Object.keys(tarballManifest(tarballs.get('packages/core')!)['dependencies'] ?? {})).not.toContain('@typescript-eslint/utils');
  });

  it('runs the CLI installed alone with npx, with the shell parser from the wasm files the core ships', () => {
    expect(run('npx', ['--no', '--', 'docmind-docker-lint', '--version'], cliOnly).stdout).toBe('0.1.0\n');
    const project = path.join(cliOnly, 'shell-project');
    mkdirSync(project);
    writeFileSync(path.join(project, 'Dockerfile'), 'FROM debian:12\nRUN sudo apt-get update\nUSER nobody\n');
    const report = run('npx', ['--no', '--', 'docmind-docker-lint', '--format', 'json', 'Dockerfile'], project);
    expect(report.stderr).toBe('');
    // no-sudo needs the shell parser (`meta.requiresShellParser`): a parser that failed to load would report nothing.
    expect(findings(report.stdout, project)).toContain('Dockerfile:2:5 no-sudo');
    expect(findings(report.stdout, project)).toEqual(findings(workspaceCli(['--format', 'json', 'Dockerfile'], project).stdout, project));
  });

  it('runs the CLI with npx: --version and --help', () => {
    const version = npx(['--version'], install);
    expect(version.stderr).toBe('');
    expect(version.stdout).toBe('0.1.0\n');
    expect(installedCli(['--help'], install).stdout).toContain('--format');
    expect(run(path.join(install, 'node_modules/.bin/docmind-docker-lint-lsp'), ['--version'], install).stdout).toBe('0.1.0\n');
  });

  it('lints a copied example project with --format json, finding what the workspace build finds', () => {
    const project = copyExample('lint-project');
    const installed = npx(['--format', 'json', '.'], project);
    expect(installed.stderr).toBe('');
    expect(installed.status).toBe(1);
    const workspace = workspaceCli(['--format', 'json', '.'], project);
    const found = findings(installed.stdout, project);
    expect(found).toEqual(findings(workspace.stdout, project));
    expect(found).toEqual(expect.arrayContaining(['Dockerfile:1:13 python-version-pin', 'compose.yaml:8:7 docmind-env-contract']));
  });

  it('fixes a copied example project with --fix as the workspace build does, and a second --fix changes nothing', () => {
    const project = copyExample('fix-project');
    const reference = copyExample('fix-reference');
    const fixed = npx(['--fix', '.'], project);
    expect(fixed.stderr).toBe('');
    workspaceCli(['--fix', '.'], reference);
    const after = readTree(project);
    expect(after).toEqual(readTree(reference));
    expect(after['Dockerfile']).not.toBe(readFileSync(path.join(root, EXAMPLE, 'Dockerfile'), 'utf8'));
    installedCli(['--fix', '.'], project);
    expect(readTree(project)).toEqual(after);
    const report = JSON.parse(installedCli(['--format', 'json', '.'], project).stdout) as { fixableErrorCount: number }[];
    expect(report.reduce((sum, result) => sum + result.fixableErrorCount, 0)).toBe(0);
  });

  it('imports the core from a plain Node script (ESM) and lints a folder and a string', () => {
    const project = copyExample('api-project');
    writeFileSync(
      path.join(install, 'use-core.mjs'),
      `import { lintProject, lintText, applyFixes, makeCreateRule, ConfigError } from '@docmind-docker-lint/core';
const results = await lintProject({ cwd: process.argv[2] });
const [text] = await lintText('FROM python:3.13-slim\\nCMD ["streamlit run app.py"]\\n', {
  cwd: '/virtual', filePath: 'Dockerfile', useConfigFiles: false,
  rules: { 'python-version-pin': 'error', 'no-shell-in-json-cmd': 'error' },
  files: { 'pyproject.toml': '[project]\\nname = "x"\\nrequires-python = ">=3.12,<3.13"\\n' },
});
console.log(JSON.stringify({
  files: results.length,
  errors: results.reduce((sum, result) => sum + result.errorCount, 0),
  text: text.messages.map((m) => m.line + ':' + m.column + ' ' + m.ruleId),
  exports: [typeof applyFixes, typeof makeCreateRule, typeof ConfigError],
}));
`,
    );
    const script = run(process.execPath, ['use-core.mjs', project], install);
    expect(script.stderr).toBe('');
    const output = JSON.parse(script.stdout) as { files: number; errors: number; text: string[]; exports: string[] };
    expect(output.files).toBeGreaterThan(2);
    expect(output.errors).toBeGreaterThan(0);
    expect(output.text).toEqual(['1:13 python-version-pin', '2:6 no-shell-in-json-cmd']);
    expect(output.exports).toEqual(['function', 'function', 'function']);
  });

  it('type-checks a TypeScript consumer against the shipped declarations', () => {
    writeFileSync(
      path.join(install, 'consumer.ts'),
      `import { lintProject, lintText, makeCreateRule, type LintResult, type LintMessage, type Plugin, type RuleModule } from '@docmind-docker-lint/core';
import { main, type CliIo } from 'docmind-docker-lint';
import plugin from '@docmind-docker-lint/plugin-docmind';
import docker from '@docmind-docker-lint/eslint-plugin';
import type { ESLint, Linter } from 'eslint';

const createRule = makeCreateRule((name) => \`https://example.com/\${name}\`);
const rule: RuleModule<'latest', []> = createRule({
  name: 'no-latest',
  meta: { type: 'problem', docs: { description: 'No latest.' }, messages: { latest: 'Latest.' }, schema: [], defaultOptions: [] },
  create(context) {
    return { FROM(node) { if (node.stage?.image?.tag === 'latest') context.report({ node, messageId: 'latest' }); } };
  },
});
const mine: Plugin = { meta: { name: 'mine', namespace: 'mine' }, rules: { 'no-latest': rule } };
const results: LintResult[] = await lintProject({ cwd: '.', plugins: [plugin, mine] });
const [first] = await lintText('FROM node:latest\\n', { filePath: 'Dockerfile', plugins: [mine] });
const messages: readonly LintMessage[] = first?.messages ?? [];
const lines: number[] = messages.map((message) => message.line);
const eslintConfig: Linter.Config[] = [...docker.configs['recommended']!, { files: ['**/Dockerfile'], rules: { 'docmind-docker-lint/no-add': 'off' } }];
const eslintPlugin: ESLint.Plugin = docker;
export { results, lines, main, eslintConfig, eslintPlugin };
export type { CliIo };
`,
    );
    writeFileSync(
      path.join(install, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2023',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: ['node'],
          typeRoots: [path.join(root, 'node_modules/@types')],
        },
        files: ['consumer.ts'],
      }),
    );
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const check = run(process.execPath, [tsc, '-p', 'tsconfig.json'], install);
    expect(check.stdout + check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('loads a plugin installed from its tarball through the root config `plugins`', () => {
    const project = path.join(install, 'plugin-project');
    mkdirSync(project);
    writeFileSync(
      path.join(project, '.docmind-docker-lint.json'),
      JSON.stringify({
        root: true,
        plugins: ['docmind-docker-lint-plugin-example'],
        extends: ['example/recommended'],
        rules: { 'example/require-labels': ['error', { labels: ['org.opencontainers.image.vendor'], values: { 'org.opencontainers.image.vendor': 'Example' } }] },
      }),
    );
    writeFileSync(path.join(project, 'Dockerfile'), 'FROM node:latest\nUSER node\n');
    const report = installedCli(['--format', 'json', '.'], project);
    expect(report.stderr).toBe('');
    expect(findings(report.stdout, project)).toEqual(
      expect.arrayContaining(['Dockerfile:1:1 example/require-labels', 'Dockerfile:1:6 example/no-latest-tag']),
    );
    installedCli(['--fix', '.'], project);
    expect(readFileSync(path.join(project, 'Dockerfile'), 'utf8')).toBe('FROM node:latest\nLABEL org.opencontainers.image.vendor="Example"\nUSER node\n');
  });

  it('runs real ESLint with the ESLint plugin from eslint.config.js, finding what the CLI finds, and fixes with eslint --fix', () => {
    const project = copyExample('eslint-project');
    writeFileSync(
      path.join(project, 'eslint.config.js'),
      `import docker from '@docmind-docker-lint/eslint-plugin';
export default [...docker.configs.recommended, ...docker.configs.docmind];
`,
    );
    const eslint = (args: readonly string[]): SpawnSyncReturns<string> => run(path.join(install, 'node_modules/.bin/eslint'), args, project);
    const report = eslint(['--format', 'json', '.']);
    expect(report.stderr).toBe('');
    expect(report.status).toBe(1);
    const fromEslint = findings(report.stdout, project).map((finding) => finding.replace(' docmind-docker-lint/', ' ')).sort();
    // The example's own config extends `docmind`, over the `recommended` preset the CLI applies by default.
    expect(fromEslint).toEqual(findings(installedCli(['--format', 'json', '.'], project).stdout, project));
    expect(fromEslint).toEqual(expect.arrayContaining(['Dockerfile:1:13 python-version-pin', 'compose.yaml:8:7 docmind-env-contract']));

    expect(eslint(['--fix', '.']).stderr).toBe('');
    expect(readFileSync(path.join(project, 'Dockerfile'), 'utf8')).toContain('FROM python:3.11-slim\n');
    const after = JSON.parse(eslint(['--format', 'json', '.']).stdout) as { fixableErrorCount: number; fixableWarningCount: number }[];
    expect(after.reduce((sum, result) => sum + result.fixableErrorCount + result.fixableWarningCount, 0)).toBe(0);
    // ESLint cannot create files: the missing .dockerignore stays missing.
    expect(existsSync(path.join(project, '.dockerignore'))).toBe(false);
  });
});
