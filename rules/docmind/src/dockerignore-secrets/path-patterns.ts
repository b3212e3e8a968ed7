import { DockerignoreMatcher, type DockerignoreEntry } from '@docmind-docker-lint/core';

/** A path as Docker compares it: posix, relative to the context root, without `.`, `..` or empty parts. */
export function cleanPath(value: string): string {
  const parts: string[] = [];
  for (const part of value.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/** A `.dockerignore` line as the core's matcher takes it (`!` negates). */
export function entryOf(line: string): DockerignoreEntry {
  const negated = line.startsWith('!');
  return { pattern: cleanPath(negated ? line.slice(1) : line), negated, line: 0, range: [0, 0] };
}

/** A matcher for `.dockerignore` lines, with Docker's semantics. */
export function matcherOf(lines: readonly string[]): DockerignoreMatcher {
  return new DockerignoreMatcher(lines.map(entryOf));
}

/** Whether a path can be written as a `.dockerignore` line that matches only itself. */
export function isLiteralPath(value: string): boolean {
  return value !== '' && !/[*?[\]\\]/.test(value) && !/^[#!]/.test(value) && value.trim() === value;
}

/** The shortest leading part of a path that a pattern matches, and that pattern. */
export interface PatternHit {
  readonly key: string;
  readonly pattern: string;
  /** The key is a folder (a leading part of the path, not the path itself). */
  readonly folder: boolean;
}

/**
 * Classifies context-relative paths by a list of `.dockerignore` patterns: a path matches when it
 * or one of its folders does, and the hit names the outermost such folder, so that one finding
 * stands for everything below it (`.venv/` rather than each file in it).
 */
export class PatternClassifier {
  private readonly matchers: readonly { readonly pattern: string; readonly matcher: DockerignoreMatcher }[];
  private readonly byPrefix = new Map<string, string | null>();

  constructor(patterns: readonly string[]) {
    this.matchers = patterns.map((pattern) => ({ pattern, matcher: matcherOf([pattern]) }));
  }

  classify(relativePath: string, isFolder = false): PatternHit | undefined {
    const segments = cleanPath(relativePath).split('/').filter((segment) => segment !== '');
    for (let length = 1; length <= segments.length; length++) {
      const key = segments.slice(0, length).join('/');
      const pattern = this.patternOf(key);
      if (pattern !== null) return { key, pattern, folder: length < segments.length || isFolder };
    }
    return undefined;
  }

  /**
   * The first pattern matching a prefix. Prefixes are asked outermost first and the search stops at
   * the first hit, so when this runs no shorter prefix matched and `lastMatch` speaks of this one.
   */
  private patternOf(prefix: string): string | null {
    const cached = this.byPrefix.get(prefix);
    if (cached !== undefined) return cached;
    const found = this.matchers.find(({ matcher }) => matcher.lastMatch(prefix) !== undefined)?.pattern ?? null;
    this.byPrefix.set(prefix, found);
    return found;
  }
}

/**
 * Whether a path may be sent although a pattern calls it a secret or an artifact: one of its parts
 * is an allowed name (`.env.example`), or it is (or lies in) an allowed path (`certs/dev.pem`).
 */
export function isAllowedPath(relativePath: string, allowedNames: readonly string[]): boolean {
  const cleaned = cleanPath(relativePath);
  const segments = cleaned.split('/');
  return allowedNames.some((name) => {
    const allowed = cleanPath(name);
    return allowed.includes('/') ? cleaned === allowed || cleaned.startsWith(`${allowed}/`) : segments.includes(allowed);
  });
}
