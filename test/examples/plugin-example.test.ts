import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, lintProject, type LintResult } from '@docmind-docker-lint/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const PLUGIN = 'docmind-docker-lint-plugin-example';

let project: string;

/** A project folder with the example plugin installed in its node_modules (as npm would link it). */
beforeEach(() => {
  project = mkdtempSync(path.join(tmpdir(), 'docmind-plugin-'));
  mkdirSync(path.join(project, 'node_modules'));
  symlinkSync(path.join(root, 'examples/plugin'), path.join(project, 'node_modules', PLUGIN), 'dir');
});

afterEach(() => rmSync(project, { recursive: true, force: true }));

function write(files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(project, name)), { recursive: true });
    writeFileSync(path.join(project, name), text);
  }
}

function findings(results: readonly LintResult[]): string[] {
  return results.flatMap((result) =>
    result.messages.map((message) => `${path.relative(project, result.filePath)}:${message.line}:${message.column} ${message.ruleId}`),
  );
}

const config = (value: object): string => JSON.stringify({ root: true, ...value });

describe('examples/plugin loaded through config `plugins`', () => {
  it('loads the plugin named by the config at the root and runs its preset', async () => {
    write({
      '.docmind-docker-lint.json': config({ plugins: [PLUGIN], extends: ['example/recommended'] }),
      'Dockerfile': 'FROM node:latest\nUSER node\n',
    });
    // `baseConfig: {}`: without the built-in `recommended` preset under the config.
    expect(findings(await lintProject({ cwd: project, baseConfig: {} }))).toEqual([
      'Dockerfile:1:1 example/require-labels',
      'Dockerfile:1:6 example/no-latest-tag',
    ]);
  });

  it('fixes with the plugin rule, and the fixed project lints clean of it', async () => {
    const options = { labels: ['org.opencontainers.image.vendor'], values: { 'org.opencontainers.image.vendor': 'Example Corp' } };
    write({
      '.docmind-docker-lint.json': config({ plugins: [PLUGIN], rules: { 'example/require-labels': ['error', options] } }),
      'Dockerfile': 'FROM node:22.11-slim\nUSER node\n',
    });
    const [result] = await lintProject({ cwd: project, fix: true });
    expect(result?.output).toBe('FROM node:22.11-slim\nLABEL org.opencontainers.image.vendor="Example Corp"\nUSER node\n');
    expect(result?.messages).toEqual([]);
  });

  it('runs beside the built-in rules when the config extends both presets', async () => {
    write({
      '.docmind-docker-lint.json': config({ plugins: [PLUGIN], extends: ['recommended', 'example/recommended'] }),
      'Dockerfile': 'FROM node\n',
    });
    const ids = findings(await lintProject({ cwd: project }));
    expect(ids).toContain('Dockerfile:1:6 example/no-latest-tag');
    expect(ids.some((id) => !id.includes('example/'))).toBe(true);
  });

  it('loads a plugin named by a path relative to the root config', async () => {
    write({
      'tools/local-plugin.js': `export default { meta: { name: 'local', namespace: 'local' }, rules: {
        'no-add': { meta: { type: 'problem', docs: { description: 'x' }, messages: { add: 'No ADD.' }, schema: [] },
          create: (context) => ({ ADD: (node) => context.report({ node, messageId: 'add' }) }) } } };\n`,
      '.docmind-docker-lint.json': config({ plugins: ['./tools/local-plugin.js'], rules: { 'local/no-add': 'error' } }),
      'Dockerfile': 'FROM scratch\nADD a /a\n',
    });
    expect(findings(await lintProject({ cwd: project, baseConfig: {} }))).toEqual(['Dockerfile:2:1 local/no-add']);
  });

  it('loads plugins from -c and from the pluginNames option', async () => {
    write({ 'lint.json': JSON.stringify({ plugins: [PLUGIN], rules: { 'example/no-latest-tag': 'error' } }), 'Dockerfile': 'FROM node\n' });
    expect(findings(await lintProject({ cwd: project, useConfigFiles: false, configFile: 'lint.json' }))).toEqual([
      'Dockerfile:1:6 example/no-latest-tag',
    ]);
    expect(
      findings(await lintProject({ cwd: project, useConfigFiles: false, pluginNames: [PLUGIN], rules: { 'example/no-latest-tag': 'error' } })),
    ).toEqual(['Dockerfile:1:6 example/no-latest-tag']);
  });

  it('lets a config below the root name a plugin the root loaded', async () => {
    write({
      '.docmind-docker-lint.json': config({ plugins: [PLUGIN] }),
      'app/.docmind-docker-lint.json': JSON.stringify({ plugins: [PLUGIN], rules: { 'example/no-latest-tag': 'error' } }),
      'app/Dockerfile': 'FROM node\n',
    });
    expect(findings(await lintProject({ cwd: project, baseConfig: {} }))).toEqual(['app/Dockerfile:1:6 example/no-latest-tag']);
  });

  it('never loads a plugin that only a config below the root names', async () => {
    write({
      'app/.docmind-docker-lint.json': JSON.stringify({ plugins: [PLUGIN], rules: { 'example/no-latest-tag': 'error' } }),
      'app/Dockerfile': 'FROM node\n',
    });
    const error = await lintProject({ cwd: project }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).filePath).toBe(path.join(project, 'app/.docmind-docker-lint.json'));
    expect((error as ConfigError).pointer).toBe('/plugins/0');
    expect((error as ConfigError).message).toContain('cannot load plugins');
  });

  it('ignores the root config plugins with useConfigFiles: false (--no-config)', async () => {
    write({ '.docmind-docker-lint.json': config({ plugins: ['./does-not-exist.js'] }), 'Dockerfile': 'FROM node\n' });
    await expect(lintProject({ cwd: project, useConfigFiles: false, rules: { 'python-version-pin': 'error' } })).resolves.toHaveLength(1);
  });

  it('reports a missing plugin and a module that is not a plugin as config errors', async () => {
    write({ '.docmind-docker-lint.json': config({ plugins: ['docmind-docker-lint-plugin-missing'] }), 'Dockerfile': 'FROM node\n' });
    await expect(lintProject({ cwd: project })).rejects.toThrow(/cannot find the plugin "docmind-docker-lint-plugin-missing".*npm install/);
    write({ 'not-a-plugin.js': 'export default { name: "x" };\n', '.docmind-docker-lint.json': config({ plugins: ['./not-a-plugin.js'] }) });
    await expect(lintProject({ cwd: project })).rejects.toThrow(/"\.\/not-a-plugin\.js" is not a plugin/);
  });
});
