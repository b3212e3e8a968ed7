import path from 'node:path';
import { OverlayHost } from '../host/overlay-host.js';
import { classifyFile } from '../source/classify-file.js';
import { SourceFile, type FileKind } from '../source/source-file.js';
import type { LintResult } from '../types/results.js';
import { LintSession, type LintOptions } from './lint-session.js';

export interface LintTextOptions extends LintOptions {
  /** The path the text is linted as (its kind and cross-file facts come from it), relative to `cwd`. */
  readonly filePath: string;
  /** Overrides the kind the file name implies. */
  readonly kind?: FileKind;
  /**
   * Other files of the project as their text (absolute or relative to `cwd`), shown to rules in place
   * of what is on disk: unsaved editor buffers, or a whole virtual project.
   */
  readonly files?: Readonly<Record<string, string>>;
}

/**
 * Lints a text as if it were the file at `filePath`, with the project around it read from the host
 * (the file system by default) and `files` laid over it. Returns one result, in an array as ESLint does.
 */
export async function lintText(text: string, options: LintTextOptions): Promise<LintResult[]> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const filePath = path.resolve(cwd, options.filePath);
  const overlay = new Map<string, string>();
  for (const [name, content] of Object.entries(options.files ?? {})) overlay.set(path.resolve(cwd, name), content);
  overlay.set(filePath, text);
  const session = await LintSession.create(options);
  await session.prepareForFiles([filePath]);
  const host = new OverlayHost(session.host, overlay);
  const kind = options.kind ?? fallbackKind(filePath);
  const project = session.createProject([{ path: filePath, kind, explicit: true }], host);
  return [session.lintSource(project, SourceFile.fromText(filePath, text, kind))];
}

function fallbackKind(filePath: string): FileKind {
  const byName = classifyFile(path.basename(filePath));
  if (byName !== 'unknown') return byName;
  return /\.ya?ml$/i.test(filePath) ? 'compose' : 'dockerfile';
}
