import path from 'node:path';
import type { ConfigObject, OverrideConfig, ResolvedConfig, RuleEntry } from '../types/config.js';
import type { ProjectHost } from '../types/project.js';
import type { Severity, SeverityName } from '../types/results.js';
import type { AnyRule, Plugin } from '../types/rule.js';
import { closestName } from './closest-name.js';
import { ConfigError } from './config-error.js';
import { ConfigFinder } from './find-config.js';
import { ignoreVerdict, matchesGlob, relativePosix } from './glob-match.js';
import { findHadolintConfig, hadolintConfigObjects, type HadolintConfig } from './hadolint-config.js';
import { fromPointer, toPointer } from './json-pointer.js';
import { loadConfigFile, PACKAGE_JSON_KEY, validateConfigObject, type LoadedConfig } from './load-config-file.js';
import { checkPluginNames } from './load-plugins.js';
import { presetNames, presetParts } from './presets.js';
import { checkRuleOptions } from './rule-options.js';
import { RuleRegistry } from './rule-registry.js';
import { severityName, toSeverity, unusedDirectivesSeverity } from './severity.js';

export interface ConfigResolverOptions {
  readonly host: ProjectHost;
  /** The folder linting starts from: config files are looked for up to it, never above. */
  readonly root: string;
  readonly plugins: readonly Plugin[];
  /** `-c <file>`: applied over the config files found, its globs relative to `root`. */
  readonly configFile?: string;
  /** `false` for `--no-config`: no config file is looked for (`configFile` still applies). */
  readonly useConfigFiles: boolean;
  /** `--rule`: applied last. */
  readonly cliRules?: Readonly<Record<string, RuleEntry>>;
  /** Applied first, under everything else, its globs relative to `root`. */
  readonly baseConfig?: ConfigObject;
  /** `false` ignores a `.hadolint.yaml` at `root` (read only when config files are used). Default `true`. */
  readonly useHadolintConfig?: boolean;
  /**
   * The names a config file's `plugins` may give: those of the loaded plugins (`loadConfiguredPlugins`).
   * Default: the plugins' `meta.name`s.
   */
  readonly loadedPluginNames?: ReadonlySet<string>;
}

/** A fully resolved configuration in config-file form, for `--print-config`. */
export interface PrintedConfig {
  readonly rules: Readonly<Record<string, RuleEntry>>;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly reportUnusedDisableDirectives: SeverityName;
}

interface RuleSetting {
  readonly severity: Severity;
  /** Absent when the entry gave a severity only: the options of a lower layer are kept. */
  readonly options?: readonly unknown[];
}

/** One config object flattened: a file's own part, one of its overrides, or a preset's part. */
interface Layer {
  /** Globs of the layer are relative to this folder. */
  readonly baseDir: string;
  readonly rules: ReadonlyMap<string, RuleSetting>;
  readonly settings?: Readonly<Record<string, unknown>>;
  readonly reportUnused?: Severity;
  readonly ignores?: readonly string[];
  /** Set on override layers: they apply to the files they match. */
  readonly files?: readonly string[];
  readonly excludedFiles?: readonly string[];
}

/** Where a config object was written, for error messages and for resolving its globs and `extends` paths. */
interface ConfigSource {
  /** The file, or what stands for it (`preset "recommended" of ...`, `--rule`, `<base config>`). */
  readonly label: string;
  /** The real file, for `extends` paths relative to it. */
  readonly filePath?: string;
  readonly pointer: readonly string[];
  readonly baseDir: string;
}

/**
 * The configuration of each file, eslintrc-style. From lowest to highest precedence: `baseConfig`;
 * the config files found from the file's folder up to `root` (or a `root: true` config), farthest
 * first; a `.hadolint.yaml` at `root`; the `-c` file; `cliRules`. Each config contributes, in order, the presets and files it
 * `extends`, its own rules and settings, then its `overrides` that match the file.
 *
 * A rule entry that gives a severity only keeps the options set by a lower layer. Unknown rules and
 * presets, and options that a rule's schema refuses, are ConfigErrors naming the file and the JSON
 * pointer of the entry.
 */
