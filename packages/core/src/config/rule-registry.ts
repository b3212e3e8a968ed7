import type { AnyRule, Plugin } from '../types/rule.js';
import { closestName } from './closest-name.js';

/**
 * The rules of the loaded plugins by id (`<namespace>/<rule>` for a plugin with a namespace, the bare
 * name otherwise), and the peer ids that name them in configs: a rule listing
 * `meta.docs.sources.hadolint: ['DL3006']` or `buildkit: ['JSONArgsRecommended']` is configured by
 * that id too.
 */
export class RuleRegistry {
  readonly rules: ReadonlyMap<string, AnyRule>;
  private readonly peerIds = new Map<string, string[]>();
  private readonly idsByPlugin = new Map<Plugin, string[]>();

  constructor(readonly plugins: readonly Plugin[]) {
    const rules = new Map<string, AnyRule>();
    const owners = new Map<string, string>();
    for (const plugin of plugins) {
      const ids: string[] = [];
      for (const [name, rule] of Object.entries(plugin.rules)) {
        const id = plugin.meta.namespace ? `${plugin.meta.namespace}/${name}` : name;
        const owner = owners.get(id);
        if (owner !== undefined) throw new Error(`Rule "${id}" is defined by both ${owner} and ${plugin.meta.name}.`);
        owners.set(id, plugin.meta.name);
        rules.set(id, rule);
        ids.push(id);
        const sources = rule.meta.docs.sources;
        for (const peerId of [...(sources?.hadolint ?? []), ...(sources?.buildkit ?? [])]) {
          this.peerIds.set(peerId, [...(this.peerIds.get(peerId) ?? []), id]);
        }
      }
      this.idsByPlugin.set(plugin, ids);
    }
    this.rules = rules;
  }

  /** The rule ids a config key names: itself when it is a rule id, else the rules covering that peer id. */
  idsFor(name: string): readonly string[] {
    return this.rules.has(name) ? [name] : (this.peerIds.get(name) ?? []);
  }

  /** The ids of one plugin's rules. */
  idsOf(plugin: Plugin): readonly string[] {
    return this.idsByPlugin.get(plugin) ?? [];
  }

  /** Advice for an unknown rule id: a close id, or the namespace that no plugin has. */
  hintFor(name: string): string | undefined {
    const slash = name.indexOf('/');
    if (slash > 0) {
      const namespace = name.slice(0, slash);
      if (!this.plugins.some((plugin) => plugin.meta.namespace === namespace)) {
        return `no loaded plugin has the namespace "${namespace}"`;
      }
    }
    const suggestion = closestName(name, this.rules.keys());
    return suggestion ? `did you mean "${suggestion}"?` : undefined;
  }
}
