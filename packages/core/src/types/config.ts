import type { Severity, SeverityName } from './results.js';

export type RuleEntry = Severity | SeverityName | readonly [Severity | SeverityName, ...unknown[]];

export interface OverrideConfig {
  /** minimatch globs relative to the config file's folder. */
  readonly files: readonly string[];
  readonly excludedFiles?: readonly string[];
  readonly rules?: Readonly<Record<string, RuleEntry>>;
  readonly settings?: Readonly<Record<string, unknown>>;
}

/** A configuration object as written in a config file or a preset. */
export interface ConfigObject {
  readonly $schema?: string;
  readonly root?: boolean;
  /** Presets (`recommended`, `docmind`, `all`) or `<plugin>/<preset>`. */
  readonly extends?: string | readonly string[];
  readonly plugins?: readonly string[];
  readonly rules?: Readonly<Record<string, RuleEntry>>;
  readonly overrides?: readonly OverrideConfig[];
  /** Globs of files never linted, relative to the config file's folder. */
  readonly ignores?: readonly string[];
  readonly settings?: Readonly<Record<string, unknown>>;
  readonly reportUnusedDisableDirectives?: boolean | SeverityName;
}

/** The configuration that applies to one file, after extends and overrides. */
export interface ResolvedConfig {
  readonly rules: Readonly<Record<string, { readonly severity: Severity; readonly options: readonly unknown[] }>>;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly reportUnusedDisableDirectives: Severity;
}
