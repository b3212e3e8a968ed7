import type { OffsetRange } from '@docmind-docker-lint/core';

/**
 * The range of `part` inside a scalar's source (`range`), searched from offset `from` of that
 * source; the whole range when the part is not written there as it is (escapes, folding).
 */
export function scalarPartRange(text: string, range: OffsetRange, part: string, from = 0): { range: OffsetRange; exact: boolean } {
  const index = part === '' ? -1 : text.slice(range[0], range[1]).indexOf(part, from);
  if (index === -1) return { range, exact: false };
  const start = range[0] + index;
  return { range: [start, start + part.length], exact: true };
}
