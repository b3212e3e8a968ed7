import type { AnyRule, LintResult } from '@docmind-docker-lint/core';

/** What a formatter knows besides the results. */
export interface FormatterContext {
  /** The folder the run started from; formatters print paths relative to it. */
  readonly cwd: string;
  /** The meta of every rule that reported in `results`, by rule id (ESLint's `rulesMeta`). */
  readonly rulesMeta: Readonly<Record<string, AnyRule['meta']>>;
  /** Whether the text may carry ANSI colours. */
  readonly color: boolean;
}

/** Turns lint results into the text the CLI prints (or writes with `--output-file`). */
export type Formatter = (results: readonly LintResult[], context: FormatterContext) => string;
