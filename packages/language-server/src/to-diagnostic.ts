import path from 'node:path';
import type { ConfigError, LintMessage, RelatedLocation } from '@docmind-docker-lint/core';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import { rangeOfOffsets, type DocumentView } from './offset-positions.js';

export const DIAGNOSTIC_SOURCE = 'docmind-docker-lint';

export interface DiagnosticOptions {
  /** The client shows related information (`publishDiagnostics.relatedInformation`). */
  readonly relatedInformation: boolean;
  /** The docs URL of a rule, when it has one. */
  docsUrl(ruleId: string): string | undefined;
  /** The URI a related file is known by (the open document's own URI when it is open). */
  uriOf(filePath: string): string;
}

/** One problem as an LSP diagnostic: the rule id as code, its docs as code description, exact range. */
export function toDiagnostic(message: LintMessage, view: DocumentView, options: DiagnosticOptions): Diagnostic {
  const url = message.ruleId ? options.docsUrl(message.ruleId) : undefined;
  const related = options.relatedInformation ? (message.related ?? []).map((location) => toRelated(location, options)) : [];
  return {
    range: rangeOfOffsets(view, message.range),
    severity: message.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    message: message.message,
    ...(message.ruleId ? { code: message.ruleId } : {}),
    ...(url ? { codeDescription: { href: url } } : {}),
    ...(related.length > 0 ? { relatedInformation: related } : {}),
  };
}

function toRelated(location: RelatedLocation, options: DiagnosticOptions): DiagnosticRelatedInformation {
  return {
    location: {
      uri: options.uriOf(location.filePath),
      range: {
        start: { line: location.line - 1, character: location.column - 1 },
        end: { line: location.endLine - 1, character: location.endColumn - 1 },
      },
    },
    message: location.message,
  };
}

/** A configuration that cannot be used, shown at the start of every document it concerns. */
export function configErrorDiagnostic(error: ConfigError, options: DiagnosticOptions): Diagnostic {
  const line = (error.line ?? 1) - 1;
  const character = (error.column ?? 1) - 1;
  const showsFile = options.relatedInformation && path.isAbsolute(error.filePath);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    message: `Configuration error: ${error.message}`,
    ...(showsFile
      ? {
          relatedInformation: [
            {
              location: { uri: options.uriOf(error.filePath), range: { start: { line, character }, end: { line, character } } },
              message: 'The configuration file.',
            },
          ],
        }
      : {}),
  };
}

/** The linter itself failed on a document: shown at its start rather than leaving stale problems. */
export function failureDiagnostic(error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    message: `docmind-docker-lint could not lint this document: ${reason}`,
  };
}
