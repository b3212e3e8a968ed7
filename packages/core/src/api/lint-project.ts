import path from 'node:path';
import { runFixPasses, type FileText, type Fix } from '@docmind-docker-lint/fixer';
import { OverlayHost } from '../host/overlay-host.js';
import { decodeBytes } from '../project/decode-text.js';
import { discoverFiles, type DiscoveredFile } from '../project/discover-files.js';
import { classifyFile, LINTED_KINDS } from '../source/classify-file.js';
import type { ProjectHost } from '../types/project.js';
import type { LintMessage, LintResult } from '../types/results.js';
import type { RuleType } from '../types/rule.js';
import { summarize } from '../linter/lint-file.js';
import { LintSession, notLinted, type LintOptions } from './lint-session.js';
import { configFingerprint, LintCache, type CacheOptions } from '../cache/lint-cache.js';
import { fingerprintBytes } from '../cache/fingerprint.js';
import { ProjectFingerprints, RecordingFacts } from '../cache/recording-facts.js';
import { RunHost } from '../host/run-host.js';
import type { Project } from '../project/project.js';
import { lintInWorkers, workerCount, type Concurrency } from '../workers/lint-pool.js';
import type { LintedFile } from '../workers/worker-protocol.js';

export interface LintProjectOptions extends LintOptions {
  /** Files and folders to lint, relative to `cwd`. Default `['.']`. */
  readonly patterns?: readonly string[];
  /**
   * Compute fixes (in memory: results get `output`; `applyFixes` writes them). A function decides
   * per problem.
   */
  readonly fix?: boolean | ((message: LintMessage) => boolean);
  /** Only fixes of rules of these types (ESLint's `--fix-type`). Default: all. */
  readonly fixTypes?: readonly RuleType[];
  /**
   * Reuse the results of files that did not change since the last run (`--cache`): `true` keeps the
   * cache in `.docmind-docker-lint-cache` at `cwd`, `{ location }` elsewhere. A file's result is reused
   * when its bytes, its configuration, the tool's version and rules, and every fact its lint read from
   * other files (texts, listings, what exists, the Compose services that build it) are unchanged.
   * Not used with `fix`.
   */
  readonly cache?: boolean | CacheOptions;
  /**
   * Lint on worker threads: a number of threads, `'auto'` (one per core when there are at least
   * 400 files), or `'off'` (default). Needs plain options: with `plugins`, `host` or `fix` the run stays
   * in this thread.
   */
  readonly concurrency?: Concurrency;
}

/**
 * Lints every Dockerfile, Compose file, `.dockerignore` and Python/env project file under the
 * patterns. With `fix`, applies fixes in up to 10 passes (re-linting the whole project between
 * passes, since a fix in one file can change problems in another) and reports what remains.
 * Files created or changed by cross-file fixes get results of their own, with `output`.
 */
export async function lintProject(options: LintProjectOptions = {}): Promise<LintResult[]> {
  const { session, host, discovery, missing, enabledRuleIds } = await startRun(options);
  if (options.fix) {
    const lintAll = (runHost: ProjectHost): LintResult[] => {
      const project = session.createProject(discovery.files, runHost);
      return discovery.files.map((file) => session.lintFile(project, file));
    };
    return [...fixProject(session, discovery.files, lintAll(host), lintAll, options), ...missing];
  }
  const run: Run = { session, host, files: discovery.files, enabledRuleIds, options };
  const results = options.cache ? await lintWithCache(run, options.cache === true ? {} : options.cache) : await lintFiles(run, false);
  return [...results.map((item) => item.result), ...missing];
}

/**
 * `lintProject` one result at a time, in the same order, each handed over as soon as its file is
 * linted: a caller that formats or counts as it goes keeps no more than one result, so memory does
 * not grow with the number of files. Not with `fix` (a fix pass needs every file's problems); with
 * `cache` or worker threads the results come once all are linted, and so they do when a file's
 * configuration does not resolve: the run then throws its `ConfigError` before handing over any result,
 * as `lintProject` does.
 */
export async function* lintProjectResults(options: LintProjectOptions = {}): AsyncGenerator<LintResult, void, undefined> {
  if (options.fix) throw new TypeError('lintProjectResults does not fix: use lintProject with `fix`.');
  const { session, host, discovery, missing, enabledRuleIds } = await startRun(options);
  const run: Run = { session, host, files: discovery.files, enabledRuleIds, options };
  if (options.cache || canUseWorkers(run) || !configsResolve(session, run.files)) {
    const linted = options.cache ? await lintWithCache(run, options.cache === true ? {} : options.cache) : await lintFiles(run, false);
    for (const item of linted) yield item.result;
  } else {
    const project = session.createProject(run.files, host);
    for (const [index, file] of run.files.entries()) {
      const result = session.lintFile(project, file);
      moveOn(project, host, file, run.files[index + 1]);
      yield result;
    }
  }
  yield* missing;
}

