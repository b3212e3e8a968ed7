// `--plugin NAME` and `--resolve-plugins-relative-to DIR`: plugins named on the command line are loaded
// as the root config's `plugins` are, resolved from the working folder or from DIR.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, runCli } from './cli-run.test-helper.js';

const root = path.resolve(import.meta.dirname, '../../..');
const PLUGIN = 'docmind-docker-lint-plugin-example';
const LATEST = 'FROM node:latest\nUSER node\n';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

/** A project with the example plugin installed (linked, as npm links a local package) in `<installDir>/node_modules`. */
function project(files: Record<string, string>, installDir = '.'): string {
  const folder = makeProject(files);
  folders.push(folder);
  const modules = path.join(folder, installDir, 'node_modules');
  fs.mkdirSync(modules, { recursive: true });
  fs.symlinkSync(path.join(root, 'examples/plugin'), path.join(modules, PLUGIN), 'dir');
  return folder;
}

/** `file:line:column ruleId` of a JSON report. */
function findings(stdout: string, cwd: string): string[] {
  const results = JSON.parse(stdout) as { filePath: string; messages: { line: number; column: number; ruleId: string | null }[] }[];
  return results.flatMap((result) => result.messages.map((m) => `${path.relative(cwd, result.filePath)}:${m.line}:${m.column} ${m.ruleId}`));
}

const ONLY_EXAMPLE = ['--no-config', '--rule', 'example/no-latest-tag: error', '--format', 'json'];

describe('--plugin', () => {
  it('loads a plugin package by name, so its rules can be set', async () => {
    const cwd = project({ Dockerfile: LATEST });
    const run = await runCli(['--plugin', PLUGIN, ...ONLY_EXAMPLE], { cwd, plugins: null });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(findings(run.stdout, cwd)).toEqual(['Dockerfile:1:6 example/no-latest-tag']);
    // Without the flag the rule does not exist.
    const without = await runCli(ONLY_EXAMPLE, { cwd, plugins: null });
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('unknown rule "example/no-latest-tag"');
  });

  it('loads a plugin by path (./...), and loads a plugin named twice once', async () => {
    const cwd = project({ Dockerfile: LATEST });
    const run = await runCli(['--plugin', `./node_modules/${PLUGIN}/index.js`, '--plugin', PLUGIN, ...ONLY_EXAMPLE], { cwd, plugins: null });
    expect(run.stderr).toBe('');
    expect(findings(run.stdout, cwd)).toEqual(['Dockerfile:1:6 example/no-latest-tag']);
  });

  it('lets a config file below the root use a plugin the command line loaded', async () => {
    const cwd = project({
      'app/Dockerfile': LATEST,
      'app/.docmind-docker-lint.json': JSON.stringify({ plugins: [PLUGIN], rules: { 'example/no-latest-tag': 'error' } }),
    });
    const refused = await runCli(['--format', 'json'], { cwd, plugins: null });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('a config file below the project root cannot load plugins');
    const run = await runCli(['--plugin', PLUGIN, '--format', 'json'], { cwd, plugins: null });
    expect(run.stderr).toBe('');
    expect(findings(run.stdout, cwd)).toContain('app/Dockerfile:1:6 example/no-latest-tag');
  });

  it('lists the plugin rules with --list-rules', async () => {
    const cwd = project({});
    const run = await runCli(['--list-rules', '--plugin', PLUGIN], { cwd, plugins: null });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^example\/no-latest-tag +docmind-docker-lint-plugin-example /mu);
    expect(run.stdout).toMatch(/^python-version-pin /mu);
  });

  it('is a configuration error for a plugin that is not installed', async () => {
    const cwd = project({ Dockerfile: LATEST });
    const run = await runCli(['--plugin', 'docmind-docker-lint-plugin-missing'], { cwd, plugins: null });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pluginNames: /0: cannot find the plugin "docmind-docker-lint-plugin-missing"');
  });

  it('is a usage error with an empty name', async () => {
    const cwd = project({});
    const run = await runCli(['--plugin', ''], { cwd, plugins: null });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--plugin takes a package name');
  });
});

describe('--resolve-plugins-relative-to', () => {
  it('resolves --plugin names and the root config plugins from the folder it names', async () => {
    const cwd = project(
      { Dockerfile: LATEST, '.docmind-docker-lint.json': JSON.stringify({ root: true, plugins: [PLUGIN], extends: ['example/recommended'] }) },
      'tools/lint',
    );
    const notFound = await runCli(['--format', 'json'], { cwd, plugins: null });
    expect(notFound.code).toBe(2);
    expect(notFound.stderr).toContain(`cannot find the plugin "${PLUGIN}" from ${cwd}`);
    const run = await runCli(['--resolve-plugins-relative-to', 'tools/lint', '--format', 'json'], { cwd, plugins: null });
    expect(run.stderr).toBe('');
    expect(findings(run.stdout, cwd)).toEqual(expect.arrayContaining(['Dockerfile:1:6 example/no-latest-tag', 'Dockerfile:1:1 example/require-labels']));
    const flagged = await runCli(['--resolve-plugins-relative-to', path.join(cwd, 'tools/lint'), '--plugin', PLUGIN, ...ONLY_EXAMPLE], { cwd, plugins: null });
    expect(findings(flagged.stdout, cwd)).toEqual(['Dockerfile:1:6 example/no-latest-tag']);
  });
});
