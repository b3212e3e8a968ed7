import { GLOBSTAR, minimatch, type Minimatch } from 'minimatch';
import type { DockerignoreEntry } from '../types/nodes.js';

/** One part of a compiled pattern alternative, as minimatch's `set` holds it. */
type PatternPart = Minimatch['set'][number][number] | false;

interface CompiledEntry {
  readonly entry: DockerignoreEntry;
  readonly test: (path: string) => boolean;
  /** The pattern's alternatives (brace expansions) as minimatch compiled them; `null` to use `test` on each prefix. */
  readonly alternatives: readonly (readonly PatternPart[])[] | null;
}

/**
 * Docker's `.dockerignore` semantics on minimatch: patterns are anchored at the context root, `*`
 * and `?` stay inside one path segment, `**` spans segments, a pattern that matches a folder
 * excludes everything in it, `!` re-includes, and the last matching pattern wins.
 *
 * A pattern decides a path when it matches the path or one of its folders. Asking minimatch about
 * every leading part of the path costs the square of its length per pattern; instead the path's
 * segments run once through the pattern's parts (minimatch's own compiled segments, so `*`, `?`,
 * classes and braces keep minimatch's meaning), which finds the shortest matching leading part in
 * one pass.
 */
export class DockerignoreMatcher {
  private readonly patterns: readonly CompiledEntry[];

  constructor(entries: readonly DockerignoreEntry[]) {
    this.patterns = entries.map((entry): CompiledEntry => {
      let matcher: Minimatch;
      try {
        matcher = new minimatch.Minimatch(escapeUnclosedBrackets(entry.pattern), { dot: true, nocomment: true, nonegate: true });
      } catch {
        // minimatch refuses patterns over 64 KiB ("pattern is too long"); such a line matches nothing.
        return { entry, test: () => false, alternatives: [] };
      }
      // On Windows minimatch also splits paths at `\`: keep its own matching there.
      const alternatives = matcher.isWindows ? null : matcher.empty ? [] : matcher.set;
      return { entry, test: (path: string) => matcher.match(path), alternatives };
    });
  }

  /** Whether a context-relative posix path (file or folder) is excluded from the build context. */
  isExcluded(relativePath: string): boolean {
    return this.lastMatch(relativePath)?.negated === false;
  }

  /** The last entry that decides the path, or `undefined` when none matches it or a parent. */
  lastMatch(relativePath: string): DockerignoreEntry | undefined {
    const segments = segmentsOf(relativePath);
    let decision: DockerignoreEntry | undefined;
    for (const pattern of this.patterns) {
      if (matchDepth(pattern, segments) !== -1) decision = pattern.entry;
    }
    return decision;
  }

  /**
   * For each entry, in order, how many leading segments of the path make the shortest part of it
   * that the entry's pattern matches (1 for its first folder, the segment count for the path
   * itself), or -1 when it matches neither the path nor any of its folders.
   */
  matchDepths(relativePath: string): number[] {
    const segments = segmentsOf(relativePath);
    return this.patterns.map((pattern) => matchDepth(pattern, segments));
  }
}

/**
 * The pattern with every `[` that no unescaped `]` follows written as `\[`. Minimatch reads such a
 * `[` as a literal either way, but finds that out by scanning to the end of the pattern from each
 * one: a line of 6,000 `[` took 40 s to compile.
 */
export function escapeUnclosedBrackets(pattern: string): string {
  if (!pattern.includes('[')) return pattern;
  let lastClose = -1;
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === ']') lastClose = i;
  }
  let escaped = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '\\') {
      escaped += pattern.slice(i, i + 2);
      i++;
    } else escaped += char === '[' && i > lastClose ? '\\[' : char;
  }
  return escaped;
}

function segmentsOf(relativePath: string): string[] {
  return relativePath.split('/').filter((segment) => segment !== '' && segment !== '.');
}

function matchDepth(pattern: CompiledEntry, segments: readonly string[]): number {
  if (pattern.alternatives === null) {
    let prefix = '';
    for (let depth = 1; depth <= segments.length; depth++) {
      prefix = depth === 1 ? segments[0]! : `${prefix}/${segments[depth - 1]}`;
      if (pattern.test(prefix)) return depth;
    }
    return -1;
  }
  let best = -1;
  for (const parts of pattern.alternatives) {
    const depth = shortestMatch(parts, segments, best === -1 ? segments.length : best - 1);
    if (depth !== -1) best = depth;
  }
  return best;
}

/**
 * The fewest leading segments (at most `limit`) that one pattern alternative matches, as minimatch's
 * `matchOne` would: a string part equals the segment, a regex part tests it, `**` takes any number of
 * segments but `.` and `..`, and a trailing `**` at least one. The positions of the pattern reached
 * after each segment are tracked together, so the pass is linear in the segments.
 */
function shortestMatch(parts: readonly PatternPart[], segments: readonly string[], limit: number): number {
  const end = parts.length;
  if (end === 0) return -1;
  let reached = new Uint8Array(end + 1);
  reached[0] = 1;
  skipGlobstars(parts, reached);
  for (let depth = 1; depth <= limit; depth++) {
    const segment = segments[depth - 1]!;
    const next = new Uint8Array(end + 1);
    let any = false;
    for (let at = 0; at < end; at++) {
      if (!reached[at]) continue;
      const part = parts[at]!;
      if (part === GLOBSTAR) {
        if (segment === '.' || segment === '..') continue;
        next[at] = 1;
        if (at === end - 1) next[end] = 1;
        any = true;
      } else if (part !== false && (typeof part === 'string' ? part === segment : part.test(segment))) {
        next[at + 1] = 1;
        any = true;
      }
    }
    if (!any) return -1;
    skipGlobstars(parts, next);
    if (next[end]) return depth;
    reached = next;
  }
  return -1;
}

/** A `**` that is not the last part may also take no segment: what reaches it reaches the next part. */
function skipGlobstars(parts: readonly PatternPart[], reached: Uint8Array): void {
  for (let at = 0; at < parts.length - 1; at++) if (reached[at] && parts[at] === GLOBSTAR) reached[at + 1] = 1;
}
