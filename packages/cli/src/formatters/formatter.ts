import type { AnyRule, LintResult } from '@docmind-docker-lint/core';

/** What a formatter knows besides the results. */
export interface FormatterContext {
  /** The folder the run started from; formatters print paths relative to it. */
  readonly cwd: string;
  /**
   * The meta of every rule that reported in `results`, by rule id (ESLint's `rulesMeta`). A report
   * stream may find it filling as results come: it is complete when `end` is called.
   */
  readonly rulesMeta: Readonly<Record<string, AnyRule['meta']>>;
  /** Whether the text may carry ANSI colours. */
  readonly color: boolean;
}

/** Turns lint results into the text the CLI prints (or writes with `--output-file`). */
export type Formatter = (results: readonly LintResult[], context: FormatterContext) => string;

/**
 * A report written as the results come: `add` each result in order, then `end` once. It writes its text
 * through the `write` it was made with, and keeps of a result only what later parts of the report need.
 */
export interface ReportStream {
  add(result: LintResult): void;
  end(): void;
  /** Frees what the stream holds back (a temporary file) when the run fails before `end`; nothing after it. */
  dispose?(): void;
}

/** Starts a report stream; the text it writes, put together, is what the format's `Formatter` returns. */
export type StreamFormatter = (context: FormatterContext, write: (text: string) => void) => ReportStream;

/** The `Formatter` of a stream: the whole report of `results` as one string. */
export function formatterOf(stream: StreamFormatter): Formatter {
  return (results, context) => {
    let text = '';
    const report = stream(context, (chunk) => {
      text += chunk;
    });
    for (const result of results) report.add(result);
    report.end();
    return text;
  };
}

/** The stream of a format that needs every result at once (`diff`): it keeps them all and formats at the end. */
export function collectingStream(formatter: Formatter): StreamFormatter {
  return (context, write) => {
    const results: LintResult[] = [];
    return {
      add: (result) => void results.push(result),
      end: () => write(formatter(results, context)),
    };
  };
}
