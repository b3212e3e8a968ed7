import { describe, expect, it } from 'vitest';
import { MemoryHost } from '../host/memory-host.js';
import type { ConfigObject, RuleEntry } from '../types/config.js';
import type { Plugin } from '../types/rule.js';
import { ConfigError } from './config-error.js';
import { acmePlugin, allPlugins, dockerfilePack, docmindPack, fakeRule } from './fake-plugins.test-helper.js';
import { ConfigResolver } from './resolve-config.js';

interface Setup {
  readonly files?: Readonly<Record<string, string>>;
  readonly root?: string;
  readonly plugins?: readonly Plugin[];
  readonly configFile?: string;
  readonly useConfigFiles?: boolean;
  readonly cliRules?: Record<string, RuleEntry>;
  readonly baseConfig?: ConfigObject;
}

function resolver(setup: Setup = {}): ConfigResolver {
  return new ConfigResolver({
    host: new MemoryHost(setup.files ?? {}),
    root: setup.root ?? '/repo',
    plugins: setup.plugins ?? allPlugins,
    useConfigFiles: setup.useConfigFiles ?? true,
    ...(setup.configFile ? { configFile: setup.configFile } : {}),
    ...(setup.cliRules ? { cliRules: setup.cliRules } : {}),
    ...(setup.baseConfig ? { baseConfig: setup.baseConfig } : {}),
  });
}

/** `{ id: severity }`, or `{ id: [severity, ...options] }` for rules with options: easy to read in expectations. */
function rulesOf(config: ReturnType<ConfigResolver['forFile']>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config.rules).map(([id, { severity, options }]) => [id, options.length > 0 ? [severity, ...options] : severity]),
  );
}

function configErrorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const json = (value: unknown): string => JSON.stringify(value, null, 2);

