import { ClaimedRanges } from './claimed-ranges.js';
import { compareRanges } from './compare-ranges.js';
import { findRangeProblem } from './find-range-problem.js';
import { hasOverlap } from './has-overlap.js';
import { spliceEdits } from './splice-edits.js';
import type { FileEdit, FileText, FileTexts, Fix } from './types.js';

/** Why a fix can never be applied to the files it was given. */
export type FixRejectionReason =
  /** The fix has no edits, or each of its edits replaces a range with the text already there. */
  | 'no-change'
  /** Two edits of the fix overlap, or a file the fix creates has other edits in the same fix. */
  | 'edits-overlap'
  /** A range is not `[start, end)` with integers `0 <= start <= end <= text.length`. */
  | 'invalid-range'
  /** A range starts or ends between the two halves of a surrogate pair. */
  | 'splits-surrogate-pair'
  /** The fix touches a path absent from the files map, so the applier cannot know what is there. */
  | 'file-not-loaded'
  /** An edit (not a create) of a file that does not exist. */
  | 'file-missing'
  /** A create of a file that exists. */
  | 'file-exists'
  /** A create whose range is not `[0, 0]`. */
  | 'create-range-not-empty';

export interface RejectedFix {
  readonly fix: Fix;
  readonly reason: FixRejectionReason;
}

export interface FixPassResult {
  /** Every existing file after the pass: the input's files, edited, plus the files created. */
  readonly files: Map<string, FileText>;
  readonly applied: Fix[];
  /** Valid fixes that conflict with a fix applied in this pass; ask for them again on the next pass. */
  readonly deferred: Fix[];
  readonly rejected: RejectedFix[];
  /** Paths whose text differs from the input, created files included. */
  readonly changedPaths: Set<string>;
}

/**
 * Applies every fix that fits in one pass. Fixes are taken in the order of their first edit by (file,
 * start, end), ties in the given order; a fix is applied with all its edits or not at all.
 */
export function applyFixPass(files: FileTexts, fixes: readonly Fix[]): FixPassResult {
  const applied: Fix[] = [];
  const deferred: Fix[] = [];
  const rejected: RejectedFix[] = [];
  const claimed = new Map<string, ClaimedRanges>();
  const created = new Set<string>();
  const acceptedEdits: FileEdit[] = [];

  for (const { fix, edits } of inApplyOrder(fixes)) {
    const reason = findRejectionReason(files, edits);
    if (reason !== undefined) {
      rejected.push({ fix, reason });
      continue;
    }
    const conflicts = edits.some((edit) =>
      edit.create ? created.has(edit.file) : (claimed.get(edit.file)?.conflicts(edit.range) ?? false),
    );
    if (conflicts) {
      deferred.push(fix);
      continue;
    }
    for (const edit of edits) {
      if (edit.create) created.add(edit.file);
      else claimedRangesOf(claimed, edit.file).claim(edit.range);
    }
    applied.push(fix);
    acceptedEdits.push(...edits);
  }

  const { files: output, changedPaths } = applyEdits(files, acceptedEdits);
  return { files: output, applied, deferred, rejected, changedPaths };
}

interface OrderedFix {
  readonly fix: Fix;
  /** The fix's edits sorted by (file, start, end), ties in the given order. */
  readonly edits: readonly FileEdit[];
}

function inApplyOrder(fixes: readonly Fix[]): OrderedFix[] {
  return fixes
    .map((fix) => ({ fix, edits: [...fix.edits].sort(compareFileEdits) }))
    .sort((a, b) => {
      const [firstOfA] = a.edits;
      const [firstOfB] = b.edits;
      // Fixes without edits are rejected anyway; they go first so the comparison stays consistent.
      if (firstOfA === undefined) return firstOfB === undefined ? 0 : -1;
      if (firstOfB === undefined) return 1;
      return compareFileEdits(firstOfA, firstOfB);
    });
}

function compareFileEdits(a: FileEdit, b: FileEdit): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return compareRanges(a.range, b.range);
}

function findRejectionReason(files: FileTexts, sortedEdits: readonly FileEdit[]): FixRejectionReason | undefined {
  let changes = false;
  for (const edit of sortedEdits) {
    if (!files.has(edit.file)) return 'file-not-loaded';
    const current = files.get(edit.file);
    if (edit.create) {
      if (current !== undefined) return 'file-exists';
      if (edit.range[0] !== 0 || edit.range[1] !== 0) return 'create-range-not-empty';
      changes = true;
    } else {
      if (current === undefined) return 'file-missing';
      const problem = findRangeProblem(current.text, edit.range);
      if (problem !== undefined) return problem;
      changes ||= current.text.slice(edit.range[0], edit.range[1]) !== edit.text;
    }
  }
  for (const editsOfFile of groupByFile(sortedEdits).values()) {
    // A create stands for the whole file, so nothing else in the fix may edit that file.
    const createsWithOthers = editsOfFile.length > 1 && editsOfFile.some((edit) => edit.create);
    if (createsWithOthers || hasOverlap(editsOfFile)) return 'edits-overlap';
  }
  return changes ? undefined : 'no-change';
}

function claimedRangesOf(claimed: Map<string, ClaimedRanges>, file: string): ClaimedRanges {
  let ranges = claimed.get(file);
  if (ranges === undefined) {
    ranges = new ClaimedRanges();
    claimed.set(file, ranges);
  }
  return ranges;
}

function applyEdits(
  files: FileTexts,
  edits: readonly FileEdit[],
): { files: Map<string, FileText>; changedPaths: Set<string> } {
  const output = new Map<string, FileText>();
  for (const [path, current] of files) if (current !== undefined) output.set(path, current);
  const changedPaths = new Set<string>();

  for (const [path, editsOfFile] of groupByFile(edits)) {
    const [first] = editsOfFile;
    const current = files.get(path);
    if (first?.create) {
      output.set(path, { text: first.text, bom: false });
      changedPaths.add(path);
    } else if (current !== undefined) {
      const text = spliceEdits(current.text, [...editsOfFile].sort(compareFileEdits));
      if (text !== current.text) {
        output.set(path, { text, bom: current.bom });
        changedPaths.add(path);
      }
    }
  }
  return { files: output, changedPaths };
}

/** `Map.groupBy` arrived in Node 21; the package supports Node 20. */
function groupByFile(edits: readonly FileEdit[]): Map<string, FileEdit[]> {
  const groups = new Map<string, FileEdit[]>();
  for (const edit of edits) {
    const group = groups.get(edit.file);
    if (group === undefined) groups.set(edit.file, [edit]);
    else group.push(edit);
  }
  return groups;
}
