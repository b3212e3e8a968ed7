import { toSingleEdit, type TextEdit } from '@docmind-docker-lint/fixer';
import type { Fix, LintMessage, LintResult, Suggestion } from '@docmind-docker-lint/core';
import type { Formatter } from './formatter.js';
import { secretMaskOf, type SecretMask } from './mask-secrets.js';

/** A fix in ESLint's JSON shape: one replacement of the file's text. */
export interface JsonFix {
  readonly range: readonly [number, number];
  readonly text: string;
}

export interface JsonSuggestion {
  readonly desc: string;
  readonly messageId?: string;
  readonly fix: JsonFix;
}

export interface JsonMessage {
  readonly ruleId: string | null;
  readonly severity: 1 | 2;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly messageId?: string;
  /** The wrapped tool's code (`SC2086` of the shellcheck rule): an extra field ESLint's readers pass over. */
  readonly code?: string;
  readonly fatal?: true;
  readonly fix?: JsonFix;
  readonly suggestions?: readonly JsonSuggestion[];
}

export interface JsonResult {
  readonly filePath: string;
  readonly messages: readonly JsonMessage[];
  readonly suppressedMessages: readonly JsonMessage[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly fatalErrorCount: number;
  readonly fixableErrorCount: number;
  readonly fixableWarningCount: number;
  readonly source?: string;
  readonly output?: string;
}

/**
 * ESLint's JSON output, so tools that read ESLint results read ours. Fields are mapped one by one so
 * nothing internal (`range`, `related`, `internal`, `bom`) leaks into it.
 */
export const formatJson: Formatter = (results) => {
  const mask = secretMaskOf(results);
  return JSON.stringify(results.map((result) => toJsonResult(result, mask)));
};

/** One result in ESLint's shape; `mask` replaces secret values in the file texts it copies (see `secretMaskOf`). */
export function toJsonResult(result: LintResult, mask: SecretMask = (text) => text): JsonResult {
  // Messages of a fixed file point into the fixed text, so their fixes are merged against it.
  const text = result.output ?? result.source;
  const hasOutput = result.output !== undefined && result.output !== result.source;
  return {
    filePath: result.filePath,
    messages: result.messages.map((message) => toJsonMessage(message, result.filePath, text, mask)),
    suppressedMessages: result.suppressedMessages.map((message) => toJsonMessage(message, result.filePath, text, mask)),
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    fatalErrorCount: result.fatalErrorCount,
    fixableErrorCount: result.fixableErrorCount,
    fixableWarningCount: result.fixableWarningCount,
    // As ESLint: the source only when there are problems and no fixed output.
    ...(result.messages.length > 0 && !hasOutput && result.source !== undefined ? { source: mask(result.source) } : {}),
    ...(hasOutput && result.output !== undefined ? { output: mask(result.output) } : {}),
  };
}

function toJsonMessage(message: LintMessage, filePath: string, text: string | undefined, mask: SecretMask): JsonMessage {
  const fix = message.fix && toJsonFix(message.fix, filePath, text, mask);
  const suggestions = (message.suggestions ?? []).flatMap((suggestion) => toJsonSuggestion(suggestion, filePath, text, mask));
  return {
    ruleId: message.ruleId,
    severity: message.severity,
    message: message.message,
    line: message.line,
    column: message.column,
    endLine: message.endLine,
    endColumn: message.endColumn,
    ...(message.messageId !== undefined ? { messageId: message.messageId } : {}),
    ...(message.code !== undefined ? { code: message.code } : {}),
    ...(message.fatal ? { fatal: true as const } : {}),
    ...(fix ? { fix } : {}),
    ...(suggestions.length > 0 ? { suggestions } : {}),
  };
}

function toJsonSuggestion(suggestion: Suggestion, filePath: string, text: string | undefined, mask: SecretMask): JsonSuggestion[] {
  const fix = toJsonFix(suggestion.fix, filePath, text, mask);
  if (!fix) return [];
  return [{ desc: suggestion.desc, ...(suggestion.messageId !== undefined ? { messageId: suggestion.messageId } : {}), fix }];
}

/**
 * ESLint's format holds one range of the reported file. A fix that edits or creates another file
 * cannot be written so; it is left out (`--fix` still applies it).
 */
function toJsonFix(fix: Fix, filePath: string, text: string | undefined, mask: SecretMask): JsonFix | undefined {
  if (text === undefined || fix.edits.some((edit) => edit.file !== filePath || edit.create)) return undefined;
  let merged: TextEdit;
  try {
    merged = toSingleEdit(text, fix.edits);
  } catch {
    return undefined;
  }
  return { range: [merged.range[0], merged.range[1]], text: mask(merged.text) };
}
