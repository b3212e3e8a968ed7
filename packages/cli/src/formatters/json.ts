import { toSingleEdit, type TextEdit } from '@docmind-docker-lint/fixer';
import type { Fix, LintMessage, LintResult, Suggestion } from '@docmind-docker-lint/core';
import { formatterOf, type StreamFormatter } from './formatter.js';
import { SecretValues, type SecretMask } from './mask-secrets.js';
import { Spill } from './spill.js';

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
 * nothing internal (`range`, `related`, `internal`, `bom`) leaks into it. The secret values of the whole
 * run are masked in every item, so the items wait (in a temporary file on a large run) until the last
 * result is in; each is kept as its JSON text, not as the result.
 */
export const jsonStream: StreamFormatter = (_context, write) => {
  const secrets = new SecretValues();
  const items = new Spill();
  return {
    add(result) {
      secrets.add(result);
      // One line per item: JSON text holds no raw line break.
      items.append(`${JSON.stringify(toJsonResult(result))}\n`);
    },
    dispose: () => items.dispose(),
    end() {
      const mask = secrets.mask();
      let separator = '[';
      items.readLines((line) => {
        write(separator + (mask ? JSON.stringify(maskJsonResult(JSON.parse(line) as JsonResult, mask)) : line));
        separator = ',';
      });
      write(separator === '[' ? '[]' : ']');
    },
  };
};

export const formatJson = formatterOf(jsonStream);

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

/** `toJsonResult(result, mask)` from `toJsonResult(result)`: the same fields, in the same order, with the texts masked. */
function maskJsonResult(item: JsonResult, mask: SecretMask): JsonResult {
  const maskFix = (fix: JsonFix): JsonFix => ({ ...fix, text: mask(fix.text) });
  const maskMessage = (message: JsonMessage): JsonMessage => ({
    ...message,
    ...(message.fix ? { fix: maskFix(message.fix) } : {}),
    ...(message.suggestions ? { suggestions: message.suggestions.map((suggestion) => ({ ...suggestion, fix: maskFix(suggestion.fix) })) } : {}),
  });
  return {
    ...item,
    messages: item.messages.map(maskMessage),
    suppressedMessages: item.suppressedMessages.map(maskMessage),
    ...(item.source !== undefined ? { source: mask(item.source) } : {}),
    ...(item.output !== undefined ? { output: mask(item.output) } : {}),
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
