import type { Concurrency, RuleEntry, RuleType } from '@docmind-docker-lint/core';

/** One report of the run: a format, written to a file or (without one) to standard output. */
export interface ReportTarget {
  readonly format: string;
  readonly outputFile: string | undefined;
}

/** What the command line asks for, validated. */
export interface CliOptions {
  /** Files and folders to lint, relative to the working folder. */
  readonly paths: readonly string[];
  readonly fix: boolean;
  readonly fixDryRun: boolean;
  /** Only fixes of rules of these types; `undefined` means all. */
  readonly fixTypes: readonly RuleType[] | undefined;
  /** At least one; at most one of them without an output file. */
  readonly reports: readonly ReportTarget[];
  readonly configFile: string | undefined;
  readonly useConfigFiles: boolean;
  /** `--plugin NAME` (repeatable): plugin packages or paths to load, as a root config's `plugins` does. */
  readonly pluginNames: readonly string[];
  /** `--resolve-plugins-relative-to DIR`: where plugin names (these and the configs') are resolved from. */
  readonly resolvePluginsRelativeTo: string | undefined;
  readonly rules: Readonly<Record<string, RuleEntry>>;
  /** `undefined`: no limit. */
  readonly maxWarnings: number | undefined;
  readonly quiet: boolean;
  readonly printConfig: string | undefined;
  readonly listRules: boolean;
  readonly stdin: boolean;
  readonly stdinFilename: string;
  readonly ignorePatterns: readonly string[];
  /** `--compose-file PATH` (repeatable): one Compose project's files in merge order, as `docker compose -f`. */
  readonly composeFiles: readonly string[];
  readonly maxFileSize: number | undefined;
  /** `--rule-time-budget MS`: how long one rule may take on one file before its results there are dropped. */
  readonly ruleTimeBudgetMs: number | undefined;
  readonly reportUnusedDisableDirectives: boolean;
  /** Read hadolint's `.hadolint.yaml` at the project root (off with `--no-hadolint-config`). */
  readonly useHadolintConfig: boolean;
  /** `--cache`: reuse the results of unchanged files; `cacheLocation` is `--cache-location` (file or folder). */
  readonly cache: boolean;
  readonly cacheLocation: string | undefined;
  /** `--concurrency`: worker threads for large runs (default `off`: one thread). */
  readonly concurrency: Concurrency;
  /** `--init`: write a starter config instead of linting; `force` lets it replace one. */
  readonly init: boolean;
  readonly force: boolean;
  readonly debug: boolean;
  /** `undefined`: decide from the terminal and the environment. */
  readonly color: boolean | undefined;
  readonly version: boolean;
  readonly help: boolean;
}
