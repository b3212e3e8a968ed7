import { DockerignoreMatcher, type DockerignoreEntry } from '@docmind-docker-lint/core';

/** A path that is not clean already: a backslash, a leading, trailing or doubled `/`, a `.` or `..` part. */
const NEEDS_CLEANING = /\\|^\/|\/$|\/\/|(^|\/)\.\.?(\/|$)/;

/** Compiled matchers, by their lines: the same few patterns are asked about for every Dockerfile. */
const matchers = new Map<string, DockerignoreMatcher>();
/** Classifiers, by pattern list, with what they learnt about paths. */
const classifiers = new Map<string, PatternClassifier>();

/** A path as Docker compares it: posix, relative to the context root, without `.`, `..` or empty parts. */
export function cleanPath(value: string): string {
  if (!NEEDS_CLEANING.test(value)) return value;
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

/** A matcher for one `.dockerignore` line, with Docker's semantics, compiled once per process. */
export function cachedMatcher(line: string): DockerignoreMatcher {
  return cachedEntriesMatcher([entryOf(line)]);
}

/**
 * A matcher for `.dockerignore` entries, compiled once per process for each list of lines. Its
 * decisions are entries of the first list compiled with these lines: read their `negated`, not
 * their position.
 */
export function cachedEntriesMatcher(entries: readonly DockerignoreEntry[]): DockerignoreMatcher {
  const key = entries.map((entry) => `${entry.negated ? '!' : ''}${entry.pattern}`).join('\n');
  let matcher = matchers.get(key);
  if (!matcher) {
    matcher = new DockerignoreMatcher(entries);
    matchers.set(key, matcher);
  }
  return matcher;
}

/** The classifier for a list of patterns, shared by every file linted with the same list. */
export function patternClassifier(patterns: readonly string[]): PatternClassifier {
  const key = patterns.join('\n');
  let classifier = classifiers.get(key);
  if (!classifier) {
    classifier = new PatternClassifier(patterns);
    classifiers.set(key, classifier);
  }
  return classifier;
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
  private readonly patterns: readonly string[];
  private readonly matcher: DockerignoreMatcher;
  private readonly byPath = new Map<string, PatternHit | null>();

  constructor(patterns: readonly string[]) {
    this.patterns = patterns;
    this.matcher = new DockerignoreMatcher(patterns.map(entryOf));
  }

  classify(relativePath: string, isFolder = false): PatternHit | undefined {
    const cleaned = cleanPath(relativePath);
    if (cleaned === '') return undefined;
    const cacheKey = isFolder ? `${cleaned}/` : cleaned;
    const cached = this.byPath.get(cacheKey);
    if (cached !== undefined) return cached ?? undefined;
    // The outermost folder (or the path) that a pattern matches, and the first pattern that matches it.
    let depth = -1;
    let index = -1;
    this.matcher.matchDepths(cleaned).forEach((candidate, at) => {
      if (candidate !== -1 && (depth === -1 || candidate < depth)) [depth, index] = [candidate, at];
    });
    let hit: PatternHit | null = null;
    if (depth !== -1) {
      const segments = cleaned.split('/');
      hit = { key: segments.slice(0, depth).join('/'), pattern: this.patterns[index]!, folder: depth < segments.length || isFolder };
    }
    this.byPath.set(cacheKey, hit);
    return hit ?? undefined;
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
