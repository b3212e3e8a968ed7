import type { OffsetRange } from './types.js';

export type RangeProblem = 'invalid-range' | 'splits-surrogate-pair';

/**
 * Why a range cannot be edited in `text`, or `undefined` when it can. An edge inside a surrogate pair
 * is refused because the half pair left behind would be written as U+FFFD, changing bytes outside the edit.
 */
export function findRangeProblem(text: string, range: OffsetRange): RangeProblem | undefined {
  const [start, end] = range;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > text.length) {
    return 'invalid-range';
  }
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) return 'splits-surrogate-pair';
  return undefined;
}

function splitsSurrogatePair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
