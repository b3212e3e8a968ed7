import path from 'node:path';
import { ConfigResolver } from '../config/index.js';
import { loadConfiguredPlugins } from '../config/load-plugins.js';
import { NodeHost } from '../host/node-host.js';
import { summarize, lintParsedFile } from '../linter/lint-file.js';
import { decodeBytes } from '../project/decode-text.js';
import { classifyFile } from '../source/classify-file.js';
import type { DiscoveredFile } from '../project/discover-files.js';
import { isInside } from '../project/is-inside.js';
import { parseSource, Project } from '../project/project.js';
import { loadShellParser } from '../shell/shell-parser.js';
import { SourceFile, type FileKind } from '../source/source-file.js';
import type { ConfigObject, ResolvedConfig, RuleEntry } from '../types/config.js';
import type { ProjectFacts, ProjectHost } from '../types/project.js';
import type { LintResult, Severity } from '../types/results.js';
import type { AnyRule, Plugin } from '../types/rule.js';
import { loadBuiltinPlugins } from './builtin-plugins.js';

/** Files larger than this are skipped with a message (`maxFileSize` changes it). */
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export interface LintOptions {
  /** The project root: config discovery stops here and nothing outside it is read. Default: `process.cwd()`. */
  readonly cwd?: string;
  /** Rule packs. Default: the built-in packs. */
  readonly plugins?: readonly Plugin[];
  /**
   * Plugin packages (or paths) to load by name, beside those the config file at the root
   * and the `-c` file name in `plugins`. Resolved from `resolvePluginsRelativeTo`, else `cwd`.
   */
  readonly pluginNames?: readonly string[];
  /** Where plugins are resolved from, instead of the folder of the config file that names them. */
  readonly resolvePluginsRelativeTo?: string;
  /** A config file used instead of discovered ones (`-c`). */
  readonly configFile?: string;
  /** `false` ignores config files (`--no-config`). Default `true`. */
  readonly useConfigFiles?: boolean;
  /** Rule settings applied over every config (`--rule`). */
  readonly rules?: Readonly<Record<string, RuleEntry>>;
  /** A config applied under all config files. Default `{ extends: ['recommended'] }` (nothing with `useConfigFiles: false`). */
  readonly baseConfig?: ConfigObject;
  /** Extra ignore globs, relative to `cwd` (`--ignore-pattern`). */
  readonly ignorePatterns?: readonly string[];
  /** Where files are read from. Default: the file system. */
  readonly host?: ProjectHost;
  /** Bytes; larger files are not linted. Default 5 MiB. */
  readonly maxFileSize?: number;
  /**
   * Milliseconds one rule may spend on one file (`--rule-time-budget`). Past it, the rule's problems on
   * that file are dropped and an internal error names the rule and the file. Default 5000.
   */
  readonly ruleTimeBudgetMs?: number;
  /** Report directives that silence nothing at this severity, whatever the config files say. */
  readonly reportUnusedDisableDirectives?: Severity;
  /** `false` ignores hadolint's `.hadolint.yaml` at `cwd` (`--no-hadolint-config`). Default `true`. */
  readonly useHadolintConfig?: boolean;
  /** Called after each file is linted (fix passes lint files again), for progress reports. */
  readonly onFileLinted?: (filePath: string) => void;
  /**
   * The files of one Compose project in merge order, relative to `cwd`, as `docker compose -f a -f b`
   * names them (`--compose-file`): rules see them merged in this order instead of a folder's default
   * `compose.yaml` + `compose.override.yaml`, and the files after the first are overrides.
   */
  readonly composeFiles?: readonly string[];
}

/** Everything one run shares: plugins, rules by id, config resolution, the project model. */
export class LintSession {
  readonly root: string;
  readonly host: ProjectHost;
  readonly rules: ReadonlyMap<string, AnyRule>;
  readonly config: ConfigResolver;
  readonly maxFileSize: number;
  readonly ruleTimeBudgetMs: number | undefined;
  private readonly reportUnused: Severity | undefined;
  private readonly onFileLinted: ((filePath: string) => void) | undefined;
  /** `composeFiles`, absolute. */
  private readonly composeOrder: readonly string[];
  private readonly effectiveConfigs = new WeakMap<ResolvedConfig, ResolvedConfig>();

