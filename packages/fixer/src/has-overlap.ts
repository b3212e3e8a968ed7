import type { TextEdit } from './types.js';

/**
 * Whether edits sorted by `compareRanges` overlap. Checking neighbours is enough: in a sorted list
 * without overlap every edit ends before the next one starts. Edits that only touch (`[1, 3)` then
 * `[3, 5)`, or two insertions at one offset) do not overlap: their result is well defined.
 */
export function hasOverlap(sortedEdits: readonly TextEdit[]): boolean {
  return sortedEdits.some((edit, index) => {
    const previous = sortedEdits[index - 1];
    return previous !== undefined && edit.range[0] < previous.range[1];
  });
}
