import type { ConfigObject } from '../types/config.js';
import type { Plugin } from '../types/rule.js';
import type { RuleRegistry } from './rule-registry.js';

/** One plugin's part of a preset. */
export interface PresetPart {
  /** Stands for a file name in error messages: `preset "recommended" of @docmind-docker-lint/plugin-docmind`. */
  readonly label: string;
  readonly config: ConfigObject;
}

/**
 * The configs a preset name stands for. A bare name (`recommended`, `docmind`, `all`) takes that
 * preset from every plugin that has it, in plugin order, so `recommended` turns on the recommended
 * rules of every pack; `<namespace>/<name>` (or `<plugin name>/<name>`) takes it from one plugin.
 * `all` exists for every plugin: when a plugin does not define it, it is every rule of the plugin
 * that is not deprecated, at "error". `undefined` when no plugin has the preset.
 */
export function presetParts(name: string, registry: RuleRegistry): PresetPart[] | undefined {
  const slash = name.lastIndexOf('/');
  if (slash > 0) {
    const owner = name.slice(0, slash);
    const plugin =
      registry.plugins.find((candidate) => candidate.meta.namespace === owner) ??
      registry.plugins.find((candidate) => candidate.meta.name === owner);
    const part = plugin && partOf(plugin, name.slice(slash + 1), registry);
    return part ? [part] : undefined;
  }
  const parts = registry.plugins.flatMap((plugin) => partOf(plugin, name, registry) ?? []);
  return parts.length > 0 ? parts : undefined;
}

/** Every preset name that `extends` may use, for "did you mean". */
export function presetNames(registry: RuleRegistry): string[] {
  const names = new Set<string>(['all']);
  for (const plugin of registry.plugins) {
    for (const name of Object.keys(plugin.configs ?? {})) {
      names.add(name);
      if (plugin.meta.namespace) names.add(`${plugin.meta.namespace}/${name}`);
    }
  }
  return [...names];
}

function partOf(plugin: Plugin, name: string, registry: RuleRegistry): PresetPart | undefined {
  const label = `preset "${name}" of ${plugin.meta.name}`;
  const config = plugin.configs && Object.hasOwn(plugin.configs, name) ? plugin.configs[name] : undefined;
  if (config) return { label, config };
  if (name !== 'all') return undefined;
  const ids = registry.idsOf(plugin).filter((id) => !registry.rules.get(id)?.meta.deprecated);
  return { label, config: { rules: Object.fromEntries(ids.map((id) => [id, 'error'])) } };
}
