import { minimatch, type Minimatch } from 'minimatch';
import type { DockerignoreEntry } from '../types/nodes.js';

/**
 * Docker's `.dockerignore` semantics on minimatch: patterns are anchored at the context root, `*`
 * and `?` stay inside one path segment, `**` spans segments, a pattern that matches a folder
 * excludes everything in it, `!` re-includes, and the last matching pattern wins.
 */
export class DockerignoreMatcher {
  private readonly patterns: readonly { readonly entry: DockerignoreEntry; readonly test: (path: string) => boolean }[];

  constructor(entries: readonly DockerignoreEntry[]) {
    this.patterns = entries.map((entry) => {
      let matcher: Minimatch;
      try {
        matcher = new minimatch.Minimatch(entry.pattern, { dot: true, nocomment: true, nonegate: true });
      } catch {
        // minimatch refuses patterns over 64 KiB ("pattern is too long"); such a line matches nothing.
        return { entry, test: () => false };
      }
      return { entry, test: (path: string) => matcher.match(path) };
    });
  }

  /** Whether a context-relative posix path (file or folder) is excluded from the build context. */
  isExcluded(relativePath: string): boolean {
    return this.lastMatch(relativePath)?.negated === false;
  }

  /** The last entry that decides the path, or `undefined` when none matches it or a parent. */
  lastMatch(relativePath: string): DockerignoreEntry | undefined {
    const segments = relativePath.split('/').filter((segment) => segment !== '' && segment !== '.');
    const prefixes = segments.map((_, index) => segments.slice(0, index + 1).join('/'));
    let decision: DockerignoreEntry | undefined;
    for (const { entry, test } of this.patterns) {
      if (prefixes.some((prefix) => test(prefix))) decision = entry;
    }
    return decision;
  }
}