describe('ConfigResolver: presets', () => {
  it('gives an empty configuration when nothing configures the file', () => {
    expect(resolver().forFile('/repo/Dockerfile')).toEqual({ rules: {}, settings: {}, reportUnusedDisableDirectives: 0 });
  });

  it('merges a bare preset name across every plugin that has it', () => {
    const files = { '/repo/.docmind-docker-lint.json': json({ extends: 'recommended' }) };
    expect(rulesOf(resolver({ files }).forFile('/repo/Dockerfile'))).toEqual({
      'image-tag-pinned': 2,
      'cmd-exec-form': 1,
      'python-version-pin': [2, { requires: '>=3.11' }],
    });
  });

  it('resolves presets that extend presets, with their settings', () => {
    const files = { '/repo/.docmind-docker-lint.yaml': 'extends: docmind\n' };
    expect(resolver({ files }).forFile('/repo/Dockerfile')).toEqual({
      rules: {
        'image-tag-pinned': { severity: 2, options: [] },
        'cmd-exec-form': { severity: 1, options: [] },
        'python-version-pin': { severity: 2, options: [{ requires: '>=3.11' }] },
        'compose-env-names': { severity: 2, options: [] },
      },
      settings: { envContract: '.env.example' },
      reportUnusedDisableDirectives: 0,
    });
  });

  it('synthesizes all: every rule that is not deprecated, at error', () => {
    const files = { '/repo/.docmind-docker-lint.yaml': 'extends: all\n' };
    expect(rulesOf(resolver({ files }).forFile('/repo/Dockerfile'))).toEqual({
      'image-tag-pinned': 2,
      'cmd-exec-form': 2,
      'python-version-pin': 2,
      'compose-env-names': 2,
      'acme/no-latest': 2,
    });
  });

  it('takes <namespace>/<preset> or <plugin name>/<preset> from that plugin only', () => {
    const files = {
      '/repo/.docmind-docker-lint.yaml': 'extends: [acme/strict, "@docmind-docker-lint/plugin-dockerfile/recommended", acme/all]\n',
    };
    expect(rulesOf(resolver({ files }).forFile('/repo/Dockerfile'))).toEqual({
      'acme/no-latest': [2, 'strict'],
      'image-tag-pinned': 2,
      'cmd-exec-form': 1,
    });
  });

  it('applies presets first, then the rules of the file, keeping preset options for a severity-only entry', () => {
    const files = {
      '/repo/.docmind-docker-lint.yaml': 'extends: recommended\nrules:\n  python-version-pin: warn\n  image-tag-pinned: off\n',
    };
    expect(rulesOf(resolver({ files }).forFile('/repo/Dockerfile'))).toEqual({
      'image-tag-pinned': 0,
      'cmd-exec-form': 1,
      'python-version-pin': [1, { requires: '>=3.11' }],
    });
  });

  it('refuses an unknown preset, suggesting a close name', () => {
    const files = { '/repo/.docmind-docker-lint.json': json({ extends: ['docmind', 'recomended'] }) };
    const error = configErrorOf(() => resolver({ files }).forFile('/repo/Dockerfile'));
    expect(error.message).toBe('/repo/.docmind-docker-lint.json: /extends/1: unknown preset "recomended"; did you mean "recommended"?');
    expect(error.pointer).toBe('/extends/1');
  });

  it('lists the presets when no name is close', () => {
    const files = { '/repo/.docmind-docker-lint.yaml': 'extends: paranoid\n' };
    expect(configErrorOf(() => resolver({ files }).forFile('/repo/Dockerfile')).message).toBe(
      '/repo/.docmind-docker-lint.yaml: /extends: unknown preset "paranoid"; known presets: all, recommended, docmind, strict, acme/strict',
    );
  });

  it('validates presets too, naming the plugin', () => {
    const broken: Plugin = { meta: { name: 'broken-plugin' }, rules: {}, configs: { recommended: { rules: { nope: 'error' } } } };
    const files = { '/repo/.docmind-docker-lint.yaml': 'extends: recommended\n' };
    expect(configErrorOf(() => resolver({ files, plugins: [broken] }).forFile('/repo/Dockerfile')).message).toBe(
      'preset "recommended" of broken-plugin: /rules/nope: unknown rule "nope"',
    );
  });

  it('extends a config file by a relative path, and refuses a cycle', () => {
    const files = {
      '/repo/.docmind-docker-lint.yaml': 'extends: [recommended, ./configs/base.yaml]\n',
      '/repo/configs/base.yaml': 'rules:\n  cmd-exec-form: error\n',
    };
    expect(rulesOf(resolver({ files }).forFile('/repo/Dockerfile'))).toMatchObject({ 'cmd-exec-form': 2 });
    const cycle = {
      '/repo/.docmind-docker-lint.yaml': 'extends: ./a.yaml\n',
      '/repo/a.yaml': 'extends: ./.docmind-docker-lint.yaml\n',
    };
    expect(configErrorOf(() => resolver({ files: cycle }).forFile('/repo/Dockerfile')).message).toBe(
      '/repo/a.yaml: /extends: "./.docmind-docker-lint.yaml" extends itself (/repo/.docmind-docker-lint.yaml -> /repo/a.yaml -> /repo/.docmind-docker-lint.yaml)',
    );
  });
});

