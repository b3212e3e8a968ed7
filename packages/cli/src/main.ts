import fs from 'node:fs';
import path from 'node:path';
import type * as CoreModule from '@docmind-docker-lint/core';
import type { AnyRule, LintMessage, LintOptions, LintResult, Plugin } from '@docmind-docker-lint/core';
import type { CliIo, TextSink } from './cli-io.js';
import type { CliOptions } from './cli-options.js';
import { formatRulesTable } from './format-rules-table.js';
import { formatters, type ReportStream } from './formatters/index.js';
import { runInit } from './init-config.js';
import { packageVersion } from './package-version.js';
import { parseCliArgs } from './parse-args.js';
import { PROGRESS_MIN_FILES, ProgressLine } from './progress-line.js';
import { readText } from './read-text.js';
import { errorsOnly, internalErrors, isMissingPath } from './result-filters.js';
import { usage } from './usage.js';
import { UsageError } from './usage-error.js';
import { useColor } from './use-color.js';

export type { CliIo, TextSink } from './cli-io.js';

const NAME = 'docmind-docker-lint';

/** Exit codes, as ESLint's. */
const EXIT_CLEAN = 0;
const EXIT_PROBLEMS = 1;
const EXIT_FAILURE = 2;

export interface MainOptions {
  /** Rule packs used instead of the built-in ones (tests, embedders). */
  readonly plugins?: readonly Plugin[];
}

type Core = typeof CoreModule;

/**
 * Runs the command line `argv` (without `node` and the script) against `io` and returns the exit
 * code: 0 clean, 1 problems at error severity or too many warnings, 2 a usage, configuration,
 * missing-path, write or internal error. Never exits the process itself.
 */
