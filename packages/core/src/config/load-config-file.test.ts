import { describe, expect, it } from 'vitest';
import { MemoryHost } from '../host/memory-host.js';
import { ConfigError } from './config-error.js';
import { loadConfigFile, parseConfigText, validateConfigObject } from './load-config-file.js';

/** The ConfigError a call throws. */
function configErrorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfigText', () => {
  it('reads JSON', () => {
    const text = '{ "root": true, "extends": "recommended", "rules": { "image-tag-pinned": ["warn", { "allow": ["scratch"] }] } }';
    expect(parseConfigText(text, '/p/.docmind-docker-lint.json')).toEqual({
      filePath: '/p/.docmind-docker-lint.json',
      pointerBase: '',
      config: { root: true, extends: 'recommended', rules: { 'image-tag-pinned': ['warn', { allow: ['scratch'] }] } },
    });
  });

  it('reads YAML, and an empty YAML file as an empty config', () => {
    const text = 'extends: [recommended]\nrules:\n  image-tag-pinned: off\noverrides:\n  - files: ["compose*.yml"]\n    rules: { compose-rule: 1 }\n';
    expect(parseConfigText(text, '/p/.docmind-docker-lint.yaml')?.config).toEqual({
      extends: ['recommended'],
      rules: { 'image-tag-pinned': 'off' },
      overrides: [{ files: ['compose*.yml'], rules: { 'compose-rule': 1 } }],
    });
    expect(parseConfigText('# nothing yet\n', '/p/.docmind-docker-lint.yml')?.config).toEqual({});
  });

  it('reads the "docmind-docker-lint" key of package.json, and nothing from a package.json without it', () => {
    const text = JSON.stringify({ name: 'app', 'docmind-docker-lint': { rules: { a: 'error' } } });
    expect(parseConfigText(text, '/p/package.json')).toEqual({
      filePath: '/p/package.json',
      pointerBase: '/docmind-docker-lint',
      config: { rules: { a: 'error' } },
    });
    expect(parseConfigText('{ "name": "app" }', '/p/package.json')).toBeUndefined();
  });
});