describe('ConfigResolver: config files', () => {
  const cascade = {
    '/repo/.docmind-docker-lint.yaml': 'rules:\n  image-tag-pinned: warn\n  cmd-exec-form: error\nsettings:\n  envContract: { file: .env.example, strict: true }\n',
    '/repo/services/api/.docmind-docker-lint.json': json({
      rules: { 'cmd-exec-form': 'off' },
      settings: { envContract: { strict: false } },
      reportUnusedDisableDirectives: true,
    }),
  };

  it('merges the configs found up to the root, nearer ones over farther ones', () => {
    const configs = resolver({ files: cascade });
    expect(configs.forFile('/repo/services/api/Dockerfile')).toEqual({
      rules: { 'image-tag-pinned': { severity: 1, options: [] }, 'cmd-exec-form': { severity: 0, options: [] } },
      settings: { envContract: { file: '.env.example', strict: false } },
      reportUnusedDisableDirectives: 1,
    });
    expect(rulesOf(configs.forFile('/repo/services/web/Dockerfile'))).toEqual({ 'image-tag-pinned': 1, 'cmd-exec-form': 2 });
  });

  it('stops at a config with root: true', () => {
    const files = { ...cascade, '/repo/services/.docmind-docker-lint.yml': 'root: true\nrules:\n  compose-env-names: error\n' };
    expect(rulesOf(resolver({ files }).forFile('/repo/services/api/compose.yaml'))).toEqual({
      'compose-env-names': 2,
      'cmd-exec-form': 0,
    });
  });

  it('never reads config files above the root', () => {
    const files = { '/outer/.docmind-docker-lint.json': json({ rules: { 'cmd-exec-form': 'error' } }) };
    expect(resolver({ files, root: '/outer/repo' }).forFile('/outer/repo/Dockerfile').rules).toEqual({});
  });

  it('reads the "docmind-docker-lint" key of package.json, skipping a package.json without it', () => {
    const files = {
      '/repo/package.json': json({ name: 'repo', 'docmind-docker-lint': { rules: { 'cmd-exec-form': 'warn' } } }),
      '/repo/app/package.json': json({ name: 'app' }),
    };
    const configs = resolver({ files });
    expect(rulesOf(configs.forFile('/repo/app/Dockerfile'))).toEqual({ 'cmd-exec-form': 1 });
    expect(configs.configFileFor('/repo/app/Dockerfile')).toBe('/repo/package.json');
  });

  it('takes one config per folder: .json, then .yaml, then .yml, then package.json', () => {
    const files = {
      '/repo/.docmind-docker-lint.yaml': 'rules: { cmd-exec-form: warn }\n',
      '/repo/.docmind-docker-lint.yml': 'rules: { cmd-exec-form: error }\n',
      '/repo/package.json': json({ 'docmind-docker-lint': { rules: { 'image-tag-pinned': 'error' } } }),
    };
    const configs = resolver({ files });
    expect(rulesOf(configs.forFile('/repo/Dockerfile'))).toEqual({ 'cmd-exec-form': 1 });
    expect(configs.configFileFor('/repo/Dockerfile')).toBe('/repo/.docmind-docker-lint.yaml');
  });

  it('applies the -c file over the config files found, and alone with --no-config', () => {
    const files = { ...cascade, '/elsewhere/ci.yaml': 'rules:\n  image-tag-pinned: error\n' };
    const withFiles = resolver({ files, configFile: '/elsewhere/ci.yaml' });
    expect(rulesOf(withFiles.forFile('/repo/services/api/Dockerfile'))).toEqual({ 'image-tag-pinned': 2, 'cmd-exec-form': 0 });
    expect(withFiles.configFileFor('/repo/services/api/Dockerfile')).toBe('/repo/services/api/.docmind-docker-lint.json');
    const alone = resolver({ files, configFile: '/elsewhere/ci.yaml', useConfigFiles: false });
    expect(rulesOf(alone.forFile('/repo/services/api/Dockerfile'))).toEqual({ 'image-tag-pinned': 2 });
    expect(alone.configFileFor('/repo/services/api/Dockerfile')).toBe('/elsewhere/ci.yaml');
  });

  it('ignores every config file with --no-config', () => {
    const configs = resolver({ files: cascade, useConfigFiles: false });
    expect(configs.forFile('/repo/services/api/Dockerfile').rules).toEqual({});
    expect(configs.configFileFor('/repo/services/api/Dockerfile')).toBeUndefined();
  });

  it('resolves a relative -c path against the root and fails at once when it is missing', () => {
    const files = { '/repo/ci/lint.json': json({ rules: { 'cmd-exec-form': 'warn' } }) };
    expect(rulesOf(resolver({ files, configFile: 'ci/lint.json' }).forFile('/repo/Dockerfile'))).toEqual({ 'cmd-exec-form': 1 });
    expect(configErrorOf(() => resolver({ configFile: 'missing.yaml' })).message).toBe('/repo/missing.yaml: cannot read the config file');
    expect(configErrorOf(() => resolver({ files: { '/repo/package.json': '{}' }, configFile: 'package.json' })).message).toBe(
      '/repo/package.json: no "docmind-docker-lint" key in this package.json',
    );
  });

  it('puts baseConfig under everything and cliRules over everything', () => {
    const configs = resolver({
      files: cascade,
      baseConfig: { extends: 'recommended', settings: { envContract: { fallback: true } } },
      cliRules: { 'image-tag-pinned': 'off', DL3007: 'error' },
    });
    expect(configs.forFile('/repo/services/api/Dockerfile')).toEqual({
      rules: {
        'image-tag-pinned': { severity: 2, options: [] },
        'cmd-exec-form': { severity: 0, options: [] },
        'python-version-pin': { severity: 2, options: [{ requires: '>=3.11' }] },
      },
      settings: { envContract: { fallback: true, file: '.env.example', strict: false } },
      reportUnusedDisableDirectives: 1,
    });
  });

  it('reads reportUnusedDisableDirectives as a severity', () => {
    const files = {
      '/repo/.docmind-docker-lint.yaml': 'reportUnusedDisableDirectives: error\n',
      '/repo/legacy/.docmind-docker-lint.yaml': 'reportUnusedDisableDirectives: false\n',
    };
    const configs = resolver({ files });
    expect(configs.forFile('/repo/Dockerfile').reportUnusedDisableDirectives).toBe(2);
    expect(configs.forFile('/repo/legacy/Dockerfile').reportUnusedDisableDirectives).toBe(0);
  });
});

