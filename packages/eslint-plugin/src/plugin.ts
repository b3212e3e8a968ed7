import { createRequire } from 'node:module';
import type { ESLint, Linter } from 'eslint';
import { loadShellParser, type ConfigObject, type Plugin, type RuleEntry, type Severity, type SeverityName } from '@docmind-docker-lint/core';
import { adaptRule, type EslintRule } from './adapt-rule.js';
import { DockerLanguage } from './language.js';

/** The plugin's key in a flat config: rule ids are `docmind-docker-lint/<rule id>`. */
export const PLUGIN_KEY = 'docmind-docker-lint';

/** The names Docker and Compose find their files by (the core's `classifyFile`), as flat-config globs. */
export const DOCKERFILE_FILES: readonly string[] = [
  '**/Dockerfile',
  '**/Dockerfile.*',
  '**/dockerfile',
  '**/*.Dockerfile',
  '**/*.dockerfile',
  '**/Containerfile',
  '**/Containerfile.*',
  '**/*.Containerfile',
  '**/*.containerfile',
];
/** `Dockerfile.dockerignore` is the Dockerfile's ignore file, not a Dockerfile. */
export const DOCKERFILE_IGNORES: readonly string[] = ['**/*.dockerignore'];
export const COMPOSE_FILES: readonly string[] = [
  '**/compose.{yaml,yml}',
  '**/compose{.,-}*.{yaml,yml}',
  '**/docker-compose.{yaml,yml}',
  '**/docker-compose{.,-}*.{yaml,yml}',
];

/** A rule's setting in a flat config: a severity, or a severity and the rule's options. */
type FlatRuleEntry = Severity | SeverityName | [Severity | SeverityName, ...unknown[]];

/**
 * The plugin, typed with ESLint's own types so that `eslint.config.ts` and `defineConfig` accept it.
 * Its parts are built from the structural types of this package (`DockerLanguage`, `EslintRule`), which
 * the test under real ESLint holds to what ESLint does.
 */
export interface EslintPlugin extends ESLint.Plugin {
  readonly meta: { name: string; version: string; namespace: string };
  readonly languages: NonNullable<ESLint.Plugin['languages']>;
  readonly rules: NonNullable<ESLint.Plugin['rules']>;
  /** Our presets (`recommended`, `docmind`, `all`) as flat-config arrays: one object per language. */
  readonly configs: Record<string, Linter.Config[]>;
}

const manifest = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

/**
 * The ESLint plugin over rule packs: by default the built-in ones (`index.ts`), or any plugins of
 * ours (a third-party pack's rules are `docmind-docker-lint/<namespace>/<rule>`, as in our configs).
 * Loads tree-sitter's bash grammar first when a rule needs it: ESLint's rules are synchronous.
 */
export async function createPlugin(packs: readonly Plugin[]): Promise<EslintPlugin> {
  if (packs.some((pack) => Object.values(pack.rules).some((rule) => rule.meta.requiresShellParser))) await loadShellParser();
  const rules: Record<string, EslintRule> = {};
  for (const pack of packs) {
    for (const [name, rule] of Object.entries(pack.rules)) {
      const id = pack.meta.namespace ? `${pack.meta.namespace}/${name}` : name;
      rules[id] = adaptRule(id, rule);
    }
  }
  const configs: Record<string, Linter.Config[]> = {};
  const languages: Record<string, DockerLanguage> = { dockerfile: new DockerLanguage('dockerfile'), compose: new DockerLanguage('compose') };
  // ESLint's types describe JavaScript's rule context and generic languages; ours are narrower.
  const plugin = {
    meta: { name: manifest.name, version: manifest.version, namespace: PLUGIN_KEY },
    languages,
    rules,
    configs,
  } as unknown as EslintPlugin;
  for (const preset of presetNames(packs)) {
    const presetRules: Record<string, FlatRuleEntry> = Object.fromEntries(
      Object.entries(presetRulesOf(packs, preset)).map(([id, entry]): [string, FlatRuleEntry] => [
        `${PLUGIN_KEY}/${id}`,
        Array.isArray(entry) ? [...(entry as readonly [Severity | SeverityName, ...unknown[]])] : (entry as Severity | SeverityName),
      ]),
    );
    configs[preset] = [
      {
        name: `${PLUGIN_KEY}/${preset}/dockerfile`,
        files: [...DOCKERFILE_FILES],
        ignores: [...DOCKERFILE_IGNORES],
        plugins: { [PLUGIN_KEY]: plugin },
        language: `${PLUGIN_KEY}/dockerfile`,
        rules: presetRules,
      },
      {
        name: `${PLUGIN_KEY}/${preset}/compose`,
        files: [...COMPOSE_FILES],
        plugins: { [PLUGIN_KEY]: plugin },
        language: `${PLUGIN_KEY}/compose`,
        rules: presetRules,
      },
    ];
  }
  return plugin;
}

/** `all`, and every preset a pack defines. */
function presetNames(packs: readonly Plugin[]): string[] {
  return [...new Set([...packs.flatMap((pack) => Object.keys(pack.configs ?? {})), 'all'])];
}

/**
 * The rules a preset turns on, as our config resolver reads a bare preset name: the preset of every
 * pack that has it, in pack order (`all`: every rule of the pack that is not deprecated, at "error").
 * Presets that extend presets are followed; a preset with `overrides` (per-file settings) cannot be a
 * flat-config object of this shape, and no built-in pack has one.
 */
function presetRulesOf(packs: readonly Plugin[], name: string, seen: ReadonlySet<string> = new Set()): Record<string, RuleEntry> {
  if (seen.has(name)) throw new Error(`The preset "${name}" extends itself.`);
  const rules: Record<string, RuleEntry> = {};
  const slash = name.lastIndexOf('/');
  if (slash > 0) {
    // `<namespace>/<preset>`: that pack's preset only.
    const owner = name.slice(0, slash);
    const pack = packs.find((candidate) => candidate.meta.namespace === owner || candidate.meta.name === owner);
    return pack ? presetRulesOf([pack], name.slice(slash + 1), new Set([...seen, name])) : rules;
  }
  for (const pack of packs) {
    const idOf = (rule: string): string => (pack.meta.namespace && !rule.includes('/') ? `${pack.meta.namespace}/${rule}` : rule);
    const config: ConfigObject | undefined = pack.configs && Object.hasOwn(pack.configs, name) ? pack.configs[name] : undefined;
    if (!config) {
      if (name === 'all') {
        for (const [rule, module] of Object.entries(pack.rules)) if (!module.meta.deprecated) rules[idOf(rule)] = 'error';
      }
      continue;
    }
    if (config.overrides && config.overrides.length > 0) throw new Error(`The preset "${name}" of ${pack.meta.name} has overrides, which the ESLint plugin cannot express.`);
    const parents = config.extends === undefined ? [] : typeof config.extends === 'string' ? [config.extends] : config.extends;
    for (const parent of parents) Object.assign(rules, presetRulesOf(packs, parent, new Set([...seen, name])));
    for (const [rule, entry] of Object.entries(config.rules ?? {})) rules[idOf(rule)] = entry;
  }
  return rules;
}