export class ConfigResolver {
  /** The loaded rules by id. */
  readonly rules: ReadonlyMap<string, AnyRule>;
  /** The `.hadolint.yaml` read at the root, layered over the config files found and under `-c` and `--rule`. */
  readonly hadolintConfig: HadolintConfig | undefined;
  private readonly registry: RuleRegistry;
  private readonly finder: ConfigFinder | undefined;
  private readonly host: ProjectHost;
  private readonly root: string;
  private readonly baseLayers: readonly Layer[];
  private readonly hadolintLayers: readonly Layer[];
  private readonly configFileLayers: readonly Layer[];
  private readonly cliLayers: readonly Layer[];
  private readonly configFilePath: string | undefined;
  private readonly fileLayers = new Map<string, readonly Layer[]>();
  private readonly presetLayers = new Map<string, readonly Layer[]>();
  private readonly resolved = new Map<string, ResolvedConfig>();
  /** The layers of each folder (they depend only on the config files found from it upwards). */
  private readonly folderLayers = new Map<string, readonly Layer[]>();
  /** Layer numbers, so that files to which the same layers apply share one merged config. */
  private readonly layerIds = new WeakMap<Layer, number>();
  private layerCount = 0;
  /** Merged configs by the numbers of the layers that applied: most files of a run share a handful. */
  private readonly merged = new Map<string, ResolvedConfig>();
  private readonly loadedPluginNames: ReadonlySet<string>;

  constructor(options: ConfigResolverOptions) {
    this.host = options.host;
    this.root = path.resolve(options.root);
    this.registry = new RuleRegistry(options.plugins);
    this.loadedPluginNames = options.loadedPluginNames ?? new Set(options.plugins.map((plugin) => plugin.meta.name));
    this.rules = this.registry.rules;
    this.finder = options.useConfigFiles ? new ConfigFinder(this.host, this.root) : undefined;
    const rootSource = (label: string): ConfigSource => ({ label, pointer: [], baseDir: this.root });
    this.baseLayers = options.baseConfig
      ? this.expand(validateConfigObject(options.baseConfig, '<base config>'), rootSource('<base config>'), [])
      : [];
    const hadolint = options.useConfigFiles && options.useHadolintConfig !== false ? findHadolintConfig(this.host, this.root) : undefined;
    this.hadolintConfig = hadolint;
    this.hadolintLayers = hadolint
      ? hadolintConfigObjects(hadolint, (id) => this.registry.idsFor(id).length > 0).flatMap((config) =>
          this.expand(config, rootSource(hadolint.filePath), []),
        )
      : [];
    this.configFilePath = options.configFile === undefined ? undefined : path.resolve(this.root, options.configFile);
    this.configFileLayers = this.configFilePath ? this.expandFile(this.loadExplicit(this.configFilePath), this.root) : [];
    this.cliLayers = options.cliRules
      ? [{ baseDir: this.root, rules: this.ruleSettings(options.cliRules, rootSource('--rule'), []) }]
      : [];
  }

  /** The configuration that applies to a file (absolute path). */
  forFile(absPath: string): ResolvedConfig {
    const filePath = path.resolve(absPath);
    const folderLayers = this.layersFor(filePath);
    // Without `overrides` (layers with `files`), every file of a folder has the folder's config.
    const perFile = folderLayers.some((layer) => layer.files);
    const cacheKey = perFile ? filePath : `${path.dirname(filePath)}${path.sep}`;
    let config = this.resolved.get(cacheKey);
    if (!config) {
      const layers = perFile ? folderLayers.filter((layer) => appliesTo(layer, filePath)) : folderLayers;
      const key = layers.map((layer) => this.layerId(layer)).join(',');
      config = this.merged.get(key);
      if (!config) this.merged.set(key, (config = merge(layers)));
      this.resolved.set(cacheKey, config);
    }
    return config;
  }

  private layerId(layer: Layer): number {
    let id = this.layerIds.get(layer);
    if (id === undefined) this.layerIds.set(layer, (id = this.layerCount++));
    return id;
  }

  /** Whether the `ignores` of the configs that apply to a file exclude it (or one of its folders). */
  isIgnored(absPath: string): boolean {
    const filePath = path.resolve(absPath);
    let ignored = false;
    for (const layer of this.layersFor(filePath)) {
      if (!layer.ignores) continue;
      ignored = ignoreVerdict(relativePosix(layer.baseDir, filePath), layer.ignores) ?? ignored;
    }
    return ignored;
  }

  /** The config file that configures a file, for messages: the nearest one found, else the `-c` file. */
  configFileFor(absPath: string): string | undefined {
    const nearest = this.finder?.configsFor(path.dirname(path.resolve(absPath))).at(-1);
    return nearest?.filePath ?? this.configFilePath;
  }

  /** The configuration of a file in config-file form: every rule with its severity name and options. */
  resolveConfigForPrint(absPath: string): PrintedConfig {
    const config = this.forFile(absPath);
    const rules: Record<string, RuleEntry> = {};
    for (const id of Object.keys(config.rules).sort()) {
      const { severity, options } = config.rules[id]!;
      rules[id] = options.length > 0 ? [severityName(severity), ...options] : severityName(severity);
    }
    return {
      rules,
      settings: config.settings,
      reportUnusedDisableDirectives: severityName(config.reportUnusedDisableDirectives),
    };
  }

