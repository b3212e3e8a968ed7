import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Concurrency, RuleEntry, RuleType } from '@docmind-docker-lint/core';
import type { CliOptions, ReportTarget } from './cli-options.js';
import { DEFAULT_FORMAT, formatterNames, formatters } from './formatters/index.js';
import { readFlowValue } from './read-flow-value.js';
import { UsageError } from './usage-error.js';

const FIX_TYPES: readonly RuleType[] = ['problem', 'suggestion', 'layout'];
const SEVERITIES: readonly unknown[] = ['off', 'warn', 'error', 0, 1, 2];

const OPTIONS = {
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'fix-type': { type: 'string', multiple: true },
  format: { type: 'string', short: 'f', multiple: true },
  'output-file': { type: 'string', short: 'o', multiple: true },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  plugin: { type: 'string', multiple: true },
  'resolve-plugins-relative-to': { type: 'string' },
  rule: { type: 'string', multiple: true },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean' },
  'print-config': { type: 'string' },
  'list-rules': { type: 'boolean' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'ignore-pattern': { type: 'string', multiple: true },
  'compose-file': { type: 'string', multiple: true },
  'max-file-size': { type: 'string' },
  'rule-time-budget': { type: 'string' },
  'report-unused-disable-directives': { type: 'boolean' },
  'no-hadolint-config': { type: 'boolean' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  concurrency: { type: 'string' },
  init: { type: 'boolean' },
  force: { type: 'boolean' },
  debug: { type: 'boolean' },
  // Declared rather than `allowNegative`, which Node only has from 20.16.
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Reads and checks the command line. Throws a `UsageError` for anything it cannot run. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const { values, positionals, tokens } = readArgs(argv);

  const fix = values.fix ?? false;
  const fixDryRun = values['fix-dry-run'] ?? false;
  if (fix && fixDryRun) throw new UsageError('--fix and --fix-dry-run cannot be used together.');
  const fixTypes = values['fix-type'] && parseFixTypes(values['fix-type']);
  if (fixTypes && !fix && !fixDryRun) throw new UsageError('--fix-type needs --fix or --fix-dry-run.');

  const reports = reportTargets(tokens);

  const stdin = values.stdin ?? false;
  if (values['stdin-filename'] !== undefined && !stdin) throw new UsageError('--stdin-filename needs --stdin.');
  if (stdin && positionals.length > 0) throw new UsageError('--stdin lints the text on standard input; give no paths with it.');
  if (values['print-config'] !== undefined && positionals.length > 0) {
    throw new UsageError('--print-config takes one file and no other paths.');
  }
  if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config cannot be used together.');
  const init = values.init ?? false;
  if (values.force && !init) throw new UsageError('--force needs --init.');
  if (init && positionals.length > 0) throw new UsageError('--init writes a config for the working folder; give no paths with it.');
  if (values['cache-location'] !== undefined && !values.cache) throw new UsageError('--cache-location needs --cache.');
  const pluginNames = values.plugin ?? [];
  for (const name of pluginNames) {
    if (name.trim() === '') throw new UsageError('--plugin takes a package name or a path starting with ./ or ../, not an empty string.');
  }

  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    fix,
    fixDryRun,
    fixTypes,
    reports,
    configFile: values.config,
    useConfigFiles: !values['no-config'],
    pluginNames,
    resolvePluginsRelativeTo: values['resolve-plugins-relative-to'],
    rules: parseRuleFlags(values.rule ?? []),
    maxWarnings: values['max-warnings'] === undefined ? undefined : parseCount('--max-warnings', values['max-warnings'], 0),
    quiet: values.quiet ?? false,
    printConfig: values['print-config'],
    listRules: values['list-rules'] ?? false,
    stdin,
    stdinFilename: values['stdin-filename'] ?? 'Dockerfile',
    ignorePatterns: values['ignore-pattern'] ?? [],
    composeFiles: values['compose-file'] ?? [],
    maxFileSize: values['max-file-size'] === undefined ? undefined : parseCount('--max-file-size', values['max-file-size'], 1),
    ruleTimeBudgetMs: values['rule-time-budget'] === undefined ? undefined : parseCount('--rule-time-budget', values['rule-time-budget'], 1),
    reportUnusedDisableDirectives: values['report-unused-disable-directives'] ?? false,
    useHadolintConfig: !values['no-hadolint-config'],
    cache: values.cache ?? false,
    cacheLocation: values['cache-location'],
    concurrency: values.concurrency === undefined ? 'off' : parseConcurrency(values.concurrency),
    init,
    force: values.force ?? false,
    debug: values.debug ?? false,
    color: lastColorFlag(tokens),
    version: values.version ?? false,
    help: values.help ?? false,
  };
}

/** `--concurrency`: a number of worker threads, `auto` (one per core on large runs) or `off`. */
function parseConcurrency(value: string): Concurrency {
  if (value === 'auto' || value === 'off') return value;
  if (/^[1-9]\d*$/.test(value)) return Number(value);
  throw new UsageError(`--concurrency takes a number of threads, "auto" or "off", not "${value}".`);
}

function readArgs(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    // parseArgs explains unknown flags and missing values well; only the exit code is ours.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * The reports to write, from the `--format` and `--output-file` flags in the order given. One of
 * each pairs them whatever their order. With more, each `--output-file` belongs to the `--format`
 * before it; a `--format` without one writes to standard output, which only one of them may do.
 */
function reportTargets(tokens: readonly { kind: string; name?: string; value?: string | undefined }[]): ReportTarget[] {
  const flags = tokens.filter(
    (token): token is { kind: 'option'; name: 'format' | 'output-file'; value: string } =>
      token.kind === 'option' && (token.name === 'format' || token.name === 'output-file'),
  );
  const formats = flags.filter((flag) => flag.name === 'format').map((flag) => flag.value);
  const files = flags.filter((flag) => flag.name === 'output-file').map((flag) => flag.value);
  for (const format of formats) {
    if (!Object.hasOwn(formatters, format)) {
      throw new UsageError(`Unknown format "${format}". Formats: ${formatterNames().join(', ')}.`);
    }
  }
  if (formats.length <= 1 && files.length <= 1) return [{ format: formats[0] ?? DEFAULT_FORMAT, outputFile: files[0] }];

  const targets: { format: string; outputFile: string | undefined }[] = [];
  for (const flag of flags) {
    if (flag.name === 'format') {
      targets.push({ format: flag.value, outputFile: undefined });
      continue;
    }
    const current = targets.at(-1);
    if (!current) throw new UsageError(`--output-file ${flag.value} comes before any --format; give each --output-file after its --format.`);
    if (current.outputFile !== undefined) {
      throw new UsageError(`--format ${current.format} has two output files (${current.outputFile}, ${flag.value}); give each report its own --format.`);
    }
    current.outputFile = flag.value;
  }
  const toStdout = targets.filter((target) => target.outputFile === undefined);
  if (toStdout.length > 1) {
    throw new UsageError(
      `Only one report can go to standard output, but ${toStdout.map((target) => target.format).join(' and ')} have no --output-file.`,
    );
  }
  const paths = targets.flatMap((target) => (target.outputFile === undefined ? [] : [path.resolve(target.outputFile)]));
  if (new Set(paths).size < paths.length) throw new UsageError('Two reports would be written to the same --output-file.');
  return targets;
}

/** `--fix-type problem,layout`, repeatable. */
function parseFixTypes(given: readonly string[]): RuleType[] {
  const types = given.flatMap((value) => value.split(',')).map((type) => type.trim());
  for (const type of types) {
    if (!(FIX_TYPES as readonly string[]).includes(type)) {
      throw new UsageError(`Unknown fix type "${type}". Fix types: ${FIX_TYPES.join(', ')}.`);
    }
  }
  return [...new Set(types as RuleType[])];
}

/** `--rule 'id: severity'` or `--rule 'id: [severity, options...]'`; later flags win. */
export function parseRuleFlags(flags: readonly string[]): Record<string, RuleEntry> {
  const rules: Record<string, RuleEntry> = {};
  for (const flag of flags) {
    const colon = flag.indexOf(':');
    const id = flag.slice(0, Math.max(colon, 0)).trim();
    if (colon < 0 || id === '') throw new UsageError(`--rule "${flag}" is not "rule-id: severity" or "rule-id: [severity, options]".`);
    let entry: unknown;
    try {
      entry = readFlowValue(flag.slice(colon + 1).trim());
    } catch (error) {
      throw new UsageError(`--rule "${flag}": ${error instanceof Error ? error.message : String(error)}.`);
    }
    const severity: unknown = Array.isArray(entry) ? (entry as unknown[])[0] : entry;
    if (!SEVERITIES.includes(severity)) {
      throw new UsageError(`--rule "${flag}": the severity must be one of off, warn, error, 0, 1, 2.`);
    }
    rules[id] = entry as RuleEntry;
  }
  return rules;
}

function parseCount(flag: string, text: string, minimum: number): number {
  const value = Number(text);
  if (!/^\d+$/u.test(text.trim()) || !Number.isSafeInteger(value) || value < minimum) {
    throw new UsageError(`${flag} takes a whole number of at least ${minimum}, not "${text}".`);
  }
  return value;
}

/** `--color` and `--no-color`: the last one given wins. */
function lastColorFlag(tokens: readonly { kind: string; name?: string }[]): boolean | undefined {
  let color: boolean | undefined;
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (token.name === 'color') color = true;
    else if (token.name === 'no-color') color = false;
  }
  return color;
}
