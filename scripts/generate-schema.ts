// Generates `packages/cli/schema.json`: the JSON Schema of a config file, for editors (completion,
// hover text, red squiggles) through `# yaml-language-server: $schema=...` or `"$schema"`. It is the
// core's config schema with `rules` spelled out: one property per rule of the built-in packs (its
// description, its URL, its options' schema after the severity) and per hadolint / BuildKit id the
// rules cover. `--check` fails when the file is stale, without writing it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBuiltinPlugins, type AnyRule, type Plugin } from '@docmind-docker-lint/core';
// The config schema is internal to the core (the engine validates with it); this build script reads its source.
import { configSchema } from '../packages/core/src/config/config-schema.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const SCHEMA_FILE = path.join(root, 'packages/cli/schema.json');
export const SCHEMA_ID = 'https://github.com/docmind/docmind-docker-lint/blob/main/packages/cli/schema.json';

type JsonSchema = Record<string, unknown>;

const SEVERITY_REF = { $ref: '#/definitions/severity' };

/** The entry of one rule: a severity, or `[severity, ...options]` with the options its schema allows. */
function ruleEntrySchema(id: string, rule: AnyRule): JsonSchema {
  const { schema } = rule.meta;
  const url = rule.meta.docs.url;
  const description = `${rule.meta.docs.description}${url ? `\n\n${url}` : ''}`;
  let tuple: JsonSchema;
  if (Array.isArray(schema)) {
    // ESLint's reading of an array schema: one schema per option, no more options than schemas.
    tuple = { type: 'array', items: [SEVERITY_REF, ...(schema as JsonSchema[])], minItems: 1, maxItems: 1 + schema.length };
  } else {
    // A schema of the whole options array cannot be spliced after the severity; the core still checks it.
    tuple = { type: 'array', items: [SEVERITY_REF], minItems: 1, additionalItems: true };
  }
  return { description, ...(url ? { markdownDescription: `${rule.meta.docs.description}\n\n[${id}](${url})` } : {}), anyOf: [SEVERITY_REF, tuple] };
}

/** Rule ids as the core names them: `<namespace>/<rule>` for a plugin with a namespace. */
function rulesOf(plugins: readonly Plugin[]): [string, AnyRule][] {
  return plugins.flatMap((plugin) =>
    Object.entries(plugin.rules).map(([name, rule]): [string, AnyRule] => [plugin.meta.namespace ? `${plugin.meta.namespace}/${name}` : name, rule]),
  );
}

export function buildConfigJsonSchema(plugins: readonly Plugin[]): JsonSchema {
  const rules = rulesOf(plugins).sort(([a], [b]) => a.localeCompare(b));
  const properties: Record<string, JsonSchema> = {};
  for (const [id, rule] of rules) properties[id] = ruleEntrySchema(id, rule);

  const peers = new Map<string, string[]>();
  for (const [id, rule] of rules) {
    const sources = rule.meta.docs.sources;
    for (const peerId of [...(sources?.hadolint ?? []), ...(sources?.buildkit ?? [])]) peers.set(peerId, [...(peers.get(peerId) ?? []), id]);
  }
  for (const [peerId, ids] of [...peers].sort(([a], [b]) => a.localeCompare(b))) {
    if (Object.hasOwn(properties, peerId)) continue;
    properties[peerId] = {
      description: `Sets ${ids.map((id) => `\`${id}\``).join(', ')}, which cover${ids.length === 1 ? 's' : ''} ${peerId}.`,
      anyOf: [SEVERITY_REF, { type: 'array', items: [SEVERITY_REF], minItems: 1, additionalItems: true }],
    };
  }

  const definitions = configSchema.definitions;
  return {
    $schema: configSchema.$schema,
    $id: SCHEMA_ID,
    title: configSchema.title,
    description: 'Configuration of docmind-docker-lint (.docmind-docker-lint.json, .yaml, .yml, or the "docmind-docker-lint" key of package.json).',
    type: configSchema.type,
    definitions: {
      ...definitions,
      rules: {
        ...definitions.rules,
        properties,
        // Rules of plugins named in `plugins` are not known here; the core checks them.
        additionalProperties: { $ref: '#/definitions/ruleEntry' },
      },
    },
    properties: configSchema.properties,
    additionalProperties: configSchema.additionalProperties,
  };
}

export function schemaText(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const text = schemaText(buildConfigJsonSchema(await loadBuiltinPlugins()));
  const current = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE, 'utf8') : undefined;
  const relative = path.relative(root, SCHEMA_FILE);
  if (current === text) {
    console.log(`${relative} is up to date.`);
  } else if (check) {
    console.error(`${relative} is stale: run \`npx tsx --conditions=source scripts/generate-schema.ts\` and commit it.`);
    process.exitCode = 1;
  } else {
    writeFileSync(SCHEMA_FILE, text);
    console.log(`Wrote ${relative}.`);
  }
}
