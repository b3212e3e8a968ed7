/**
 * The JSON Schema (draft-07) of a config object (`ConfigObject`): what `.docmind-docker-lint.json`,
 * `.yaml`, `.yml` and the `"docmind-docker-lint"` key of `package.json` may hold. Rule options are
 * checked later, against each rule's own schema.
 */

const severity = {
  description: '"off" (0), "warn" (1) or "error" (2).',
  enum: [0, 1, 2, 'off', 'warn', 'error'],
} as const;

const ruleEntry = {
  description: 'A severity, or an array of a severity followed by the rule\'s options.',
  anyOf: [
    { $ref: '#/definitions/severity' },
    { type: 'array', items: [{ $ref: '#/definitions/severity' }], minItems: 1, additionalItems: true },
  ],
} as const;

const rules = {
  description: 'Rule ids (or the hadolint / BuildKit ids they cover) mapped to a severity and options.',
  type: 'object',
  additionalProperties: { $ref: '#/definitions/ruleEntry' },
} as const;

const globs = {
  type: 'array',
  items: { type: 'string', minLength: 1 },
} as const;

const settings = {
  description: 'Shared facts for rules, such as the source of the env contract.',
  type: 'object',
} as const;

const override = {
  description: 'Rules and settings for the files matching `files` and not `excludedFiles`.',
  type: 'object',
  properties: {
    files: { ...globs, minItems: 1, description: 'minimatch globs relative to the config file\'s folder.' },
    excludedFiles: { ...globs, description: 'minimatch globs relative to the config file\'s folder.' },
    rules: { $ref: '#/definitions/rules' },
    settings: { $ref: '#/definitions/settings' },
  },
  required: ['files'],
  additionalProperties: false,
} as const;

export const configSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'docmind-docker-lint configuration',
  type: 'object',
  definitions: { severity, ruleEntry, rules, settings, override },
  properties: {
    $schema: { type: 'string' },
    root: { type: 'boolean', description: 'Stop looking for config files in the folders above.' },
    extends: {
      description: 'Presets (`recommended`, `docmind`, `all`, `<namespace>/<preset>`) or paths of config files.',
      anyOf: [
        { type: 'string', minLength: 1 },
        { type: 'array', items: { type: 'string', minLength: 1 } },
      ],
    },
    plugins: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Plugins to load.' },
    rules: { $ref: '#/definitions/rules' },
    overrides: { type: 'array', items: { $ref: '#/definitions/override' } },
    ignores: { ...globs, description: 'Globs of files never linted, relative to the config file\'s folder.' },
    settings: { $ref: '#/definitions/settings' },
    reportUnusedDisableDirectives: {
      description: 'Report inline disable directives that silence nothing (`true` is "warn").',
      anyOf: [{ type: 'boolean' }, { enum: ['off', 'warn', 'error'] }],
    },
  },
  additionalProperties: false,
} as const;

/** Readable phrases for parts of the schema, used instead of a generated description in error messages. */
export const schemaPhrases: ReadonlyMap<object, string> = new Map<object, string>([
  [severity, '"off", "warn", "error" or 0-2'],
  [ruleEntry, '"off", "warn", "error" or 0-2, or an array [severity, ...options]'],
]);