describe('parseConfigText: syntax errors', () => {
  it('names the file, line and column of malformed JSON', () => {
    const error = configErrorOf(() => parseConfigText('{\n  "rules": {\n    "a": "off"\n    "b": "warn"\n  }\n}\n', '/p/.docmind-docker-lint.json'));
    expect(error.message).toBe(
      "/p/.docmind-docker-lint.json:4:5: invalid JSON: Expected ',' or '}' after property value",
    );
    expect(error).toMatchObject({ filePath: '/p/.docmind-docker-lint.json', pointer: '', expected: 'valid JSON', line: 4, column: 5 });
  });

  it('finds the position of an unexpected token from the context V8 quotes', () => {
    const error = configErrorOf(() => parseConfigText("{\n  \"rules\": {\n    \"a\": 'off'\n  }\n}\n", '/p/c.json'));
    expect(error.message).toBe("/p/c.json:3:10: invalid JSON: Unexpected token '''");
  });

  it('names the end of a truncated JSON file', () => {
    expect(configErrorOf(() => parseConfigText('{ "rules": ', '/p/c.json')).message).toBe(
      '/p/c.json:1:12: invalid JSON: Unexpected end of JSON input',
    );
  });

  it('names the file, line and column of malformed YAML', () => {
    const error = configErrorOf(() => parseConfigText('rules:\n  a: off\n  a: warn\n', '/p/.docmind-docker-lint.yml'));
    expect(error.message).toBe('/p/.docmind-docker-lint.yml:3:3: invalid YAML: Map keys must be unique');
    expect(error).toMatchObject({ line: 3, column: 3, expected: 'valid YAML' });
    expect(configErrorOf(() => parseConfigText('rules: [a\n', '/p/c.yaml')).message).toMatch(/^\/p\/c\.yaml:2:1: invalid YAML: /);
  });

  it('refuses a YAML alias bomb', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level <= 6; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      lines.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    const error = configErrorOf(() => parseConfigText(`settings:\n  ${lines.join('\n  ')}\n`, '/p/c.yaml'));
    expect(error.message).toBe('/p/c.yaml: invalid YAML: Excessive alias count indicates a resource exhaustion attack');
  });

  it('refuses YAML nested deeper than the parser composes, at the first too-deep collection', () => {
    const error = configErrorOf(() => parseConfigText(`settings:\n  deep: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, '/p/c.yaml'));
    expect(error.message).toMatch(/^\/p\/c\.yaml:2:\d+: invalid YAML: YAML collections nest more than \d+ levels deep/);
  });
});

describe('parseConfigText: schema errors', () => {
  it('names the pointer and the severities for a misspelt severity', () => {
    const error = configErrorOf(() => parseConfigText('{ "rules": { "foo": "eror" } }', '/p/c.json'));
    expect(error.message).toBe('/p/c.json: /rules/foo: expected "off", "warn", "error" or 0-2, got "eror"');
    expect(error).toMatchObject({ pointer: '/rules/foo', expected: '"off", "warn", "error" or 0-2', actual: 'eror', line: 1, column: 21 });
  });

  it('points into the array form of an entry', () => {
    expect(configErrorOf(() => parseConfigText('rules:\n  foo: [3, {}]\n', '/p/c.yaml')).message).toBe(
      '/p/c.yaml: /rules/foo/0: expected "off", "warn", "error" or 0-2, got 3',
    );
    expect(configErrorOf(() => parseConfigText('rules:\n  foo: []\n', '/p/c.yaml')).message).toBe(
      '/p/c.yaml: /rules/foo: expected "off", "warn", "error" or 0-2, got []',
    );
  });

  it('escapes a namespaced rule id in the pointer', () => {
    expect(configErrorOf(() => parseConfigText('rules:\n  acme/foo: loud\n', '/p/c.yaml')).pointer).toBe('/rules/acme~1foo');
  });

  it('names an unknown key with the allowed keys and a close one', () => {
    const error = configErrorOf(() => parseConfigText('rulez:\n  foo: off\n', '/p/c.yaml'));
    expect(error.message).toBe(
      '/p/c.yaml: /rulez: unknown key "rulez" (expected one of "$schema", "root", "extends", "plugins", "rules", "overrides", "ignores", "settings" or "reportUnusedDisableDirectives"); did you mean "rules"?',
    );
    expect(error).toMatchObject({ pointer: '/rulez', line: 1, column: 1 });
  });

  it('names an override without files, and an empty files list', () => {
    expect(configErrorOf(() => parseConfigText('overrides:\n  - rules: { foo: off }\n', '/p/c.yaml')).message).toBe(
      '/p/c.yaml: /overrides/0: expected a "files" key (a non-empty array of non-empty strings)',
    );
    expect(configErrorOf(() => parseConfigText('overrides:\n  - files: []\n', '/p/c.yaml')).message).toBe(
      '/p/c.yaml: /overrides/0/files: expected a non-empty array of non-empty strings, got []',
    );
  });

  it('lists the accepted types when the value has none of them', () => {
    expect(configErrorOf(() => parseConfigText('extends: 3\n', '/p/c.yaml')).message).toBe(
      '/p/c.yaml: /extends: expected a non-empty string or an array of non-empty strings, got 3',
    );
    expect(configErrorOf(() => parseConfigText('root: "yes"\n', '/p/c.yaml')).message).toBe(
      '/p/c.yaml: /root: expected true or false, got "yes"',
    );
    expect(configErrorOf(() => parseConfigText('[1, 2]\n', '/p/c.yaml')).message).toBe('/p/c.yaml:1:1: expected an object, got [1,2]');
  });

  it('prefixes pointers in package.json with the key', () => {
    const text = '{\n  "name": "app",\n  "docmind-docker-lint": { "ignores": "dist" }\n}\n';
    const error = configErrorOf(() => parseConfigText(text, '/p/package.json'));
    expect(error.message).toBe('/p/package.json: /docmind-docker-lint/ignores: expected an array of non-empty strings, got "dist"');
    expect(error).toMatchObject({ line: 3, column: 39 });
  });
});

describe('loadConfigFile', () => {
  it('reads through the host, dropping a BOM', () => {
    const host = new MemoryHost({ '/p/.docmind-docker-lint.json': '\uFEFF{ "root": true }' });
    expect(loadConfigFile(host, '/p/.docmind-docker-lint.json')?.config).toEqual({ root: true });
  });

  it('fails on a file that cannot be read or is not text', () => {
    const host = new MemoryHost({ '/p/bin.yaml': new Uint8Array([0x72, 0x00, 0x6f]) });
    expect(configErrorOf(() => loadConfigFile(host, '/p/missing.json')).message).toBe('/p/missing.json: cannot read the config file');
    expect(configErrorOf(() => loadConfigFile(host, '/p/bin.yaml')).message).toBe(
      '/p/bin.yaml: File looks binary (it contains NUL bytes); not linted.',
    );
  });
});

describe('validateConfigObject', () => {
  it('returns a valid object as it is', () => {
    const config = { rules: { a: ['error', 1, 2] as const }, reportUnusedDisableDirectives: true };
    expect(validateConfigObject(config, '<base config>')).toBe(config);
  });

  it('explains an invalid reportUnusedDisableDirectives', () => {
    expect(configErrorOf(() => validateConfigObject({ reportUnusedDisableDirectives: 'loud' }, '<base config>')).message).toBe(
      '<base config>: /reportUnusedDisableDirectives: expected "off", "warn" or "error", got "loud"',
    );
  });
});
