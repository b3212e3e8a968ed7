import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../types/config.js';
import type { LintResult } from '../types/results.js';
import type { AnyRule, Plugin } from '../types/rule.js';
import { fingerprintText } from './fingerprint.js';
import type { LintDependencies, ProjectFingerprints } from './recording-facts.js';

/** The default file name of the cache, in the project root. */
export const DEFAULT_CACHE_FILE = '.docmind-docker-lint-cache';

/** Bump when the file's shape or what a fingerprint covers changes. */
const CACHE_FORMAT = 1;

export interface CacheOptions {
  /**
   * The cache file, or a folder to keep it in (an existing folder, or a path ending in a separator),
   * relative to `cwd`. Default: `.docmind-docker-lint-cache` in `cwd`.
   */
  readonly location?: string;
}

/** A result as stored: everything but the file's text, which is read again. */
type StoredResult = Omit<LintResult, 'source' | 'output' | 'filePath'>;

interface StoredEntry {
  /** Fingerprint of the file's bytes. */
  readonly content: string;
  /** Fingerprint of the configuration that applied to it. */
  readonly config: string;
  /** Index into `groups`: the facts its lint (and the lints that shared nodes with it) learnt. */
  readonly group: number;
  readonly result: StoredResult;
}

interface CacheFile {
  readonly format: number;
  readonly tool: string;
  /** Dependency key -> fingerprint, one record per group of lints. */
  readonly groups: readonly Readonly<Record<string, string>>[];
  /** By absolute path. */
  readonly files: Readonly<Record<string, StoredEntry>>;
}

/**
 * The `--cache` of one run: results of unchanged files are taken from the last run when the file's
 * bytes, its configuration, the tool (core and plugin versions, every rule's metadata) and every fact
 * its lint learnt from the project (other files' texts, what exists, folder listings, the Compose
 * services that build it) are as they were. Lints that were given the same parsed file (a shared
 * `.dockerignore`, the Compose file that builds a Dockerfile) are grouped and share their facts, since
 * rules may cache work on those nodes that only the first lint recorded.
 *
 * The core reads files through its host; this file is the one thing it writes, and only when asked.
 */
export class LintCache {
  private readonly groupValid = new Map<number, boolean>();
  private readonly kept = new Map<string, StoredEntry>();
  private readonly fresh: { filePath: string; content: string; config: string; dependencies: LintDependencies; result: LintResult }[] = [];

  private constructor(
    readonly filePath: string,
    private readonly tool: string,
    private readonly stored: CacheFile | undefined,
  ) {}

  /** Opens the cache of a run (a missing, unreadable or outdated file is an empty cache). */
  static open(options: CacheOptions, root: string, plugins: readonly Plugin[]): LintCache {
    const filePath = cacheFilePath(options.location, root);
    const tool = toolKey(plugins);
    let stored: CacheFile | undefined;
    try {
      const parsed = JSON.parse(readFileSync(filePath, 'utf8')) as CacheFile;
      if (parsed.format === CACHE_FORMAT && parsed.tool === tool && parsed.files && parsed.groups) stored = parsed;
    } catch {
      stored = undefined;
    }
    return new LintCache(filePath, tool, stored);
  }

  /**
   * The stored result of a file when nothing it depends on changed, else `undefined`. `project` shows
   * the files as they are now; it is only asked what the stored facts need.
   */
  lookup(filePath: string, text: string, content: string, config: string, project: ProjectFingerprints): LintResult | undefined {
    const entry = this.stored?.files[filePath];
    if (!entry || entry.content !== content || entry.config !== config || !this.isGroupValid(entry.group, project)) return undefined;
    this.kept.set(filePath, entry);
    return { ...entry.result, filePath, source: text };
  }

  private isGroupValid(group: number, current: ProjectFingerprints): boolean {
    let valid = this.groupValid.get(group);
    if (valid === undefined) {
      const facts = this.stored!.groups[group];
      valid = facts !== undefined && Object.entries(facts).every(([key, fingerprint]) => currentFingerprint(key, current) === fingerprint);
      this.groupValid.set(group, valid);
    }
    return valid;
  }

  /** Records a file linted in this run, with what its lint learnt. */
  add(filePath: string, content: string, config: string, dependencies: LintDependencies, result: LintResult): void {
    this.fresh.push({ filePath, content, config, dependencies, result });
  }

