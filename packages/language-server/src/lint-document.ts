import { ConfigError, OverlayHost, type FileKind, type LintResult, type LintSession, type Project, type ProjectHost } from '@docmind-docker-lint/core';
import type { Dependencies } from './dependency-index.js';
import { RecordingHost } from './recording-host.js';

/** A document to lint: the path it is linted as (virtual for `untitled:` documents) and its kind. */
export interface LintTarget {
  readonly uri: string;
  readonly path: string;
  readonly kind: FileKind;
}

export type LintOutcome =
  | {
      readonly type: 'linted';
      readonly result: LintResult;
      readonly dependencies: Dependencies;
      /** The project model of the lint: it holds the document as parsed (for code actions). */
      readonly project: Project;
    }
  /** The config's `ignores` exclude the document: no problems, as the CLI would show none. */
  | { readonly type: 'ignored'; readonly dependencies: Dependencies }
  | { readonly type: 'config-error'; readonly error: ConfigError }
  | { readonly type: 'failed'; readonly error: unknown };

/**
 * Lints one document as the CLI would lint the file: through the session's `lintFile` (size limit,
 * decoding, parse problems), over a fresh project model whose host (`files`: the root's files) shows every
 * open document's text in place of the file on disk, and records what the lint read, so the server knows which changes
 * concern this document. Never throws: config errors and failures are outcomes.
 */
export function lintDocument(
  session: LintSession,
  files: ProjectHost,
  target: LintTarget,
  openTexts: ReadonlyMap<string, string>,
): LintOutcome {
  const host = new RecordingHost(new OverlayHost(files, openTexts));
  const dependencies: Dependencies = { files: host.files, folders: host.folders };
  try {
    if (session.isIgnored(target.path)) return { type: 'ignored', dependencies };
    const file = { path: target.path, kind: target.kind, explicit: true };
    const project = session.createProject([file], host);
    return { type: 'linted', result: session.lintFile(project, file), dependencies, project };
  } catch (error) {
    return error instanceof ConfigError ? { type: 'config-error', error } : { type: 'failed', error };
  }
}
