import path from 'node:path';
import { Minimatch } from 'minimatch';

const compiled = new Map<string, Minimatch>();

/** `absPath` relative to `baseDir`, with `/` separators; starts with `..` when outside it. */
export function relativePosix(baseDir: string, absPath: string): string {
  return path.relative(baseDir, absPath).split(path.sep).join('/');
}

/**
 * Whether a relative path matches a glob of a config (`overrides[].files`, `ignores`): minimatch with
 * dotfiles matched; a glob without a slash matches the base name at any depth (`Dockerfile*`), a
 * leading `/` anchors it to the config's folder. Paths outside the folder never match.
 */
export function matchesGlob(relativePath: string, glob: string): boolean {
  if (relativePath === '' || relativePath.startsWith('../') || relativePath === '..') return false;
  return matcherOf(glob).match(relativePath);
}

/**
 * What `ignores` globs say of a relative path: `true` ignored, `false` taken back by a `!glob`,
 * `undefined` when no glob matches. A glob matching one of the path's folders matches the path too
 * (`build/`, with its trailing slash, matches folders only). The last matching glob decides.
 */
export function ignoreVerdict(relativePath: string, globs: readonly string[]): boolean | undefined {
  if (relativePath === '' || relativePath.startsWith('../') || relativePath === '..') return undefined;
  const segments = relativePath.split('/');
  const folders = segments.slice(0, -1).map((_, index) => segments.slice(0, index + 1).join('/'));
  let verdict: boolean | undefined;
  for (const entry of globs) {
    const negated = entry.startsWith('!');
    const glob = negated ? entry.slice(1) : entry;
    const foldersOnly = glob.endsWith('/');
    const pattern = foldersOnly ? glob.slice(0, -1) : glob;
    if (pattern === '') continue;
    const hit = folders.some((folder) => matchesGlob(folder, pattern)) || (!foldersOnly && matchesGlob(relativePath, pattern));
    if (hit) verdict = !negated;
  }
  return verdict;
}

function matcherOf(glob: string): Minimatch {
  let matcher = compiled.get(glob);
  if (!matcher) {
    const anchored = glob.startsWith('/');
    const pattern = glob.replace(/^\.?\//, '');
    matcher = new Minimatch(pattern, { dot: true, matchBase: !anchored && !pattern.includes('/') });
    compiled.set(glob, matcher);
  }
  return matcher;
}