describe('ConfigResolver: overrides', () => {
  const files = {
    '/repo/.docmind-docker-lint.yaml': [
      'rules:',
      '  cmd-exec-form: error',
      'overrides:',
      '  - files: ["Dockerfile*"]',
      '    excludedFiles: ["legacy/**"]',
      '    rules: { cmd-exec-form: warn }',
      '  - files: ["services/**/compose.yaml", "/compose.yaml"]',
      '    rules: { compose-env-names: error }',
      '    settings: { envContract: compose }',
      '  - files: [".github/**"]',
      '    rules: { image-tag-pinned: error }',
    ].join('\n'),
    '/repo/tools/.docmind-docker-lint.json': json({
      rules: { 'cmd-exec-form': 'off' },
      overrides: [{ files: ['*.dev'], rules: { 'python-version-pin': ['warn', { requires: '>=3.12' }] } }],
    }),
  };

  it('matches a glob without a slash against the base name at any depth', () => {
    const configs = resolver({ files });
    expect(rulesOf(configs.forFile('/repo/Dockerfile'))).toEqual({ 'cmd-exec-form': 1 });
    expect(rulesOf(configs.forFile('/repo/app/Dockerfile.prod'))).toEqual({ 'cmd-exec-form': 1 });
    expect(rulesOf(configs.forFile('/repo/app/Containerfile'))).toEqual({ 'cmd-exec-form': 2 });
  });

  it('leaves out excludedFiles', () => {
    expect(rulesOf(resolver({ files }).forFile('/repo/legacy/api/Dockerfile'))).toEqual({ 'cmd-exec-form': 2 });
  });

  it('matches globs with a slash from the config folder, anchored ones at its top only, dot folders included', () => {
    const configs = resolver({ files });
    expect(configs.forFile('/repo/services/api/compose.yaml')).toMatchObject({
      rules: { 'compose-env-names': { severity: 2, options: [] } },
      settings: { envContract: 'compose' },
    });
    expect(rulesOf(configs.forFile('/repo/compose.yaml'))).toMatchObject({ 'compose-env-names': 2 });
    expect(rulesOf(configs.forFile('/repo/app/compose.yaml'))).toEqual({ 'cmd-exec-form': 2 });
    expect(rulesOf(configs.forFile('/repo/.github/workflows/Dockerfile.ci'))).toMatchObject({ 'image-tag-pinned': 2 });
  });

  it('matches a nested config\'s globs from its own folder; its base rules beat the farther overrides', () => {
    const configs = resolver({ files });
    expect(rulesOf(configs.forFile('/repo/tools/Dockerfile.dev'))).toEqual({
      'cmd-exec-form': 0,
      'python-version-pin': [1, { requires: '>=3.12' }],
    });
  });

  it('names the override in the pointer of an invalid rule entry', () => {
    const broken = { '/repo/.docmind-docker-lint.json': json({ overrides: [{ files: ['x'] }, { files: ['y'], rules: { 'python-version-pin': ['error', { requires: 3 }] } }] }) };
    expect(configErrorOf(() => resolver({ files: broken }).forFile('/repo/Dockerfile')).message).toBe(
      '/repo/.docmind-docker-lint.json: /overrides/1/rules/python-version-pin/1/requires: expected a string, got 3',
    );
  });
});