/** A run's session, files and enabled rules, with what the rules need loaded. */
async function startRun(options: LintProjectOptions) {
  const session = await LintSession.create(options);
  const host = new RunHost(session.host);
  // The files of `composeFiles` are linted too, whatever their names.
  const patterns = [...(options.patterns ?? ['.']), ...(options.composeFiles ?? [])];
  const discovery = discoverFiles(host, session.root, patterns, (file) => session.isIgnored(file));
  const missing = discovery.missing.map((given) =>
    notLinted(path.resolve(session.root, given), 2, `No such file or folder inside the project root: ${given}`),
  );
  const enabledRuleIds = enabledRulesOf(session, discovery.files);
  await session.prepare(enabledRuleIds);
  return { session, host, discovery, missing, enabledRuleIds };
}

/**
 * After a file is linted: forgets its parse when no later file can ask for it, and, when the next file
 * is in another folder, what the project model and the run's host hold outside the folders the run is
 * now in (files are discovered folder by folder, so a folder's files and the build contexts they share
 * come together; the stats of the whole tree that discovery made go with the first move).
 */
function moveOn(project: Project, host: ProjectHost, file: DiscoveredFile, next: DiscoveredFile | undefined): void {
  project.release(file.path);
  if (!next || path.dirname(next.path) === path.dirname(file.path)) return;
  const dir = path.dirname(next.path);
  project.forgetOutside(dir);
  if (host instanceof RunHost) host.forgetOutside(dir);
}

interface Run {
  readonly session: LintSession;
  readonly host: ProjectHost;
  readonly files: readonly DiscoveredFile[];
  readonly enabledRuleIds: readonly string[];
  readonly options: LintProjectOptions;
  /** Indices into `files` to lint (default: all). */
  readonly toLint?: readonly number[];
  /** The project model (default: a new one over `host`). */
  readonly project?: Project;
}

/** Rule ids enabled on any of the files (config errors surface later, when linting). */
function enabledRulesOf(session: LintSession, files: readonly DiscoveredFile[]): string[] {
  const enabled = new Set<string>();
  // Files share config objects: each is read once.
  const seen = new Set<ReturnType<LintSession['config']['forFile']>>();
  for (const file of files) {
    let config: ReturnType<LintSession['config']['forFile']>;
    try {
      config = session.config.forFile(file.path);
    } catch {
      continue;
    }
    if (seen.has(config)) continue;
    seen.add(config);
    for (const [id, entry] of Object.entries(config.rules)) if (entry.severity > 0) enabled.add(id);
  }
  return [...enabled];
}

/** Lints files in this thread or on worker threads; with `record`, each lint's facts come back for the cache. */
async function lintFiles(run: Run, record: boolean): Promise<LintedFile[]> {
  const { session, files, options } = run;
  const toLint = run.toLint ?? files.map((_, index) => index);
  const threads = canUseWorkers(run) ? workerCount(options.concurrency, toLint.length) : 0;
  if (threads > 0) {
    const { plugins: _plugins, host: _host, onFileLinted: _onFileLinted, fix: _fix, ...plain } = options;
    const linted = await lintInWorkers({
      options: { ...plain, cwd: session.root },
      files,
      toLint,
      enabledRuleIds: run.enabledRuleIds,
      record,
      threads,
      ...(options.onFileLinted ? { onProgress: options.onFileLinted } : {}),
    });
    return linted.sort((a, b) => a.index - b.index);
  }
  const project = run.project ?? session.createProject(files, run.host);
  const fingerprints = record ? new ProjectFingerprints(project) : undefined;
  return toLint.map((index, at): LintedFile => {
    const file = files[index]!;
    const next = at + 1 < toLint.length ? files[toLint[at + 1]!] : undefined;
    if (!fingerprints) {
      const result = session.lintFile(project, file);
      moveOn(project, run.host, file, next);
      return { index, result };
    }
    const facts = new RecordingFacts(fingerprints);
    const result = session.lintFile(project, file, facts);
    moveOn(project, run.host, file, next);
    return { index, result, facts: [...facts.dependencies.facts], touched: [...facts.dependencies.touched] };
  });
}

/**
 * Workers rebuild the session from plain options, so they serve runs without plugin objects or a
 * custom host, and whose config resolves for every file (a config error is reported by this thread).
 */
function canUseWorkers(run: Run): boolean {
  const { options, session, files } = run;
  if (options.plugins || options.host || options.concurrency === undefined || options.concurrency === 'off') return false;
  return configsResolve(session, files);
}

/** Whether every file's configuration resolves (resolutions are cached: the lint reuses them). */
function configsResolve(session: LintSession, files: readonly DiscoveredFile[]): boolean {
  try {
    for (const file of files) session.config.forFile(file.path);
    return true;
  } catch {
    return false;
  }
}