  private layersFor(filePath: string): readonly Layer[] {
    const folder = path.dirname(filePath);
    let layers = this.folderLayers.get(folder);
    if (!layers) {
      const found = this.finder?.configsFor(folder) ?? [];
      layers = [
        ...this.baseLayers,
        ...found.flatMap((loaded) => this.expandFile(loaded, path.dirname(loaded.filePath))),
        // Over the config files, so a preset they extend does not bring back what hadolint was told to ignore.
        ...this.hadolintLayers,
        ...this.configFileLayers,
        ...this.cliLayers,
      ];
      this.folderLayers.set(folder, layers);
    }
    return layers;
  }

  private loadExplicit(filePath: string): LoadedConfig {
    const loaded = loadConfigFile(this.host, filePath);
    if (!loaded) {
      throw new ConfigError({
        filePath,
        pointer: '',
        expected: `a "${PACKAGE_JSON_KEY}" key`,
        problem: `no "${PACKAGE_JSON_KEY}" key in this package.json`,
      });
    }
    return loaded;
  }

  private expandFile(loaded: LoadedConfig, baseDir: string): readonly Layer[] {
    const key = `${loaded.filePath}\0${baseDir}`;
    let layers = this.fileLayers.get(key);
    if (!layers) {
      const source = { label: loaded.filePath, filePath: loaded.filePath, pointer: fromPointer(loaded.pointerBase), baseDir };
      layers = this.expand(loaded.config, source, [loaded.filePath]);
      this.fileLayers.set(key, layers);
    }
    return layers;
  }

  /** A config object as layers: what it extends, its own part, its overrides. */
  private expand(config: ConfigObject, source: ConfigSource, chain: readonly string[]): Layer[] {
    const layers: Layer[] = [];
    // Plugins are loaded before resolving (they are code); a config file may only name loaded ones.
    if (config.plugins && source.filePath) checkPluginNames(config.plugins, this.loadedPluginNames, source);
    const extendsList = config.extends === undefined ? [] : typeof config.extends === 'string' ? [config.extends] : config.extends;
    extendsList.forEach((name, index) => {
      const pointer = [...source.pointer, 'extends', ...(typeof config.extends === 'string' ? [] : [String(index)])];
      layers.push(...this.expandExtends(name, source, pointer, chain));
    });
    layers.push({
      baseDir: source.baseDir,
      rules: this.ruleSettings(config.rules ?? {}, source, [...source.pointer, 'rules']),
      ...(config.settings ? { settings: config.settings } : {}),
      ...(config.reportUnusedDisableDirectives !== undefined
        ? { reportUnused: unusedDirectivesSeverity(config.reportUnusedDisableDirectives) }
        : {}),
      ...(config.ignores ? { ignores: config.ignores } : {}),
    });
    (config.overrides ?? []).forEach((override: OverrideConfig, index) => {
      const pointer = [...source.pointer, 'overrides', String(index)];
      layers.push({
        baseDir: source.baseDir,
        rules: this.ruleSettings(override.rules ?? {}, source, [...pointer, 'rules']),
        ...(override.settings ? { settings: override.settings } : {}),
        files: override.files,
        excludedFiles: override.excludedFiles ?? [],
      });
    });
    return layers;
  }

  /** `extends` entries: a path (`./base.json`, relative to the file) or a preset name. */
  private expandExtends(name: string, source: ConfigSource, pointer: readonly string[], chain: readonly string[]): Layer[] {
    const isPath = name.startsWith('./') || name.startsWith('../') || path.isAbsolute(name);
    const fail = (problem: string, expected: string, hint?: string): never => {
      throw new ConfigError({ filePath: source.label, pointer: toPointer(pointer), expected, problem, ...(hint ? { hint } : {}) });
    };
    if (isPath) {
      if (!source.filePath) return fail(`a preset cannot extend the file "${name}"`, 'a preset name');
      const filePath = path.resolve(path.dirname(source.filePath), name);
      if (chain.includes(filePath)) return fail(`"${name}" extends itself (${[...chain, filePath].join(' -> ')})`, 'no cycle');
      const loaded = this.loadExplicit(filePath);
      const extendedSource = { label: filePath, filePath, pointer: fromPointer(loaded.pointerBase), baseDir: source.baseDir };
      return this.expand(loaded.config, extendedSource, [...chain, filePath]);
    }
    const parts = presetParts(name, this.registry);
    if (!parts) {
      const known = presetNames(this.registry);
      const suggestion = closestName(name, known);
      return fail(
        `unknown preset "${name}"`,
        `one of ${known.map((known) => `"${known}"`).join(', ')}`,
        suggestion ? `did you mean "${suggestion}"?` : `known presets: ${known.join(', ')}`,
      );
    }
    if (chain.includes(name)) return fail(`preset "${name}" extends itself`, 'no cycle');
    return parts.flatMap((part) => {
      const key = `${part.label}\0${source.baseDir}`;
      let layers = this.presetLayers.get(key);
      if (!layers) {
        const config = validateConfigObject(part.config, part.label);
        layers = this.expand(config, { label: part.label, pointer: [], baseDir: source.baseDir }, [...chain, name]);
        this.presetLayers.set(key, layers);
      }
      return layers;
    });
  }