describe('ConfigResolver: rule ids', () => {
  it('configures a rule by the hadolint or BuildKit ids it covers', () => {
    const files = { '/repo/.docmind-docker-lint.yaml': 'rules:\n  DL3006: [warn, { allow: [scratch] }]\n  JSONArgsRecommended: off\n' };
    expect(rulesOf(resolver({ files }).forFile('/repo/Dockerfile'))).toEqual({
      'image-tag-pinned': [1, { allow: ['scratch'] }],
      'cmd-exec-form': 0,
    });
  });

  it('lets a peer id configure every rule that covers it', () => {
    const twin: Plugin = {
      meta: { name: 'twin' },
      rules: { 'image-digest': fakeRule('image-digest', { docs: { description: 'x', sources: { hadolint: ['DL3006'] } } }) },
    };
    const files = { '/repo/.docmind-docker-lint.yaml': 'rules: { DL3006: error }\n' };
    expect(rulesOf(resolver({ files, plugins: [dockerfilePack, twin] }).forFile('/repo/Dockerfile'))).toEqual({
      'image-tag-pinned': 2,
      'image-digest': 2,
    });
  });

  it('refuses an unknown rule with a close name', () => {
    const files = { '/repo/.docmind-docker-lint.yaml': 'rules:\n  pyton-version-pin: error\n' };
    const error = configErrorOf(() => resolver({ files }).forFile('/repo/Dockerfile'));
    expect(error.message).toBe('/repo/.docmind-docker-lint.yaml: /rules/pyton-version-pin: unknown rule "pyton-version-pin"; did you mean "python-version-pin"?');
    expect(error).toMatchObject({ pointer: '/rules/pyton-version-pin', expected: 'a known rule id' });
  });

  it('says when the namespace of an unknown rule belongs to no loaded plugin', () => {
    const files = { '/repo/package.json': json({ 'docmind-docker-lint': { rules: { 'other/no-latest': 'error' } } }) };
    expect(configErrorOf(() => resolver({ files }).forFile('/repo/Dockerfile')).message).toBe(
      '/repo/package.json: /docmind-docker-lint/rules/other~1no-latest: unknown rule "other/no-latest"; no loaded plugin has the namespace "other"',
    );
  });

  it('refuses an unknown rule on the command line at once', () => {
    expect(configErrorOf(() => resolver({ cliRules: { 'no-such-rule': 'error' } })).message).toBe('--rule: /no-such-rule: unknown rule "no-such-rule"');
  });
});

describe('ConfigResolver: rule options', () => {
  it('checks options against the rule schema, pointing inside the entry', () => {
    const files = { '/repo/.docmind-docker-lint.json': json({ rules: { 'python-version-pin': ['error', { requires: 3.11 }] } }) };
    const error = configErrorOf(() => resolver({ files }).forFile('/repo/Dockerfile'));
    expect(error.message).toBe('/repo/.docmind-docker-lint.json: /rules/python-version-pin/1/requires: expected a string, got 3.11');
    expect(error).toMatchObject({ pointer: '/rules/python-version-pin/1/requires', expected: 'a string', actual: 3.11 });
  });

  it('names an unknown option key with a close one', () => {
    const files = { '/repo/.docmind-docker-lint.yaml': 'rules:\n  python-version-pin: [error, { require: ">=3.11" }]\n' };
    expect(configErrorOf(() => resolver({ files }).forFile('/repo/Dockerfile')).message).toBe(
      '/repo/.docmind-docker-lint.yaml: /rules/python-version-pin/1/require: unknown key "require" (expected one of "requires"); did you mean "requires"?',
    );
  });

  it('counts the options a rule takes', () => {
    const files = { '/repo/.docmind-docker-lint.yaml': 'rules:\n  python-version-pin: [error, {}, {}]\n  cmd-exec-form: [warn, x]\n' };
    expect(configErrorOf(() => resolver({ files }).forFile('/repo/Dockerfile')).message).toBe(
      '/repo/.docmind-docker-lint.yaml: /rules/python-version-pin: rule "python-version-pin" takes at most 1 option, got 2',
    );
    const noOptions = { '/repo/.docmind-docker-lint.yaml': 'rules:\n  cmd-exec-form: [warn, x]\n' };
    expect(configErrorOf(() => resolver({ files: noOptions }).forFile('/repo/Dockerfile')).message).toBe(
      '/repo/.docmind-docker-lint.yaml: /rules/cmd-exec-form: rule "cmd-exec-form" takes no options, got 1',
    );
  });

  it('checks an object schema against the whole options array', () => {
    const files = { '/repo/.docmind-docker-lint.yaml': 'rules:\n  acme/no-latest: [error, strictly]\n' };
    expect(configErrorOf(() => resolver({ files }).forFile('/repo/Dockerfile')).message).toBe(
      '/repo/.docmind-docker-lint.yaml: /rules/acme~1no-latest/1: expected "strict" or "loose", got "strictly"',
    );
  });

  it('checks options given through a peer id against the rule they configure', () => {
    expect(configErrorOf(() => resolver({ cliRules: { DL3006: ['error', { allow: 'scratch' }] } })).message).toBe(
      '--rule: /DL3006/1/allow: expected an array of strings, got "scratch"',
    );
  });

  it('does not merge meta.defaultOptions', () => {
    const withDefaults: Plugin = {
      meta: { name: 'defaults' },
      rules: { r: fakeRule('r', { schema: [{ type: 'string' }], defaultOptions: ['fallback'] }) },
    };
    expect(resolver({ plugins: [withDefaults], cliRules: { r: 'error' } }).forFile('/repo/Dockerfile').rules).toEqual({
      r: { severity: 2, options: [] },
    });
  });
});

