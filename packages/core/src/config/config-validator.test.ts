import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { CONFIG_AJV_OPTIONS, configValidatorSource, VALIDATOR_FILE } from '../../../../scripts/generate-config-validator.js';
import { configSchema } from './config-schema.js';
import { validateConfigSchema } from './config-validator.js';

describe('the precompiled config validator', () => {
  it('is the code Ajv generates from the current config schema', () => {
    // On failure: `npx tsx --conditions=source scripts/generate-config-validator.ts`, and commit the file.
    expect(readFileSync(VALIDATOR_FILE, 'utf8')).toBe(configValidatorSource());
  });

  it('gives the verdicts and errors of the schema compiled at run time', () => {
    const compiled = new Ajv(CONFIG_AJV_OPTIONS).compile(configSchema);
    const values: unknown[] = [
      {},
      { root: true, extends: ['recommended', './base.yaml'], rules: { 'image-tag-pinned': ['warn', { allow: ['scratch'] }], DL3006: 'off' } },
      { overrides: [{ files: ['compose*.yml'], excludedFiles: ['x'], rules: { r: 1 }, settings: { a: 1 } }] },
      { plugins: ['p'], settings: {}, ignores: ['build/**'], $schema: 'x' },
      null,
      [],
      'recommended',
      { root: 'yes' },
      { extends: '' },
      { extends: [''] },
      { rules: { r: 'fatal' } },
      { rules: { r: [] } },
      { rules: { r: ['error', { a: 1 }], s: [3], t: { severity: 1 } } },
      { overrides: [{ rules: {} }] },
      { overrides: [{ files: [], unknown: 1 }] },
      { overrides: {} },
      { ignores: [''] },
      { plugins: [1] },
      { rulez: {} },
      { root: 1, extends: 2, rules: 3, overrides: 4, settings: 5, plugins: 6, ignores: 7 },
      { extends: '\u{1F600}' },
    ];
    for (const value of values) {
      const verdict = validateConfigSchema(value);
      expect(verdict, JSON.stringify(value)).toBe(compiled(value));
      expect(validateConfigSchema.errors ?? null, JSON.stringify(value)).toEqual(compiled.errors ?? null);
    }
  });
});
