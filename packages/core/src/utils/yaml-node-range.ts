import type { OffsetRange } from '@docmind-docker-lint/fixer';

/**
 * The offsets of a parsed YAML node's value (`yaml`'s `range` is `[start, valueEnd, nodeEnd]`; the
 * node end includes trailing comments and blank lines, which a problem should not cover).
 */
export function nodeRange(node: { range?: readonly [number, number, number] | null | undefined }): OffsetRange {
  const range = node.range;
  if (!range) return [0, 0];
  return [range[0], range[1]];
}
