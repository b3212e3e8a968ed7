import { compareRanges } from './compare-ranges.js';
import type { OffsetRange } from './types.js';

/**
 * The ranges of one file already claimed by fixes accepted in this pass. A new fix's range conflicts
 * with a claimed one when they overlap or touch (share an endpoint), as in ESLint: the order of two
 * neighbouring fixes' texts would otherwise be a guess, and either fix may have been computed assuming
 * the other's neighbourhood unchanged. Two insertions at different offsets never touch.
 */
export class ClaimedRanges {
  /** Sorted by `compareRanges`. No two overlap, so their ends are sorted too. */
  readonly #ranges: OffsetRange[] = [];

  conflicts(range: OffsetRange): boolean {
    // The first claimed range ending at or after `range` starts has the smallest start of all that do.
    const candidate = this.#ranges[this.#firstIndex((claimed) => claimed[1] >= range[0])];
    return candidate !== undefined && candidate[0] <= range[1];
  }

  claim(range: OffsetRange): void {
    this.#ranges.splice(this.#firstIndex((claimed) => compareRanges(claimed, range) > 0), 0, range);
  }

  /** Binary search for the first range satisfying `isAtOrAfter`, which must hold for a suffix of the list. */
  #firstIndex(isAtOrAfter: (claimed: OffsetRange) => boolean): number {
    let low = 0;
    let high = this.#ranges.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (isAtOrAfter(this.#ranges[middle] as OffsetRange)) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}