  private constructor(
    options: LintOptions,
    readonly plugins: readonly Plugin[],
    loadedPluginNames: ReadonlySet<string>,
  ) {
    this.reportUnused = options.reportUnusedDisableDirectives;
    this.root = path.resolve(options.cwd ?? process.cwd());
    this.maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    this.ruleTimeBudgetMs = options.ruleTimeBudgetMs;
    this.host = options.host ?? new NodeHost();
    this.rules = rulesOf(plugins);
    this.config = new ConfigResolver({
      host: this.host,
      root: this.root,
      plugins,
      ...(options.configFile !== undefined ? { configFile: path.resolve(this.root, options.configFile) } : {}),
      useConfigFiles: options.useConfigFiles ?? true,
      ...(options.rules ? { cliRules: options.rules } : {}),
      baseConfig: baseConfigOf(options),
      ...(options.useHadolintConfig === false ? { useHadolintConfig: false } : {}),
      loadedPluginNames,
    });
    this.onFileLinted = options.onFileLinted;
    this.composeOrder = (options.composeFiles ?? []).map((file) => path.resolve(this.root, file));
  }

  static async create(options: LintOptions): Promise<LintSession> {
    const base = options.plugins ?? (await loadBuiltinPlugins());
    const root = path.resolve(options.cwd ?? process.cwd());
    const host = options.host ?? new NodeHost();
    const configured = await loadConfiguredPlugins({
      host,
      root,
      loaded: base,
      useConfigFiles: options.useConfigFiles ?? true,
      ...(options.pluginNames ? { pluginNames: options.pluginNames } : {}),
      ...(options.configFile !== undefined ? { configFile: path.resolve(root, options.configFile) } : {}),
      ...(options.resolvePluginsRelativeTo !== undefined ? { resolvePluginsRelativeTo: path.resolve(root, options.resolvePluginsRelativeTo) } : {}),
    });
    return new LintSession({ ...options, host }, [...base, ...configured.plugins], configured.names);
  }

  /**
   * Loads what the given rules need before linting (rules are synchronous): the shell parser when
   * one of them sets `meta.requiresShellParser`. Without ids, every rule of the session counts.
   * Loads at most once per process; cheap to call again.
   */
  async prepare(ruleIds: Iterable<string> = this.rules.keys()): Promise<void> {
    for (const id of ruleIds) {
      if (this.rules.get(id)?.meta.requiresShellParser) return loadShellParser();
    }
  }

  /** `prepare` for the rules enabled on any of these files (config errors surface later, when linting). */
  async prepareForFiles(absolutePaths: Iterable<string>): Promise<void> {
    const enabled = new Set<string>();
    for (const filePath of absolutePaths) {
      let rules: ReturnType<ConfigResolver['forFile']>['rules'];
      try {
        rules = this.config.forFile(filePath).rules;
      } catch {
        continue;
      }
      for (const [id, entry] of Object.entries(rules)) if (entry.severity > 0) enabled.add(id);
    }
    await this.prepare(enabled);
  }

  /** A project model over a host (the session's, or an overlay of edited texts). */
  createProject(files: readonly DiscoveredFile[], host: ProjectHost = this.host): Project {
    const kinds = new Map<string, FileKind>(files.filter((file) => file.explicit).map((file) => [file.path, file.kind]));
    const composePaths = [...new Set([...composeFilesNear(host, this.root, files), ...this.composeOrder])].sort();
    for (const file of this.composeOrder) if (!kinds.has(file)) kinds.set(file, 'compose');
    return new Project(host, this.root, composePaths, kinds, this.composeOrder);
  }

  /**
   * Lints one file of the project, reading it through the project's host. `facts` is what rules see
   * as `context.project` (default: the project itself; the cache passes a view that records).
   */
  lintFile(project: Project, file: DiscoveredFile, facts: ProjectFacts = project): LintResult {
    const result = this.lintFileOnce(project, file, facts);
    this.onFileLinted?.(file.path);
    return result;
  }

