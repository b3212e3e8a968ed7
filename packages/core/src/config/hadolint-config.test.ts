import { describe, expect, it } from 'vitest';
import { MemoryHost } from '../host/memory-host.js';
import type { Plugin } from '../types/rule.js';
import { fakeRule } from './fake-plugins.test-helper.js';
import { findHadolintConfig, hadolintConfigObjects, parseHadolintConfig } from './hadolint-config.js';
import { ConfigResolver } from './resolve-config.js';

const pack: Plugin = {
  meta: { name: 'pack' },
  rules: {
    'image-tag-pinned': fakeRule('image-tag-pinned', { docs: { description: 'd', sources: { hadolint: ['DL3006', 'DL3007'] } } }),
    'user-not-root': fakeRule('user-not-root', { docs: { description: 'd', sources: { hadolint: ['DL3002'] } } }),
    'apt-pinned': fakeRule('apt-pinned', { docs: { description: 'd', sources: { hadolint: ['DL3008'] } } }),
    'allowed-registries': fakeRule('allowed-registries', {
      docs: { description: 'd', sources: { hadolint: ['DL3026'] } },
      schema: [{ type: 'object', properties: { allowedRegistries: { type: 'array', items: { type: 'string' } } }, additionalProperties: false }],
    }),
    'label-schema': fakeRule('label-schema', { docs: { description: 'd', sources: { hadolint: ['DL3049'] } }, schema: [
        {
          type: 'object',
          properties: {
            schema: { type: 'object', additionalProperties: { type: 'string', enum: ['text', 'url', 'semver'] } },
            strict: { type: 'boolean' },
          },
          additionalProperties: false,
        },
      ],
    }),
  },
  configs: { recommended: { rules: { 'image-tag-pinned': 'error', 'user-not-root': 'error', 'apt-pinned': 'warn' } } },
};

const known = (id: string): boolean => ['DL3002', 'DL3006', 'DL3007', 'DL3008', 'DL3049'].includes(id);

describe('parseHadolintConfig', () => {
  it('reads the keys it knows and leaves hadolint-only keys alone', () => {
    const text = [
      'ignored: [DL3007, SC2086]',
      'override:',
      '  error: [DL3008]',
      '  info: [DL3002]',
      'trustedRegistries: [docker.io, "my.registry:5000"]',
      'failure-threshold: warning',
      'label-schema: { author: text, version: semver }',
      'strict-labels: true',
      'format: tty',
      'no-color: true',
    ].join('\n');
    expect(parseHadolintConfig(text, '/p/.hadolint.yaml')).toEqual({
      filePath: '/p/.hadolint.yaml',
      ignored: ['DL3007', 'SC2086'],
      override: { error: ['DL3008'], info: ['DL3002'] },
      trustedRegistries: ['docker.io', 'my.registry:5000'],
      failureThreshold: 'warning',
      labelSchema: { author: 'text', version: 'semver' },
      strictLabels: true,
    });
  });

  it('reads an empty file as no settings, and no-fail as the threshold none', () => {
    expect(parseHadolintConfig('', '/p/.hadolint.yaml')).toEqual({ filePath: '/p/.hadolint.yaml', ignored: [], override: {} });
    expect(parseHadolintConfig('no-fail: true\nfailure-threshold: error\n', '/p/.hadolint.yaml').failureThreshold).toBe('none');
  });

  it.each([
    ['ignored: DL3007', '/p/.hadolint.yaml: /ignored: expected a list of rule codes, got "DL3007"'],
    ['override: [DL3007]', '/p/.hadolint.yaml: /override: expected a mapping of severities to rule codes, got ["DL3007"]'],
    ['override: { error: [1] }', '/p/.hadolint.yaml: /override/error: expected a list of rule codes, got [1]'],
    ['failure-threshold: high', '/p/.hadolint.yaml: /failure-threshold: expected "error", "warning", "info", "style", "ignore", "none", got "high"'],
    ['trustedRegistries: docker.io', '/p/.hadolint.yaml: /trustedRegistries: expected a list of registry names, got "docker.io"'],
    ['label-schema: [author]', '/p/.hadolint.yaml: /label-schema: expected a mapping of label names to label types, got ["author"]'],
    ['ignored: [DL3007', '/p/.hadolint.yaml: invalid YAML'],
    ['- DL3007', '/p/.hadolint.yaml: expected a mapping of hadolint settings, got ["DL3007"]'],
  ])('refuses %j', (text, message) => {
    expect(() => parseHadolintConfig(text, '/p/.hadolint.yaml')).toThrow(message);
  });
});