export async function main(argv: readonly string[], io: CliIo, mainOptions: MainOptions = {}): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`${NAME}: ${error.message}\nRun "${NAME} --help" to see the options.\n`);
    return EXIT_FAILURE;
  }
  if (options.help) {
    io.stdout.write(usage());
    return EXIT_CLEAN;
  }
  if (options.version) {
    io.stdout.write(`${packageVersion()}\n`);
    return EXIT_CLEAN;
  }
  try {
    // The engine (parsers, schemas) loads only now, so --help and --version start fast.
    const core = await import('@docmind-docker-lint/core');
    return await runWithConfig(core, options, io, mainOptions);
  } catch (error) {
    io.stderr.write(`${NAME}: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    writeStackOrHint(error, options.debug, io);
    return EXIT_FAILURE;
  }
}

async function runWithConfig(core: Core, options: CliOptions, io: CliIo, mainOptions: MainOptions): Promise<number> {
  const lintOptions: LintOptions = {
    cwd: io.cwd,
    plugins: mainOptions.plugins,
    configFile: options.configFile,
    useConfigFiles: options.useConfigFiles,
    ...pluginOptions(options),
    rules: options.rules,
    ignorePatterns: options.ignorePatterns,
    ...(options.composeFiles.length > 0 ? { composeFiles: options.composeFiles } : {}),
    maxFileSize: options.maxFileSize,
    ...(options.ruleTimeBudgetMs !== undefined ? { ruleTimeBudgetMs: options.ruleTimeBudgetMs } : {}),
    ...(options.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: 2 as const } : {}),
    ...(options.useHadolintConfig ? {} : { useHadolintConfig: false }),
  };
  try {
    if (options.init) return await runInit(core, io, options.force, mainOptions.plugins);
    if (options.listRules) {
      const session = await core.LintSession.create({ cwd: io.cwd, plugins: mainOptions.plugins, useConfigFiles: false, ...pluginOptions(options) });
      io.stdout.write(formatRulesTable(session.plugins));
      return EXIT_CLEAN;
    }
    if (options.printConfig !== undefined) {
      const session = await core.LintSession.create(lintOptions);
      const config = session.config.resolveConfigForPrint(path.resolve(io.cwd, options.printConfig));
      io.stdout.write(`${JSON.stringify(config, null, 2)}\n`);
      return EXIT_CLEAN;
    }
    return await lintAndReport(core, options, lintOptions, io);
  } catch (error) {
    if (!(error instanceof core.ConfigError)) throw error;
    io.stderr.write(`${NAME}: invalid configuration: ${relativeConfigMessage(error, io.cwd)}\n`);
    if (options.debug && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT_FAILURE;
  }
}

/**
 * `--plugin` and `--resolve-plugins-relative-to`. Plugins named on the command line are the user's
 * choice, as those of the root config and the -c file are (docs/security.md): the core imports them.
 */
function pluginOptions(options: CliOptions): Pick<LintOptions, 'pluginNames' | 'resolvePluginsRelativeTo'> {
  return {
    ...(options.pluginNames.length > 0 ? { pluginNames: options.pluginNames } : {}),
    ...(options.resolvePluginsRelativeTo !== undefined ? { resolvePluginsRelativeTo: options.resolvePluginsRelativeTo } : {}),
  };
}

/** `--cache`, `--cache-location` and `--concurrency` (the core ignores both with --fix). */
function runOptions(options: CliOptions): { cache?: { location?: string }; concurrency: CliOptions['concurrency'] } {
  const cache = options.cache ? { cache: options.cacheLocation === undefined ? {} : { location: options.cacheLocation } } : {};
  return { ...cache, concurrency: options.concurrency };
}

async function lintAndReport(
  core: Core,
  options: CliOptions,
  baseOptions: LintOptions,
  io: CliIo,
): Promise<number> {
  const started = performance.now();
  // The run's configuration, read once up front: rule metadata for the reports, ignores for the
  // progress line, hadolint's failure threshold. A broken config fails here, before any linting.
  const session = await core.LintSession.create(baseOptions);
  const stdinText = options.stdin ? await readText(io.stdin) : undefined;
  const progress = stdinText === undefined ? progressLineFor(core, session, options, io) : undefined;
  const lintOptions: LintOptions = progress ? { ...baseOptions, onFileLinted: (filePath) => progress.fileLinted(filePath) } : baseOptions;
  const fixing = options.fix || options.fixDryRun;
  const fixedStdin = options.fix && stdinText !== undefined;

  // What the end of the run needs of the results: counts, and the messages for standard error (in the
  // order of a run that reports at the end: missing paths, then internal errors). Each result is handed
  // to the reports and dropped; only fixing keeps them all (the core holds them for its fix passes).
  let files = 0;
  let errorCount = 0;
  let warningCount = 0;
  const missingPaths: string[] = [];
  const internal: string[] = [];
  const rulesMeta: Record<string, AnyRule['meta']> = {};
  const reports = await openReports(options, io, rulesMeta, fixedStdin ? io.stderr : progressAware(io.stdout, progress, io.isTTY));
  const take = (result: LintResult): LintResult | undefined => {
    files++;
    if (isMissingPath(result)) {
      for (const message of result.messages) missingPaths.push(`${NAME}: ${message.message}\n`);
      return undefined;
    }
    for (const message of internalErrors(result)) internal.push(`${NAME}: internal error in ${displayPath(io.cwd, result.filePath)}: ${message.message}\n`);
    return result;
  };
  const show = (result: LintResult): void => {
    const shown = options.quiet ? errorsOnly(result) : result;
    errorCount += shown.errorCount;
    warningCount += shown.warningCount;
    addRulesMeta(rulesMeta, session.rules, shown);
    for (const report of reports) report.stream.add(shown);
  };

  let failed = false;
  let stdinResult: LintResult | undefined;
  try {
    if (fixing || stdinText !== undefined) {
      const results =
        stdinText === undefined
          ? await core.lintProject({ ...lintOptions, patterns: options.paths, ...fixOptions(options), ...runOptions(options) })
          : await lintStdin(core, stdinText, options, lintOptions, io.cwd);
      progress?.clear();
      const linted = results.flatMap((result) => take(result) ?? []);
      stdinResult = linted[0];
      writeDebugTime(io, options, files, started);
      failed = writeMessages(io, missingPaths, internal) || failed;
      if (options.fix && stdinText === undefined) {
        for (const write of await core.applyFixes(linted, { root: io.cwd })) {
          if (write.ok) continue;
          failed = true;
          io.stderr.write(`${NAME}: could not write ${displayPath(io.cwd, write.path)}: ${write.error.message}\n`);
          if (options.debug && write.error.stack) io.stderr.write(`${write.error.stack}\n`);
        }
      }
      for (const result of linted) show(result);
    } else {
      for await (const result of core.lintProjectResults({ ...lintOptions, patterns: options.paths, ...runOptions(options) })) {
        const linted = take(result);
        if (linted) show(linted);
      }
      progress?.clear();
      writeDebugTime(io, options, files, started);
      failed = writeMessages(io, missingPaths, internal) || failed;
    }
    for (const report of reports) failed = !report.end() || failed;
  } finally {
    for (const report of reports) report.close();
  }
  if (fixedStdin) io.stdout.write(fixedText(stdinResult, stdinText));

  const threshold = session.config.hadolintConfig?.failureThreshold;
  const maxWarnings = options.maxWarnings ?? (threshold && WARNINGS_FAIL.has(threshold) ? 0 : undefined);
  const tooManyWarnings = maxWarnings !== undefined && warningCount > maxWarnings;
  if (tooManyWarnings) io.stderr.write(`${NAME} found too many warnings (maximum: ${maxWarnings}).\n`);
  if (failed) return EXIT_FAILURE;
  // hadolint's `failure-threshold: none` (or `no-fail`) reports problems without failing, unless --max-warnings asks.
  const errorsFail = !(threshold && NOTHING_FAILS.has(threshold));
  return (errorsFail && errorCount > 0) || tooManyWarnings ? EXIT_PROBLEMS : EXIT_CLEAN;
}

function writeDebugTime(io: CliIo, options: CliOptions, files: number, started: number): void {
  if (options.debug) io.stderr.write(`${NAME}: linted ${files === 1 ? '1 file' : `${files} files`} in ${Math.round(performance.now() - started)} ms\n`);
}

/** Writes the messages of missing paths and internal errors; whether there were any (the run fails). */
function writeMessages(io: CliIo, ...lists: readonly string[][]): boolean {
  let any = false;
  for (const list of lists) {
    for (const text of list) io.stderr.write(text);
    any ||= list.length > 0;
  }
  return any;
}

/** Standard output that first erases the progress line, should both be on one terminal. */
function progressAware(sink: TextSink, progress: ProgressLine | undefined, isTTY: boolean): TextSink {
  if (!progress || !isTTY) return sink;
  return {
    write(text: string) {
      progress.clear();
      return sink.write(text);
    },
  };
}

/** hadolint `failure-threshold` values under which warnings fail the run, as with `--max-warnings 0`. */
const WARNINGS_FAIL: ReadonlySet<string> = new Set(['warning', 'info', 'style']);
/** hadolint `failure-threshold` values under which no problem fails the run. */
const NOTHING_FAILS: ReadonlySet<string> = new Set(['none', 'ignore']);

/** A progress line on stderr when it is a terminal and the tree is large; never for piped output. */
function progressLineFor(core: Core, session: CoreModule.LintSession, options: CliOptions, io: CliIo): ProgressLine | undefined {
  if (!io.stderrIsTTY) return undefined;
  const { files } = core.discoverFiles(session.host, session.root, options.paths, (filePath) => session.isIgnored(filePath));
  return files.length >= PROGRESS_MIN_FILES ? new ProgressLine(io.stderr, files.length) : undefined;
}

/** `fix` and `fixTypes` for the core; with `--quiet` only errors are fixed, as ESLint does. */
function fixOptions(options: CliOptions): { fix: boolean | ((message: LintMessage) => boolean); fixTypes?: CliOptions['fixTypes'] } {
  if (!options.fix && !options.fixDryRun) return { fix: false };
  return { fix: options.quiet ? (message) => message.severity === 2 : true, fixTypes: options.fixTypes };
}

/**
 * Lints standard input as `--stdin-filename`. Fixing runs the project linter over the file system
 * with the text laid over that path, since fixes are computed per project; the result of the text
 * alone is kept (fixes to other files are not written).
 */
async function lintStdin(core: Core, text: string, options: CliOptions, lintOptions: LintOptions, cwd: string): Promise<LintResult[]> {
  if (!options.fix && !options.fixDryRun) return core.lintText(text, { ...lintOptions, filePath: options.stdinFilename });
  const filePath = path.resolve(cwd, options.stdinFilename);
  const host = new core.OverlayHost(new core.NodeHost(), new Map([[filePath, text]]));
  const results = await core.lintProject({ ...lintOptions, host, patterns: [options.stdinFilename], ...fixOptions(options) });
  return results.filter((result) => result.filePath === filePath || isMissingPath(result));
}

/** The fixed standard input, or the input unchanged when nothing was fixed. */
function fixedText(result: LintResult | undefined, input: string): string {
  if (result?.output === undefined) return input;
  return (result.bom ? '\uFEFF' : '') + result.output;
}

interface OpenReport {
  readonly stream: ReportStream;
  /** Ends the report; whether all of it was written (a failed write is reported on standard error). */
  end(): boolean;
  /** Releases the output file and what the stream holds back (also after a failed run). */
  close(): void;
}

/**
 * A report stream per `--format`: to `stdout` (the sink given) or, with `--output-file`, to its file,
 * created when the report writes first (or at the end, empty), folders and all.
 */
async function openReports(
  options: CliOptions,
  io: CliIo,
  rulesMeta: Record<string, AnyRule['meta']>,
  stdout: TextSink,
): Promise<OpenReport[]> {
  return Promise.all(
    options.reports.map(async (target): Promise<OpenReport> => {
      const stream = await formatters[target.format]!.loadStream();
      // A report written to a file gets no colours unless --color asks for them.
      const color = target.outputFile !== undefined && options.color === undefined ? false : useColor(options.color, io.env, io.isTTY);
      const context = { cwd: io.cwd, rulesMeta, color };
      if (target.outputFile === undefined) {
        const report = stream(context, (text) => {
          if (text !== '') stdout.write(text);
        });
        return { stream: report, end: () => (report.end(), true), close: () => report.dispose?.() };
      }
      const file = new ReportFile(path.resolve(io.cwd, target.outputFile));
      const report = stream(context, (text) => file.write(text));
      return {
        stream: report,
        end() {
          report.end();
          const error = file.finish();
          if (error) io.stderr.write(`${NAME}: could not write the report to ${file.path}: ${error.message}\n`);
          return error === undefined;
        },
        close() {
          report.dispose?.();
          file.close();
        },
      };
    }),
  );
}

/** A report file written as the report comes; the first error stops the writing and is kept for the end. */
class ReportFile {
  private fd: number | undefined;
  private error: Error | undefined;

  constructor(readonly path: string) {}

  write(text: string): void {
    if (this.error) return;
    try {
      this.fd ??= this.open();
      const bytes = Buffer.from(text, 'utf8');
      let offset = 0;
      while (offset < bytes.length) offset += fs.writeSync(this.fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      this.error = error instanceof Error ? error : new Error(String(error));
    }
  }

  /** Creates the file if nothing was written (an empty report), closes it; the error, if any. */
  finish(): Error | undefined {
    this.write('');
    this.close();
    return this.error;
  }

  close(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    try {
      fs.closeSync(fd);
    } catch (error) {
      this.error ??= error instanceof Error ? error : new Error(String(error));
    }
  }

  private open(): number {
    fs.mkdirSync(path.dirname(this.path), { recursive: true });
    return fs.openSync(this.path, 'w');
  }
}

/** Adds the meta of the rules that reported in `result`, silenced problems included (ESLint's `rulesMeta` for formatters). */
function addRulesMeta(meta: Record<string, AnyRule['meta']>, rules: ReadonlyMap<string, AnyRule>, result: LintResult): void {
  for (const list of [result.messages, result.suppressedMessages]) {
    for (const message of list) {
      const rule = message.ruleId === null ? undefined : rules.get(message.ruleId);
      if (rule && message.ruleId !== null) meta[message.ruleId] = rule.meta;
    }
  }
}

/** The ConfigError's message with the config file's path relative to the working folder. */
function relativeConfigMessage(error: { readonly message: string; readonly filePath: string }, cwd: string): string {
  if (!path.isAbsolute(error.filePath) || !error.message.startsWith(error.filePath)) return error.message;
  return displayPath(cwd, error.filePath) + error.message.slice(error.filePath.length);
}

function displayPath(cwd: string, filePath: string): string {
  const relative = path.relative(cwd, filePath);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? filePath : relative;
}

function writeStackOrHint(error: unknown, debug: boolean, io: CliIo): void {
  if (!debug) io.stderr.write(`Run again with --debug to see the stack trace.\n`);
  else if (error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
}
