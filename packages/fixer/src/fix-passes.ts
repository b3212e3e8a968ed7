import { createHash } from 'node:crypto';
import { applyFixPass } from './apply-fixes.js';
import type { FileText, FileTexts, Fix } from './types.js';

/** Computes the fixes for the current texts; `pass` counts from 1. The result may be empty. */
export type GetFixes = (files: FileTexts, pass: number) => readonly Fix[];

export interface FixPassesOptions {
  /** Passes that may change the files; 10 as in ESLint. */
  readonly maxPasses?: number;
}

export type FixPassesStop =
  /** A pass found no fix to apply. */
  | 'clean'
  /** `maxPasses` passes changed the files; fixes may remain. */
  | 'max-passes'
  /** A pass would have brought back the content of an earlier pass; its result was dropped. */
  | 'cycle';

export interface FixPassesResult {
  /** Every existing file after the passes kept, created files included. */
  readonly files: Map<string, FileText>;
  /** Passes whose edits are in `files`. */
  readonly passes: number;
  /** Fixes applied in those passes. */
  readonly appliedCount: number;
  readonly stoppedBy: FixPassesStop;
  /** Paths whose final text differs from the initial one (or that were created). */
  readonly changedPaths: Set<string>;
}

/**
 * Applies fixes pass after pass, asking `getFixes` each time for fixes against the current texts, so a
 * fix deferred by a conflict is recomputed rather than replayed on stale offsets.
 */
export function runFixPasses(initial: FileTexts, getFixes: GetFixes, options: FixPassesOptions = {}): FixPassesResult {
  const maxPasses = options.maxPasses ?? 10;
  if (!Number.isInteger(maxPasses) || maxPasses < 1) {
    throw new RangeError(`maxPasses must be a positive integer, got ${maxPasses}.`);
  }

  let state: FileTexts = initial;
  const seen = new Set([hashState(state)]);
  let passes = 0;
  let appliedCount = 0;
  let stoppedBy: FixPassesStop = 'max-passes';
  while (passes < maxPasses) {
    const pass = applyFixPass(state, getFixes(state, passes + 1));
    if (pass.applied.length === 0) {
      stoppedBy = 'clean';
      break;
    }
    // The pass result lists existing files only; keep knowing which paths do not exist.
    const next = new Map([...state, ...pass.files]);
    const hash = hashState(next);
    if (seen.has(hash)) {
      stoppedBy = 'cycle';
      break;
    }
    seen.add(hash);
    state = next;
    passes += 1;
    appliedCount += pass.applied.length;
  }

  return { files: existingFiles(state), passes, appliedCount, stoppedBy, changedPaths: changedPaths(initial, state) };
}

/** A digest of every path's existence, BOM and text, independent of the map's order. */
function hashState(files: FileTexts): string {
  const hash = createHash('sha256');
  for (const path of [...files.keys()].sort()) {
    const file = files.get(path);
    // Length prefixes keep the concatenation unambiguous; UTF-16 keeps lone surrogates distinct.
    hash.update(`${path.length}:${path}`, 'utf16le');
    hash.update(file === undefined ? 'absent;' : `${file.bom ? 'bom' : 'plain'}:${file.text.length}:`, 'utf16le');
    if (file !== undefined) hash.update(file.text, 'utf16le');
  }
  return hash.digest('hex');
}

function existingFiles(files: FileTexts): Map<string, FileText> {
  const existing = new Map<string, FileText>();
  for (const [path, file] of files) if (file !== undefined) existing.set(path, file);
  return existing;
}

function changedPaths(initial: FileTexts, final: FileTexts): Set<string> {
  const changed = new Set<string>();
  for (const [path, file] of final) {
    const before = initial.get(path);
    if (file !== undefined && (before === undefined || before.text !== file.text || before.bom !== file.bom)) {
      changed.add(path);
    }
  }
  return changed;
}