  /** Rule entries by rule id: peer ids resolved, severities as numbers, options checked against the rules' schemas. */
  private ruleSettings(
    entries: Readonly<Record<string, RuleEntry>>,
    source: ConfigSource,
    pointer: readonly string[],
  ): Map<string, RuleSetting> {
    const settings = new Map<string, RuleSetting>();
    for (const [name, entry] of Object.entries(entries)) {
      const ids = this.registry.idsFor(name);
      if (ids.length === 0) {
        const hint = this.registry.hintFor(name);
        throw new ConfigError({
          filePath: source.label,
          pointer: toPointer([...pointer, name]),
          expected: 'a known rule id',
          problem: `unknown rule "${name}"`,
          ...(hint ? { hint } : {}),
        });
      }
      const tuple = Array.isArray(entry) ? (entry as readonly [Severity | SeverityName, ...unknown[]]) : undefined;
      const severity = toSeverity(tuple ? tuple[0] : (entry as Severity | SeverityName));
      const options = tuple && tuple.length > 1 ? tuple.slice(1) : undefined;
      for (const id of ids) {
        if (options) this.checkOptions(id, options, source, [...pointer, name]);
        settings.set(id, { severity, ...(options ? { options } : {}) });
      }
    }
    return settings;
  }

  private checkOptions(id: string, options: readonly unknown[], source: ConfigSource, entryPointer: readonly string[]): void {
    const problem = checkRuleOptions(id, this.registry.rules.get(id)!, options);
    if (!problem) return;
    // The options array starts at index 1 of the entry, after the severity.
    const [first, ...rest] = problem.path;
    const inEntry = first === undefined ? [] : [String(Number(first) + 1), ...rest];
    throw new ConfigError({
      filePath: source.label,
      pointer: toPointer([...entryPointer, ...inEntry]),
      expected: problem.expected,
      ...('actual' in problem ? { actual: problem.actual } : {}),
      ...(problem.problem ? { problem: problem.problem } : {}),
      ...(problem.hint ? { hint: problem.hint } : {}),
    });
  }
}

function appliesTo(layer: Layer, filePath: string): boolean {
  if (!layer.files) return true;
  const relative = relativePosix(layer.baseDir, filePath);
  return (
    layer.files.some((glob) => matchesGlob(relative, glob)) &&
    !(layer.excludedFiles ?? []).some((glob) => matchesGlob(relative, glob))
  );
}

const NO_OPTIONS: readonly unknown[] = Object.freeze([]);

function merge(layers: readonly Layer[]): ResolvedConfig {
  const rules = new Map<string, { severity: Severity; options: readonly unknown[] }>();
  let settings: Record<string, unknown> = {};
  let reportUnused: Severity = 0;
  for (const layer of layers) {
    for (const [id, setting] of layer.rules) {
      rules.set(id, { severity: setting.severity, options: setting.options ?? rules.get(id)?.options ?? NO_OPTIONS });
    }
    if (layer.settings) settings = mergeSettings(settings, layer.settings);
    if (layer.reportUnused !== undefined) reportUnused = layer.reportUnused;
  }
  return { rules: Object.fromEntries(rules), settings, reportUnusedDisableDirectives: reportUnused };
}

/** Settings merge deeply: nested objects key by key, anything else replaced by the higher layer. */
function mergeSettings(lower: Readonly<Record<string, unknown>>, higher: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...lower };
  for (const [key, value] of Object.entries(higher)) {
    const below = Object.hasOwn(merged, key) ? merged[key] : undefined;
    const next = isPlainObject(below) && isPlainObject(value) ? mergeSettings(below, value) : value;
    // Defined, not assigned, so that a `__proto__` key in a config stays a plain key.
    Object.defineProperty(merged, key, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