describe('ConfigResolver: ignores', () => {
  const files = {
    '/repo/.docmind-docker-lint.yaml': 'ignores: ["dist/", "generated/**", "*.bak", "!keep.bak", "/top-only.yaml"]\n',
    '/repo/apps/.docmind-docker-lint.json': json({ ignores: ['fixtures'] }),
  };

  it('ignores files by globs relative to the config folder', () => {
    const configs = resolver({ files });
    expect(configs.isIgnored('/repo/generated/deep/Dockerfile')).toBe(true);
    expect(configs.isIgnored('/repo/apps/web/Dockerfile.bak')).toBe(true);
    expect(configs.isIgnored('/repo/apps/web/keep.bak')).toBe(false);
    expect(configs.isIgnored('/repo/top-only.yaml')).toBe(true);
    expect(configs.isIgnored('/repo/apps/top-only.yaml')).toBe(false);
    expect(configs.isIgnored('/repo/Dockerfile')).toBe(false);
  });

  it('ignores everything under a folder a glob matches', () => {
    const configs = resolver({ files });
    expect(configs.isIgnored('/repo/dist/Dockerfile')).toBe(true);
    expect(configs.isIgnored('/repo/apps/web/dist/compose.yaml')).toBe(true);
    expect(configs.isIgnored('/repo/apps/fixtures/bad/Dockerfile')).toBe(true);
    expect(configs.isIgnored('/repo/fixtures/Dockerfile')).toBe(false);
  });

  it('takes ignores from the -c file and baseConfig relative to the root, and none with --no-config', () => {
    const configs = resolver({
      files: { ...files, '/elsewhere/ci.json': json({ ignores: ['vendor/**'] }) },
      configFile: '/elsewhere/ci.json',
      baseConfig: { ignores: ['examples/'] },
      useConfigFiles: false,
    });
    expect(configs.isIgnored('/repo/vendor/x/Dockerfile')).toBe(true);
    expect(configs.isIgnored('/repo/examples/Dockerfile')).toBe(true);
    expect(configs.isIgnored('/repo/dist/Dockerfile')).toBe(false);
  });
});

describe('ConfigResolver: printing', () => {
  it('gives the resolved configuration in config-file form', () => {
    const files = { '/repo/.docmind-docker-lint.yaml': 'extends: recommended\nreportUnusedDisableDirectives: true\nsettings: { a: 1 }\n' };
    expect(resolver({ files }).resolveConfigForPrint('/repo/Dockerfile')).toEqual({
      rules: {
        'cmd-exec-form': 'warn',
        'image-tag-pinned': 'error',
        'python-version-pin': ['error', { requires: '>=3.11' }],
      },
      settings: { a: 1 },
      reportUnusedDisableDirectives: 'warn',
    });
  });

  it('exposes the loaded rules by id', () => {
    expect([...resolver({ plugins: [acmePlugin, docmindPack] }).rules.keys()]).toEqual([
      'acme/no-latest',
      'python-version-pin',
      'compose-env-names',
    ]);
  });

  it('refuses two plugins defining one rule id', () => {
    expect(() => resolver({ plugins: [docmindPack, { ...docmindPack, meta: { name: 'copy' } }] })).toThrow(
      'Rule "python-version-pin" is defined by both @docmind-docker-lint/plugin-docmind and copy.',
    );
  });
});
