import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Plugin } from '@docmind-docker-lint/core';
import { makeCreateRule } from '@docmind-docker-lint/core';
import { buildConfigJsonSchema, schemaText } from '../../../scripts/generate-schema.js';

interface Validator {
  (data: unknown): boolean;
  errors?: unknown[] | null;
}
const requireFromCore = createRequire(new URL('../../core/package.json', import.meta.url));
const { Ajv } = requireFromCore('ajv') as { Ajv: new (options: object) => { compile(schema: object): Validator } };

const shipped = JSON.parse(readFileSync(new URL('../schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const validate = new Ajv({ strict: false, allErrors: true }).compile(shipped);

const createRule = makeCreateRule((name) => `https://example.test/rules/${name}`);
const withOptions = createRule<'m', [{ user: string }]>({
  name: 'with-options',
  meta: {
    type: 'problem',
    docs: { description: 'Has an option.', sources: { hadolint: ['DL3002'], buildkit: ['JSONArgsRecommended'] } },
    messages: { m: 'm' },
    schema: [{ type: 'object', properties: { user: { type: 'string', description: 'The user.' } }, additionalProperties: false }],
    defaultOptions: [{ user: 'app' }],
  },
  create: () => ({}),
});
const plugin: Plugin = { meta: { name: 'test-plugin', namespace: 'test' }, rules: { 'with-options': withOptions } };

describe('packages/cli/schema.json', () => {
  it.each([
    ['the configuration docs example', { root: true, extends: ['docmind'], rules: { 'non-root-user': ['error', { user: 'appuser' }], DL3008: 'off' } }],
    ['what --init writes', parseYaml('root: true\nextends:\n  - recommended\nrules: {}\nignores: []\n') as unknown],
    ['overrides with rules', { overrides: [{ files: ['services/**'], rules: { 'python-version-pin': 'warn' } }] }],
    ['a rule of a plugin it does not know', { plugins: ['x'], rules: { 'x/some-rule': ['warn', { any: 1 }] } }],
    ['a $schema key', { $schema: './node_modules/docmind-docker-lint/schema.json' }],
  ])('accepts %s', (_name, config) => {
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['a misspelt severity', { rules: { 'non-root-user': 'eror' } }],
    ['an option the rule does not have', { rules: { 'non-root-user': ['error', { bad: true }] } }],
    ['more options than the rule takes', { rules: { 'non-root-user': ['error', {}, {}] } }],
    ['an unknown top-level key', { rulez: {} }],
    ['an override without files', { overrides: [{ rules: {} }] }],
  ])('refuses %s', (_name, config) => {
    expect(validate(config)).toBe(false);
  });
});

describe('buildConfigJsonSchema', () => {
  const schema = buildConfigJsonSchema([plugin]) as { definitions: { rules: { properties: Record<string, unknown> } } };

  it('spells out each rule with its description, URL and options after the severity', () => {
    expect(schema.definitions.rules.properties['test/with-options']).toEqual({
      description: 'Has an option.\n\nhttps://example.test/rules/with-options',
      markdownDescription: 'Has an option.\n\n[test/with-options](https://example.test/rules/with-options)',
      anyOf: [
        { $ref: '#/definitions/severity' },
        {
          type: 'array',
          items: [
            { $ref: '#/definitions/severity' },
            { type: 'object', properties: { user: { type: 'string', description: 'The user.' } }, additionalProperties: false },
          ],
          minItems: 1,
          maxItems: 2,
        },
      ],
    });
  });

  it('names the peer ids the rules cover, so editors complete them', () => {
    expect(Object.keys(schema.definitions.rules.properties)).toEqual(['test/with-options', 'DL3002', 'JSONArgsRecommended']);
    expect(schema.definitions.rules.properties.DL3002).toMatchObject({ description: 'Sets `test/with-options`, which covers DL3002.' });
  });

  it('is the same text on every run', () => {
    expect(schemaText(buildConfigJsonSchema([plugin]))).toBe(schemaText(buildConfigJsonSchema([plugin])));
  });
});
