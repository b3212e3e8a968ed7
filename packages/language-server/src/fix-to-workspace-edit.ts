import type { Fix } from '@docmind-docker-lint/core';
import type { CreateFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { rangeOfOffsets, type DocumentView } from './offset-positions.js';
import { uriOfPath } from './uri-path.js';

/** What the client can apply (`workspace.workspaceEdit` capabilities). */
export interface EditSupport {
  /** Versioned `documentChanges`. */
  readonly documentChanges: boolean;
  /** `create` resource operations inside `documentChanges`. */
  readonly createFiles: boolean;
}

export interface ConvertedFix {
  readonly edit: WorkspaceEdit;
  /** The client can apply the edit as the linter means it; `false` when it creates a file the client cannot create. */
  readonly complete: boolean;
}

/**
 * A fix (edits in one or more files, maybe creating one) as a WorkspaceEdit. Edits of the linted
 * document and other open documents carry their versions; files the fix creates become `create`
 * operations when the client supports them, else plain edits of the new file's URI (a client that
 * opens a buffer for it can still apply them, and the action is offered as a suggestion only).
 * `undefined` when a file the fix edits can no longer be read.
 */
export function fixToWorkspaceEdit(
  fix: Fix,
  viewOf: (filePath: string) => DocumentView | undefined,
  support: EditSupport,
): ConvertedFix | undefined {
  const byFile = new Map<string, { view: DocumentView | undefined; create: boolean; edits: TextEdit[] }>();
  for (const edit of fix.edits) {
    let entry = byFile.get(edit.file);
    if (!entry) {
      entry = { view: edit.create ? undefined : viewOf(edit.file), create: edit.create === true, edits: [] };
      if (!entry.create && !entry.view) return undefined;
      byFile.set(edit.file, entry);
    }
    const range = entry.view ? rangeOfOffsets(entry.view, edit.range) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    entry.edits.push({ range, newText: edit.text });
  }
  const creates = [...byFile.values()].some((entry) => entry.create);
  const complete = !creates || (support.documentChanges && support.createFiles);
  if (!support.documentChanges || !complete) {
    const changes: Record<string, TextEdit[]> = {};
    for (const [filePath, entry] of byFile) changes[entry.view?.uri ?? uriOfPath(filePath)] = entry.edits;
    return { edit: { changes }, complete };
  }
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  for (const [filePath, entry] of byFile) {
    const uri = entry.view?.uri ?? uriOfPath(filePath);
    if (entry.create) documentChanges.push({ kind: 'create', uri, options: { ignoreIfExists: true } });
    documentChanges.push({ textDocument: { uri, version: entry.view?.version ?? null }, edits: entry.edits });
  }
  return { edit: { documentChanges }, complete };
}
