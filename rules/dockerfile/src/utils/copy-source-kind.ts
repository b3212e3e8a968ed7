import type { CopyPath } from './copy-arguments.js';

/** What an ADD does with a source. */
export type CopySourceKind = 'url' | 'archive' | 'heredoc' | 'variable' | 'local';

/** Extensions hadolint counts as archives that ADD unpacks (`.zip` is not one: ADD copies it as it is). */
const ARCHIVE_EXTENSIONS = [
  '.tar', '.gz', '.bz2', '.xz', '.z', '.lz', '.lzma', '.tgz', '.tbz', '.tbz2', '.tb2', '.tz', '.tlz', '.tpz', '.txz',
];

/**
 * What a COPY/ADD source is: a remote URL or Git address (`https://...`, `git@host:repo`), a local
 * archive (by its extension), a heredoc, a path spelled with a variable, or a local path.
 */
export function copySourceKind(source: CopyPath): CopySourceKind {
  if (source.heredoc) return 'heredoc';
  const value = source.value;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^git@[^:]+:/.test(value)) return 'url';
  if (value.includes('$')) return 'variable';
  const lower = value.toLowerCase();
  return ARCHIVE_EXTENSIONS.some((extension) => lower.endsWith(extension)) ? 'archive' : 'local';
}
