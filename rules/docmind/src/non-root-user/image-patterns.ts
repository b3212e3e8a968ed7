import { isDockerHub, type ImageReference } from '@docmind-docker-lint/core';

/**
 * Whether an image matches a list of patterns, `.dockerignore` style: `*` matches any run of
 * characters (slashes and colons included), a leading `!` excludes, and the last matching pattern
 * wins. The image is matched as `[registry/]name:tag`, Docker Hub's registry left out and a missing
 * tag read as `latest`.
 */
export function matchesImagePatterns(image: ImageReference, patterns: readonly string[]): boolean {
  const registry = image.registry && !isDockerHub(image) ? `${image.registry}/` : '';
  const reference = `${registry}${image.name}:${image.tag ?? 'latest'}`;
  let matched = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    if (wildcardMatch(negated ? pattern.slice(1) : pattern, reference)) matched = !negated;
  }
  return matched;
}

/**
 * Whether `text` matches a pattern whose only wildcard is `*` (any run of characters). The pieces
 * between stars are found leftmost first, which is enough for `*` alone, in time linear in the text for
 * a given pattern (a regular expression `^.*:.*-nonroot$` backtracks on long runs of `:`).
 */
export function wildcardMatch(pattern: string, text: string): boolean {
  const pieces = pattern.split('*');
  const first = pieces[0]!;
  if (pieces.length === 1) return pattern === text;
  const last = pieces[pieces.length - 1]!;
  if (first.length + last.length > text.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  const end = text.length - last.length;
  let at = first.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = text.indexOf(piece, at);
    if (found === -1 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}