describe('hadolintConfigObjects', () => {
  it('maps label-schema to the rules covering DL3049 first, then override severities and ignored codes it knows', () => {
    const config = parseHadolintConfig(
      'ignored: [DL3007, SC2086, DL9999]\noverride: { error: [DL3008], style: [DL3002, DL3049] }\ntrustedRegistries: [docker.io]\nlabel-schema: { author: text }\n',
      '/p/.hadolint.yaml',
    );
    expect(hadolintConfigObjects(config, known)).toEqual([
      {
        rules: { DL3049: ['warn', { schema: { author: 'text' }, strict: false }] },
        settings: { hadolint: { trustedRegistries: ['docker.io'], labelSchema: { author: 'text' }, shellcheck: { ignored: ['SC2086'], override: {} } } },
      },
      { rules: { DL3008: 'error', DL3002: 'warn', DL3049: 'warn', DL3007: 'off' } },
    ]);
  });

  it('gives ShellCheck codes to the shellcheck rule through settings.hadolint.shellcheck, not as rules', () => {
    const config = parseHadolintConfig('ignored: [SC2086, sc2034, DL3007]\noverride: { error: [SC2035, DL3008], style: [SC2154], info: [nope] }\n', '/p/.hadolint.yaml');
    expect(hadolintConfigObjects(config, known)).toEqual([
      { rules: {}, settings: { hadolint: { shellcheck: { ignored: ['SC2086', 'SC2034'], override: { error: ['SC2035'], style: ['SC2154'] } } } } },
      { rules: { DL3008: 'error', DL3007: 'off' } },
    ]);
    expect(hadolintConfigObjects(parseHadolintConfig('ignored: [DL3007]\n', '/p/.hadolint.yaml'), known)[0]).toEqual({ rules: {} });
  });

  it('does not compose a file nesting thousands deep (it could abort the process): a ConfigError', () => {
    expect(() => parseHadolintConfig(`ignored: ${'['.repeat(5000)}\n`, '/p/.hadolint.yaml')).toThrow(/nest more than 128 levels/);
  });

  it('gives trustedRegistries to the rules covering DL3026 as allowedRegistries, when one is loaded and the list is not empty', () => {
    const config = parseHadolintConfig('trustedRegistries: [docker.io]\n', '/p/.hadolint.yaml');
    expect(hadolintConfigObjects(config, (id) => id === 'DL3026')[0]!.rules).toEqual({ DL3026: ['error', { allowedRegistries: ['docker.io'] }] });
    expect(hadolintConfigObjects(config, known)[0]!.rules).toEqual({});
    expect(hadolintConfigObjects(parseHadolintConfig('trustedRegistries: []\n', '/p/.hadolint.yaml'), () => true)[0]!.rules).toEqual({});
  });

  it('lets ignored win over an override of the same code', () => {
    const config = parseHadolintConfig('ignored: [DL3002]\noverride: { error: [DL3002] }\n', '/p/.hadolint.yaml');
    expect(hadolintConfigObjects(config, known)[1]).toEqual({ rules: { DL3002: 'off' } });
  });
});

describe('ConfigResolver with a .hadolint.yaml', () => {
  const resolver = (files: Record<string, string>, options: { useHadolintConfig?: boolean; useConfigFiles?: boolean } = {}) =>
    new ConfigResolver({
      host: new MemoryHost(files),
      root: '/p',
      plugins: [pack],
      useConfigFiles: options.useConfigFiles ?? true,
      baseConfig: { extends: ['recommended'] },
      ...(options.useHadolintConfig === undefined ? {} : { useHadolintConfig: options.useHadolintConfig }),
    });
  const hadolint = 'ignored: [DL3007]\noverride: { info: [DL3002] }\nlabel-schema: { author: text }\nstrict-labels: true\ntrustedRegistries: [docker.io]\n';

  it('applies it over the presets and the config files, keeping the label options under a severity override', () => {
    const config = resolver({
      '/p/.hadolint.yaml': hadolint.replace('{ info: [DL3002] }', '{ info: [DL3002], error: [DL3049] }'),
      '/p/.docmind-docker-lint.json': '{ "extends": ["recommended"] }',
      '/p/Dockerfile': 'FROM x\n',
    }).forFile('/p/Dockerfile');
    expect(config.rules).toEqual({
      'image-tag-pinned': { severity: 0, options: [] },
      'user-not-root': { severity: 1, options: [] },
      'apt-pinned': { severity: 1, options: [] },
      'label-schema': { severity: 2, options: [{ schema: { author: 'text' }, strict: true }] },
      'allowed-registries': { severity: 2, options: [{ allowedRegistries: ['docker.io'] }] },
    });
    expect(config.settings).toEqual({ hadolint: { trustedRegistries: ['docker.io'], labelSchema: { author: 'text' }, strictLabels: true } });
  });

  it('reads .hadolint.yml too, and exposes what it read', () => {
    const configs = resolver({ '/p/.hadolint.yml': 'failure-threshold: style\n' });
    expect(configs.hadolintConfig).toMatchObject({ filePath: '/p/.hadolint.yml', failureThreshold: 'style' });
  });

  it('is not read with useHadolintConfig false, nor without config files', () => {
    expect(resolver({ '/p/.hadolint.yaml': hadolint }, { useHadolintConfig: false }).forFile('/p/Dockerfile').rules['image-tag-pinned']).toEqual({
      severity: 2,
      options: [],
    });
    expect(resolver({ '/p/.hadolint.yaml': hadolint }, { useConfigFiles: false }).hadolintConfig).toBeUndefined();
  });

  it('throws a ConfigError naming a broken file', () => {
    expect(() => resolver({ '/p/.hadolint.yaml': 'ignored: nope\n' })).toThrow('/p/.hadolint.yaml: /ignored: expected a list of rule codes');
  });

  it('finds nothing in a project without one', () => {
    expect(findHadolintConfig(new MemoryHost({ '/p/Dockerfile': 'FROM x\n' }), '/p')).toBeUndefined();
  });
});