  private lintFileOnce(project: Project, file: DiscoveredFile, facts: ProjectFacts): LintResult {
    const stat = project.host.stat(file.path);
    if (stat && stat.size > this.maxFileSize) {
      return notLinted(file.path, 1, `File is larger than ${formatBytes(this.maxFileSize)} (${formatBytes(stat.size)}); not linted. Raise the size limit to lint it.`);
    }
    const bytes = project.host.readFile(file.path);
    if (!bytes) return notLinted(file.path, 2, 'File could not be read.');
    const decoded = decodeBytes(bytes);
    if ('problem' in decoded) return notLinted(file.path, 2, decoded.problem);
    return this.lintSource(project, SourceFile.fromText(file.path, decoded.text, file.kind), facts);
  }

  /** Lints a text as the file at its path (the text need not be on disk). */
  lintSource(project: Project, source: SourceFile, facts: ProjectFacts = project): LintResult {
    const parsed = project.parsedFrom(source) ?? parseSource(source);
    if (!parsed) return summarize(source.path, [], []);
    project.setFile(parsed);
    return lintParsedFile(parsed, this.effectiveConfig(this.config.forFile(source.path)), this.rules, facts, this.ruleTimeBudgetMs);
  }

  /** A file's config with `reportUnusedDisableDirectives` applied, one object per config (files share them). */
  private effectiveConfig(config: ResolvedConfig): ResolvedConfig {
    const reportUnused = this.reportUnused;
    if (reportUnused === undefined) return config;
    let effective = this.effectiveConfigs.get(config);
    if (!effective) this.effectiveConfigs.set(config, (effective = { ...config, reportUnusedDisableDirectives: reportUnused }));
    return effective;
  }

  /** Whether a path is ignored by config `ignores` or `--ignore-pattern`. */
  isIgnored(absolutePath: string): boolean {
    return this.config.isIgnored(absolutePath);
  }
}

/**
 * The config under every config file: the `recommended` preset, unless config files are off
 * (`--no-config`: only `--rule` applies) or the caller gives its own; `--ignore-pattern` globs join it.
 */
function baseConfigOf(options: LintOptions): ConfigObject {
  const base = options.baseConfig ?? (options.useConfigFiles === false ? {} : { extends: ['recommended'] });
  return { ...base, ignores: [...(base.ignores ?? []), ...(options.ignorePatterns ?? [])] };
}

/** Rule ids: bare for built-in packs, `<namespace>/<rule>` for plugins that set one. */
function rulesOf(plugins: readonly Plugin[]): Map<string, AnyRule> {
  const rules = new Map<string, AnyRule>();
  for (const plugin of plugins) {
    for (const [name, rule] of Object.entries(plugin.rules)) {
      rules.set(plugin.meta.namespace ? `${plugin.meta.namespace}/${name}` : name, rule);
    }
  }
  return rules;
}

/**
 * Compose files that may build the linted Dockerfiles: the discovered ones, plus those in the
 * folders of every linted file and their parents up to the root (a Compose file usually sits at
 * the top and builds from subfolders).
 */
function composeFilesNear(host: ProjectHost, root: string, files: readonly DiscoveredFile[]): string[] {
  const found = new Set(files.filter((file) => file.kind === 'compose').map((file) => file.path));
  const visited = new Set<string>();
  for (const file of files) {
    for (let dir = path.dirname(file.path); isInside(root, dir) && !visited.has(dir); dir = path.dirname(dir)) {
      visited.add(dir);
      for (const name of host.readDirectory(dir)) {
        if (classifyFile(name) === 'compose') found.add(path.join(dir, name));
      }
      if (dir === root) break;
    }
  }
  return [...found].sort();
}

function notLinted(filePath: string, severity: 1 | 2, message: string): LintResult {
  return summarize(
    filePath,
    [{ ruleId: null, severity, ...(severity === 2 ? { fatal: true as const } : {}), message, line: 1, column: 1, endLine: 1, endColumn: 1, range: [0, 0] }],
    [],
  );
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

export { notLinted };
