import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ProjectHost } from '../types/project.js';
import type { Plugin } from '../types/rule.js';
import { ConfigError } from './config-error.js';
import { ConfigFinder } from './find-config.js';
import { loadConfigFile, type LoadedConfig } from './load-config-file.js';
import { toPointer, fromPointer } from './json-pointer.js';
import { resolvePlugin } from './resolve-plugin.js';

export interface PluginLoadOptions {
  readonly host: ProjectHost;
  /** The project root (absolute). */
  readonly root: string;
  /** Plugins named by the caller (the API's `pluginNames`), resolved from `resolvePluginsRelativeTo` or the root. */
  readonly pluginNames?: readonly string[];
  /** `-c <file>` (absolute): its `plugins` are loaded, resolved from its folder. */
  readonly configFile?: string;
  /** Whether the config file at the root is read (`false` for `--no-config`). */
  readonly useConfigFiles: boolean;
  /** Where every plugin is resolved from, instead of the folder of the config that names it. */
  readonly resolvePluginsRelativeTo?: string;
  /** Plugins already loaded (the built-in packs, or those the caller passed): not loaded twice. */
  readonly loaded: readonly Plugin[];
}

export interface LoadedPlugins {
  readonly plugins: readonly Plugin[];
  /** Every name the loaded plugins may be named by in a config's `plugins`: specifiers and `meta.name`s. */
  readonly names: ReadonlySet<string>;
}

/**
 * Loads the plugins that the trusted sources name, by dynamic import (plugins are code; the rest of a
 * config is data). Trusted are: the caller's `pluginNames`, the `-c` config file, and
 * the config file at the project root, which the user who runs the linter on the project owns. Config
 * files in folders below the root are part of the linted tree and may only name plugins already
 * loaded (the resolver checks it): a cloned repository cannot make the linter run code from a
 * subfolder. Each specifier is resolved from `resolvePluginsRelativeTo`, else the folder of the
 * config that names it (the root for `pluginNames`).
 */
export async function loadConfiguredPlugins(options: PluginLoadOptions): Promise<LoadedPlugins> {
  const requests: PluginRequest[] = [];
  (options.pluginNames ?? []).forEach((name, index) =>
    requests.push({ name, fromDir: options.root, label: 'pluginNames', pointer: toPointer([String(index)]) }),
  );
  const configs: LoadedConfig[] = [];
  if (options.useConfigFiles) {
    const rootConfig = new ConfigFinder(options.host, options.root).configIn(options.root);
    if (rootConfig) configs.push(rootConfig);
  }
  if (options.configFile !== undefined) {
    const explicit = loadConfigFile(options.host, options.configFile);
    if (explicit) configs.push(explicit);
  }
  for (const config of configs) {
    (config.config.plugins ?? []).forEach((name, index) =>
      requests.push({
        name,
        fromDir: path.dirname(config.filePath),
        label: config.filePath,
        pointer: toPointer([...fromPointer(config.pointerBase), 'plugins', String(index)]),
      }),
    );
  }

  const plugins: Plugin[] = [];
  const names = new Set<string>(options.loaded.map((plugin) => plugin.meta.name));
  for (const request of requests) {
    if (names.has(request.name)) continue;
    const plugin = await importPlugin(request, options.resolvePluginsRelativeTo);
    const known = names.has(plugin.meta.name);
    names.add(request.name);
    names.add(plugin.meta.name);
    if (!known) plugins.push(plugin);
  }
  return { plugins, names };
}

interface PluginRequest {
  readonly name: string;
  readonly fromDir: string;
  /** The config file that names the plugin, or `pluginNames`. */
  readonly label: string;
  readonly pointer: string;
}

async function importPlugin(request: PluginRequest, relativeTo: string | undefined): Promise<Plugin> {
  const fromDir = path.resolve(relativeTo ?? request.fromDir);
  const fail = (problem: string, expected: string, hint?: string): never => {
    throw new ConfigError({ filePath: request.label, pointer: request.pointer, expected, problem, ...(hint ? { hint } : {}) });
  };
  const file = resolvePlugin(request.name, fromDir);
  if (file === undefined) {
    return fail(`cannot find the plugin "${request.name}" from ${fromDir}`, 'an installed plugin package', `install it there (npm install --save-dev ${request.name})`);
  }
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (error) {
    return fail(`the plugin "${request.name}" failed to load: ${error instanceof Error ? error.message : String(error)}`, 'a plugin that loads');
  }
  const plugin = isPlugin(module.default) ? module.default : isPlugin(module) ? module : undefined;
  return plugin ?? fail(`"${request.name}" is not a plugin`, 'a module exporting { meta: { name }, rules, configs? } (as its default export)');
}

function isPlugin(value: unknown): value is Plugin {
  if (typeof value !== 'object' || value === null) return false;
  const { meta, rules } = value as { meta?: { name?: unknown }; rules?: unknown };
  if (typeof meta?.name !== 'string' || typeof rules !== 'object' || rules === null) return false;
  return Object.values(rules).every(
    (rule: unknown) => typeof rule === 'object' && rule !== null && typeof (rule as { create?: unknown }).create === 'function' && typeof (rule as { meta?: unknown }).meta === 'object',
  );
}

/**
 * Checks the `plugins` of a config file against what was loaded: a config below the root may only
 * name loaded plugins. Throws a ConfigError naming the entry.
 */
export function checkPluginNames(
  names: readonly string[],
  loaded: ReadonlySet<string>,
  source: { readonly label: string; readonly pointer: readonly string[] },
): void {
  names.forEach((name, index) => {
    if (loaded.has(name)) return;
    throw new ConfigError({
      filePath: source.label,
      pointer: toPointer([...source.pointer, 'plugins', String(index)]),
      expected: 'a plugin named by the config file at the project root or the -c file',
      problem: `the plugin "${name}" is not loaded: a config file below the project root cannot load plugins`,
      hint: 'name it in the config file at the root of the project',
    });
  });
}
