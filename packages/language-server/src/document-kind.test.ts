import { describe, expect, it } from 'vitest';
import { documentKind } from './document-kind.js';
import { readSettings, DEFAULT_SETTINGS } from './settings.js';

describe('documentKind', () => {
  it('goes by file name first, then by language id', () => {
    expect(documentKind('yaml', '/p/compose.yaml')).toBe('compose');
    expect(documentKind('yaml', '/p/ci.yaml')).toBeUndefined();
    expect(documentKind('dockercompose', '/p/stack.yaml')).toBe('compose');
    expect(documentKind('dockerfile', '/p/build.docker')).toBe('dockerfile');
    expect(documentKind('plaintext', '/p/Dockerfile.dev')).toBe('dockerfile');
    expect(documentKind('ignore', '/p/.dockerignore')).toBe('dockerignore');
    expect(documentKind('markdown', '/p/README.md')).toBeUndefined();
  });
});

describe('readSettings', () => {
  it('takes valid fields over the base and ignores the rest', () => {
    expect(readSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings({ debounce: 0, run: 'onSave', enable: 'yes', configFile: 'lint.json' })).toEqual({
      enable: true,
      run: 'onSave',
      configFile: 'lint.json',
      debounce: 0,
    });
    expect(readSettings({ debounce: -1 }, { ...DEFAULT_SETTINGS, debounce: 5 }).debounce).toBe(5);
  });
});
