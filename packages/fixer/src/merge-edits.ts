import { compareRanges } from './compare-ranges.js';
import { findRangeProblem } from './find-range-problem.js';
import { hasOverlap } from './has-overlap.js';
import { spliceEdits } from './splice-edits.js';
import type { TextEdit } from './types.js';

/**
 * Merges the edits one fix makes to one file into a single replacement from the first edit's start to
 * the last edit's end, keeping the text between them: the one-range `fix` of ESLint's JSON output.
 * Throws a `RangeError` for no edits, a range `text` cannot take, or overlapping edits.
 */
export function toSingleEdit(text: string, edits: readonly TextEdit[]): TextEdit {
  const sorted = [...edits].sort((a, b) => compareRanges(a.range, b.range));
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) throw new RangeError('toSingleEdit needs at least one edit.');
  for (const edit of sorted) {
    const problem = findRangeProblem(text, edit.range);
    if (problem !== undefined) throw new RangeError(`Cannot merge the edit of [${edit.range.join(', ')}]: ${problem}.`);
  }
  if (hasOverlap(sorted)) throw new RangeError('Cannot merge overlapping edits.');
  // Sorted edits without overlap end in order, so the last one ends furthest.
  const range = [first.range[0], last.range[1]] as const;
  return { range, text: spliceEdits(text, sorted, range[0], range[1]) };
}
