// Nothing the linter reads is executed: configs are data, plugins named by a config inside the linted
// tree are never imported, and shell syntax in Dockerfiles, Compose files, .env files and pyproject.toml
// is parsed, never run. Every check plants a payload that would create a marker file if it ran.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintProject } from '@docmind-docker-lint/core';
import { main } from 'docmind-docker-lint';

let dir: string;
let marker: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ddl-noexec-'));
  marker = path.join(dir, 'EXECUTED');
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: string): void {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

/** JavaScript that creates the marker when imported or required. */
const evilModule = () => `import fs from 'node:fs';\nfs.writeFileSync(${JSON.stringify(marker)}, 'imported');\nexport default { meta: { name: 'evil' }, rules: {}, configs: { recommended: { rules: {} } } };\n`;
const evilCommonJs = () => `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'required');\nmodule.exports = { meta: { name: 'evil' }, rules: {} };\n`;

/** Runs the CLI in-process and returns its exit code and output. */
async function cli(argv: readonly string[]): Promise<{ code: number; output: string }> {
  let output = '';
  const sink = { write: (text: string) => (output += text) };
  const code = await main(argv, { stdout: sink, stderr: sink, stdin: (async function* () {})(), cwd: dir, env: {}, isTTY: false });
  return { code, output };
}

function plantPlugins(): void {
  write('evil-plugin.mjs', evilModule());
  write('evil-plugin.js', evilModule());
  write('evil-plugin.cjs', evilCommonJs());
  write('node_modules/docmind-docker-lint-plugin-evil/package.json', JSON.stringify({ name: 'docmind-docker-lint-plugin-evil', type: 'module', main: 'index.js' }));
  write('node_modules/docmind-docker-lint-plugin-evil/index.js', evilModule());
  write('node_modules/@evil/docmind-docker-lint-plugin/package.json', JSON.stringify({ name: '@evil/docmind-docker-lint-plugin', type: 'module', main: 'index.js' }));
  write('node_modules/@evil/docmind-docker-lint-plugin/index.js', evilModule());
  write('Dockerfile', 'FROM alpine:3\n');
  write('sub/Dockerfile', 'FROM alpine:3\n');
}

const PLUGIN_NAMES = ['./evil-plugin.mjs', './evil-plugin.js', './evil-plugin.cjs', 'evil', 'docmind-docker-lint-plugin-evil', '@evil/docmind-docker-lint-plugin', 'file:./evil-plugin.mjs'];

describe('plugins named inside the linted tree are never loaded', () => {
  // The config file at the project root is the user's own and may load plugins (the trust model of
  // docs/security.md); configs in folders below it are part of the linted tree.
  it.each([
    ['sub/.docmind-docker-lint.json', () => JSON.stringify({ plugins: PLUGIN_NAMES })],
    ['sub/.docmind-docker-lint.yaml', () => `plugins:\n${PLUGIN_NAMES.map((name) => `  - "${name}"`).join('\n')}\n`],
    ['sub/package.json', () => JSON.stringify({ name: 'x', 'docmind-docker-lint': { plugins: PLUGIN_NAMES } })],
    ['.docmind-docker-lint.json', () => JSON.stringify({ extends: ['plugin:evil/recommended', 'docmind-docker-lint-plugin-evil', './evil-plugin.mjs'] })],
    ['.hadolint.yaml', () => `plugins:\n  - ./evil-plugin.mjs\nignored: [DL3008]\n`],
  ])('a config in %s: the API and the CLI never import them', async (configName, config) => {
    plantPlugins();
    write(configName, config());
    await lintProject({ cwd: dir }).catch(() => undefined);
    expect(fs.existsSync(marker)).toBe(false);
    for (const argv of [['.'], ['--fix', '.'], ['--print-config', 'sub/Dockerfile'], ['-f', 'json', 'sub']]) await cli(argv);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it.each([
    ['.docmind-docker-lint.json', () => JSON.stringify({ plugins: ['./evil-plugin.mjs'] })],
    ['package.json', () => JSON.stringify({ name: 'x', 'docmind-docker-lint': { plugins: ['docmind-docker-lint-plugin-evil'] } })],
  ])('the root config %s loads its plugins only with config files on: --no-config never imports them', async (configName, config) => {
    plantPlugins();
    write(configName, config());
    await lintProject({ cwd: dir, useConfigFiles: false });
    await cli(['--no-config', '.']);
    expect(fs.existsSync(marker)).toBe(false);
    // With config files on, the root config is trusted (documented): the plugin is imported.
    await cli(['.']);
    expect(fs.existsSync(marker)).toBe(true);
  });

  it('a JavaScript file given as the config (-c) is read as data, never run', async () => {
    plantPlugins();
    write('.docmind-docker-lint.js', evilModule());
    write('evil.config.mjs', evilModule());
    for (const configFile of ['.docmind-docker-lint.js', 'evil.config.mjs', 'evil-plugin.cjs']) {
      const { code } = await cli(['-c', configFile, '.']);
      expect(code).toBe(2); // invalid configuration: not YAML/JSON config data
    }
    await cli(['.']);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('JavaScript config file names are not config files', async () => {
    plantPlugins();
    for (const name of ['.docmind-docker-lint.js', '.docmind-docker-lint.mjs', '.docmind-docker-lint.cjs', 'docmind-docker-lint.config.js', 'docmind-docker-lint.config.mjs', 'eslint.config.js']) write(name, evilModule());
    const { output } = await cli(['.']);
    expect(output).not.toMatch(/invalid configuration/);
    expect(fs.existsSync(marker)).toBe(false);
  });
});

describe('shell syntax in linted files is never run', () => {
  it('command substitutions in every file kind stay text', async () => {
    const sub = `$(touch ${marker})`;
    const tick = `\`touch ${marker}\``;
    write('Dockerfile', `FROM alpine:3\nARG A=${sub}\nENV B=${tick} C=\${X:-${sub}}\nRUN ${sub} && ${tick}\nCMD ${sub}\nHEALTHCHECK CMD ${sub}\nLABEL x="${sub}"\nCOPY ${sub} /x\n`);
    write('compose.yaml', `services:\n  web:\n    build: .\n    image: "\${IMG:-${sub}}"\n    command: ${tick}\n    env_file: .env\n    environment:\n      A: "${sub}"\n      B: \${B:?${sub}}\n    healthcheck:\n      test: ["CMD-SHELL", "${sub}"]\n`);
    write('.env', `A=${sub}\nB="${sub}"\nC=${tick}\nexport D=${sub}\nE=\${A:-${sub}}\n`);
    write('.dockerignore', `${sub}\n!${tick}\n`);
    write('pyproject.toml', `[project]\nname = "x"\nrequires-python = ">=3.11"\n[build-system]\nrequires = ["${sub}"]\nbuild-backend = "os.system('touch ${marker}')"\n`);
    write('.python-version', `${sub}\n`);
    write('.hadolint.yaml', `ignored:\n  - ${sub}\ntrustedRegistries:\n  - ${tick}\n`);
    await lintProject({ cwd: dir, useConfigFiles: false, baseConfig: { extends: ['all'] } });
    await lintProject({ cwd: dir, useConfigFiles: false, baseConfig: { extends: ['all'] }, fix: true });
    await cli(['--fix-dry-run', '-f', 'json', '.']);
    expect(fs.existsSync(marker)).toBe(false);
  });
});