/** `lintFiles` behind the cache: unchanged files take their stored results, the others are linted and stored. */
async function lintWithCache(run: Run, cacheOptions: CacheOptions): Promise<LintedFile[]> {
  const { session, host, files, options } = run;
  const cache = LintCache.open(cacheOptions, session.root, session.plugins);
  const project = session.createProject(files, host);
  const fingerprints = new ProjectFingerprints(project);
  const runOptions = JSON.stringify([session.maxFileSize, options.reportUnusedDisableDirectives ?? null, options.composeFiles ?? []]);
  const keys: ({ content: string; config: string } | undefined)[] = [];
  const reused: LintedFile[] = [];
  const toLint: number[] = [];
  files.forEach((file, index) => {
    const key = cacheKeyOf(session, host, file, runOptions);
    keys.push(key);
    const result = key && cache.lookup(file.path, key.text, key.content, key.config, fingerprints);
    if (result) {
      reused.push({ index, result });
      options.onFileLinted?.(file.path);
    } else {
      toLint.push(index);
    }
  });
  const linted = await lintFiles({ ...run, toLint, project }, true);
  for (const item of linted) {
    const key = keys[item.index];
    if (key && item.facts && item.touched) {
      cache.add(files[item.index]!.path, key.content, key.config, { facts: new Map(item.facts), touched: new Set(item.touched) }, item.result);
    }
  }
  cache.save();
  return [...reused, ...linted].sort((a, b) => a.index - b.index);
}

/** What a file's cache entry is keyed by; `undefined` when the file is linted without the cache (too large, unreadable, config error). */
function cacheKeyOf(
  session: LintSession,
  host: ProjectHost,
  file: DiscoveredFile,
  runOptions: string,
): { text: string; content: string; config: string } | undefined {
  const stat = host.stat(file.path);
  if (!stat || stat.size > session.maxFileSize) return undefined;
  const bytes = host.readFile(file.path);
  if (!bytes) return undefined;
  const decoded = decodeBytes(bytes);
  if ('problem' in decoded) return undefined;
  let config;
  try {
    config = session.config.forFile(file.path);
  } catch {
    return undefined;
  }
  const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  return { text, content: fingerprintBytes(bytes), config: configFingerprint(config, `${file.kind}\0${runOptions}`, session) };
}

function fixProject(
  session: LintSession,
  files: readonly DiscoveredFile[],
  firstResults: readonly LintResult[],
  lintAll: (host: ProjectHost) => LintResult[],
  options: LintProjectOptions,
): LintResult[] {
  const wanted = (message: LintMessage): boolean => {
    if (!message.fix || !message.ruleId) return false;
    const type = session.rules.get(message.ruleId)?.meta.type;
    if (options.fixTypes && (!type || !options.fixTypes.includes(type))) return false;
    return typeof options.fix === 'function' ? options.fix(message) : true;
  };
  const fixesOf = (results: readonly LintResult[]): Fix[] =>
    results.flatMap((result) => result.messages.filter(wanted).map((message) => message.fix!));

  const initial = new Map<string, FileText | undefined>();
  const load = (filePath: string): void => {
    if (initial.has(filePath)) return;
    const bytes = session.host.readFile(filePath);
    if (!bytes) {
      // Only a path that really is free may be created; anything else stays unloaded, so no fix touches it.
      if (!session.host.stat(filePath)) initial.set(filePath, undefined);
      return;
    }
    const decoded = decodeBytes(bytes);
    if ('problem' in decoded) return;
    const bom = decoded.text.charCodeAt(0) === 0xfeff;
    initial.set(filePath, { text: bom ? decoded.text.slice(1) : decoded.text, bom });
  };
  // The texts the fixes were computed on, not a second read: the file may have changed since (another
  // --fix run), and offsets from one text applied to another would corrupt it.
  for (const result of firstResults) {
    if (result.source !== undefined) initial.set(result.filePath, { text: result.source, bom: result.bom ?? false });
  }
  for (const fix of fixesOf(firstResults)) for (const edit of fix.edits) load(edit.file);

  let lastResults = firstResults;
  const outcome = runFixPasses(initial, (state, pass) => {
    if (pass > 1) lastResults = lintAll(overlayOf(session.host, state));
    return fixesOf(lastResults);
  });
  if (outcome.changedPaths.size === 0) return [...firstResults];

  const finalHost = overlayOf(session.host, outcome.files);
  const created = [...outcome.changedPaths]
    .filter((filePath) => !files.some((file) => file.path === filePath))
    .map((filePath): DiscoveredFile => ({ path: filePath, kind: classifyFile(path.basename(filePath)), explicit: false }));
  const project = session.createProject([...files, ...created], finalHost);
  return [...files, ...created].map((file) => {
    const result = LINTED_KINDS.has(file.kind) ? session.lintFile(project, file) : undefined;
    const fixed = outcome.files.get(file.path);
    const base = result ?? summarize(file.path, [], []);
    if (!outcome.changedPaths.has(file.path) || !fixed) return base;
    const original = initial.get(file.path);
    const { source: _fixedSource, ...rest } = base;
    return {
      ...rest,
      ...(original ? { source: original.text } : {}),
      output: fixed.text,
      ...(fixed.bom ? { bom: true } : {}),
    };
  });
}

/** A host that shows the fixed texts in place of the files on disk. */
function overlayOf(base: ProjectHost, files: ReadonlyMap<string, FileText | undefined>): ProjectHost {
  const texts = new Map<string, string | undefined>();
  for (const [filePath, file] of files) texts.set(filePath, file === undefined ? undefined : (file.bom ? '\ufeff' : '') + file.text);
  return new OverlayHost(base, texts);
}
