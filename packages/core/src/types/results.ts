import type { Fix, OffsetRange } from '@docmind-docker-lint/fixer';

export type Severity = 0 | 1 | 2;
export type SeverityName = 'off' | 'warn' | 'error';

/** Related information for a problem that comes from another place (the pyproject line of a constraint). */
export interface RelatedLocation {
  readonly filePath: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message: string;
}

export interface Suggestion {
  readonly messageId?: string;
  readonly desc: string;
  readonly fix: Fix;
}

/**
 * One problem, in ESLint's message shape. Lines and columns are 1-based; `endColumn` is exclusive
 * (the column just after the last character), as in ESLint.
 */
export interface LintMessage {
  readonly ruleId: string | null;
  readonly severity: 1 | 2;
  readonly message: string;
  readonly messageId?: string;
  /** The wrapped tool's code of the finding (`SC2086`), when the rule reported one; directives may name it. */
  readonly code?: string;
  /** Spans of the file (as `range`) holding a value the rule judged secret: output that copies file text masks them. */
  readonly secretRanges?: readonly OffsetRange[];
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** Offsets into the file's text (BOM excluded), for editors and fixers. */
  readonly range: readonly [number, number];
  /** A parse failure (`ruleId: null`) or a rule that threw (`internal: true`). */
  readonly fatal?: true;
  /** The rule threw: an internal error, reported with the rule's id; the run went on. */
  readonly internal?: true;
  readonly fix?: Fix;
  readonly suggestions?: readonly Suggestion[];
  readonly related?: readonly RelatedLocation[];
}

export interface LintResult {
  readonly filePath: string;
  readonly messages: readonly LintMessage[];
  /** Problems whose inline directive silenced them (kept for `--report-unused-disable-directives` and the LSP). */
  readonly suppressedMessages: readonly LintMessage[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly fatalErrorCount: number;
  readonly fixableErrorCount: number;
  readonly fixableWarningCount: number;
  /** The file's text as linted (without BOM). */
  readonly source?: string;
  /** The fixed text, when fixes were applied to this file (in memory or on disk). */
  readonly output?: string;
  /** The file starts with a BOM (kept when `output` is written). */
  readonly bom?: boolean;
}