  /**
   * Writes the cache: entries reused or linted in this run, and those of other files kept from the
   * last run while the file still exists. Written to a temporary file, then renamed over the old one.
   */
  save(): void {
    const groups: Record<string, string>[] = [];
    const files: Record<string, StoredEntry> = {};
    const oldGroups = new Map<number, number>();
    const keepOld = (filePath: string, entry: StoredEntry): void => {
      let group = oldGroups.get(entry.group);
      if (group === undefined) {
        group = groups.push({ ...this.stored!.groups[entry.group] }) - 1;
        oldGroups.set(entry.group, group);
      }
      files[filePath] = { ...entry, group };
    };
    const linted = new Set(this.fresh.map((item) => item.filePath));
    for (const [filePath, entry] of Object.entries(this.stored?.files ?? {})) {
      if (this.kept.has(filePath) || linted.has(filePath)) continue;
      if (exists(filePath)) keepOld(filePath, entry);
    }
    for (const [filePath, entry] of this.kept) keepOld(filePath, entry);
    for (const members of groupsOf(this.fresh.map((item) => ({ path: item.filePath, touched: item.dependencies.touched })))) {
      const facts: Record<string, string> = {};
      for (const index of members) for (const [key, value] of this.fresh[index]!.dependencies.facts) facts[key] = value;
      const group = groups.push(facts) - 1;
      for (const index of members) {
        const { filePath, content, config, result } = this.fresh[index]!;
        // Files that could not be read as text, and rules that failed, are tried again next time.
        if (result.source === undefined || result.messages.some((message) => message.internal)) continue;
        const { source: _source, output: _output, filePath: _path, ...stored } = result;
        files[filePath] = { content, config, group, result: stored };
      }
    }
    const data: CacheFile = { format: CACHE_FORMAT, tool: this.tool, groups, files };
    mkdirSync(path.dirname(this.filePath), { recursive: true });
    const temporary = `${this.filePath}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, JSON.stringify(data));
      renameSync(temporary, this.filePath);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
  }
}

/** What the environment fingerprints of a run's rules are computed from: a `LintSession` serves. */
export interface RuleEnvironment {
  readonly root: string;
  readonly rules: ReadonlyMap<string, AnyRule>;
}

/**
 * The fingerprint of the configuration a file is linted with (plus run options that change results),
 * and, given the run's rules, of the environment its enabled rules declare (`meta.environment`).
 */
export function configFingerprint(config: ResolvedConfig, extra: string, environment?: RuleEnvironment): string {
  const outside = environment ? environmentFingerprint(config, environment) : '';
  return fingerprintText(`${extra}\0${JSON.stringify(config)}\0${outside}`);
}

/** Environment texts by rule id and options, per rule map (one per session: computed once per run). */
const environments = new WeakMap<ReadonlyMap<string, AnyRule>, Map<string, string>>();
let failedEnvironments = 0;

/**
 * The environment the enabled rules of a configuration depend on (`meta.environment`: the ShellCheck
 * a rule runs, its version), one line per rule that declares it. Each rule's function runs once per
 * run and options. A function that throws gives a text that matches no stored entry.
 */
export function environmentFingerprint(config: ResolvedConfig, { root, rules }: RuleEnvironment): string {
  let known = environments.get(rules);
  if (!known) environments.set(rules, (known = new Map<string, string>()));
  const lines: string[] = [];
  for (const id of Object.keys(config.rules).sort()) {
    const entry = config.rules[id]!;
    const describe = rules.get(id)?.meta.environment;
    if (entry.severity === 0 || !describe) continue;
    const key = `${id}\0${JSON.stringify(entry.options)}`;
    let text = known.get(key);
    if (text === undefined) {
      try {
        text = String(describe(entry.options, root));
      } catch {
        text = `unknown (${process.pid}:${Date.now()}:${++failedEnvironments})`;
      }
      known.set(key, text);
    }
    lines.push(`${id}: ${text}`);
  }
  return lines.join('\n');
}

/** The current fingerprint behind a dependency key. */
function currentFingerprint(key: string, current: ProjectFingerprints): string {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const subject = key.slice(colon + 1);
  switch (kind) {
    case 'f':
      return current.text(subject);
    case 's':
      return current.stat(subject);
    case 'l':
      return current.listing(subject);
    case 'c':
      return current.builders(subject);
    case 'C':
      return current.composeFiles();
    default:
      return `unknown dependency ${key}`;
  }
}

/**
 * Groups lints that were given a parsed file in common (each lint is given its own file): union-find
 * over the touched paths. Returns the member indices of each group.
 */
function groupsOf(lints: readonly { readonly path: string; readonly touched: ReadonlySet<string> }[]): number[][] {
  const parent = lints.map((_, index) => index);
  const find = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]!]!;
    return index;
  };
  const owner = new Map<string, number>();
  lints.forEach((lint, index) => {
    for (const touched of [lint.path, ...lint.touched]) {
      const other = owner.get(touched);
      if (other === undefined) owner.set(touched, index);
      else parent[find(index)] = find(other);
    }
  });
  const groups = new Map<number, number[]>();
  lints.forEach((_, index) => {
    const root = find(index);
    const members = groups.get(root) ?? [];
    members.push(index);
    groups.set(root, members);
  });
  return [...groups.values()];
}

function cacheFilePath(location: string | undefined, root: string): string {
  if (location === undefined) return path.join(root, DEFAULT_CACHE_FILE);
  const resolved = path.resolve(root, location);
  if (/[\\/]$/.test(location) || isDirectory(resolved)) return path.join(resolved, DEFAULT_CACHE_FILE);
  return resolved;
}

/** What invalidates every entry: the cache format, the core's version, the plugins and every rule's metadata. */
function toolKey(plugins: readonly Plugin[]): string {
  const rules = plugins.map((plugin) => ({
    name: plugin.meta.name,
    version: plugin.meta.version,
    namespace: plugin.meta.namespace,
    rules: Object.entries(plugin.rules).map(([name, rule]) => [name, rule.meta]),
  }));
  return `${CACHE_FORMAT}:${coreVersion()}:${fingerprintText(JSON.stringify(rules))}`;
}

function coreVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function isDirectory(filePath: string): boolean {
  try {
    return statSync(filePath).isDirectory();
  } catch {
    return false;
  }
}

function exists(filePath: string): boolean {
  try {
    statSync(filePath);
    return true;
  } catch {
    return false;
  }
}
