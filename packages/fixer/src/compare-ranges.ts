import type { OffsetRange } from './types.js';

/**
 * Orders ranges by start, then end. Callers rely on `Array.prototype.sort` being stable, so edits with
 * equal ranges (insertions at one offset) keep the order the rule gave them.
 */
export function compareRanges(a: OffsetRange, b: OffsetRange): number {
  return a[0] - b[0] || a[1] - b[1];
}
