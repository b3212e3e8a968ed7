// Runs the whole pipeline (all built-in rules, no config files) over a virtual project and checks the
// safety properties of issue 9. Shared by the property tests and the long fuzz run in bench/fuzz.
import path from 'node:path';
import { applyFixPass, type FileEdit, type FileText, type Fix } from '@docmind-docker-lint/fixer';
import { lintProject, MemoryHost, SourceFile, type LintMessage, type LintResult } from '@docmind-docker-lint/core';

/** The root of every virtual project. */
export const ROOT = path.resolve('/fuzz-project');

/** All built-in rules, no config files: what the property tests lint with. */
export const ALL_RULES = { useConfigFiles: false, baseConfig: { extends: ['all'] } } as const;

/** Project files by path relative to ROOT. */
export type ProjectFiles = Readonly<Record<string, string | Uint8Array>>;

export interface CheckStats {
  /** Problems reported on the original files. */
  problems: number;
  /** Files `--fix` changed. */
  filesFixed: number;
  /** Fixes applied in the first pass. */
  fixesApplied: number;
  /** Fixes the applier refused because they changed nothing. */
  noChangeFixes: number;
  /** Fixes refused because they create a file that exists but could not be read. */
  refusedCreates: number;
  /** Rule ids that reported something. */
  rules: Set<string>;
}

/** A property violation, with the project that shows it. */
export class PropertyViolation extends Error {
  override name = 'PropertyViolation';
}

const REFUSED_REASONS = new Set(['invalid-range', 'splits-surrogate-pair', 'edits-overlap', 'file-not-loaded', 'file-missing', 'file-exists', 'create-range-not-empty']);

function absolute(files: ProjectFiles): Record<string, string | Uint8Array> {
  return Object.fromEntries(Object.entries(files).map(([name, content]) => [path.join(ROOT, name), content]));
}

export async function lintFiles(files: ProjectFiles, fix = false, off: readonly string[] = []): Promise<LintResult[]> {
  const rules = Object.fromEntries(off.map((id) => [id, 'off' as const]));
  return lintProject({ ...ALL_RULES, cwd: ROOT, host: new MemoryHost(absolute(files)), fix, rules });
}

/**
 * Lints the project and fixes it as `--fix` does, checking:
 * - no exception escapes the engine and no rule fails (`internal: true`);
 * - every reported range, line and column lies inside its file and agrees with the range;
 * - every fix edit has a valid range in a known file; the applier refuses none as broken;
 * - the first fix pass (replayed here with the fixer's `applyFixPass`) keeps every byte outside the
 *   applied edits and the BOM;
 * - a fixed file has no parse error it did not have before;
 * - a second `--fix` over the fixed files changes nothing.
 */
export async function checkProject(files: ProjectFiles): Promise<CheckStats> {
  const stats: CheckStats = { problems: 0, filesFixed: 0, fixesApplied: 0, noChangeFixes: 0, refusedCreates: 0, rules: new Set() };
  const results = await lintFiles(files);
  checkResults(results, 'original');
  for (const result of results) for (const message of result.messages) {
    stats.problems++;
    if (message.ruleId) stats.rules.add(message.ruleId);
  }
  const fixes = results.flatMap((result) => result.messages.flatMap((message) => (message.fix ? [message.fix] : [])));
  if (fixes.length === 0) return stats;

  // The applier's view, as lintProject builds it: the linted texts; create targets that do not exist map to undefined.
  const state = new Map<string, FileText | undefined>();
  for (const result of results) if (result.source !== undefined) state.set(result.filePath, { text: result.source, bom: result.bom ?? false });
  const known = new Set(Object.keys(files).map((name) => path.join(ROOT, name)));
  for (const fix of fixes) {
    for (const edit of fix.edits) if (!state.has(edit.file) && !known.has(edit.file)) state.set(edit.file, undefined);
  }
  const pass = applyFixPass(state, fixes);
  for (const { fix, reason } of pass.rejected) {
    if (reason === 'no-change') stats.noChangeFixes++;
    // A create of a file that exists but could not be read (binary, invalid UTF-8): the applier's
    // contract refuses it, which is the safe outcome.
    else if (reason === 'file-not-loaded' && fix.edits.every((edit) => edit.create && known.has(edit.file))) stats.refusedCreates++;
    else if (REFUSED_REASONS.has(reason)) throw new PropertyViolation(`the applier refused a fix (${reason}) of ${ruleOfFix(results, fix)}: ${JSON.stringify(fix.edits)}`);
  }
  checkBytesOutsideEdits(state, pass.files, pass.applied);
  stats.fixesApplied = pass.applied.length;

  const fixed = await lintFiles(files, true);
  checkResults(fixed, 'after --fix');
  const originalFatal = fatalCounts(results);
  const output: Record<string, string | Uint8Array> = { ...files };
  for (const result of fixed) {
    if (result.output === undefined) continue;
    stats.filesFixed++;
    const after = fatalCounts([result]).get(result.filePath) ?? 0;
    if (after > (originalFatal.get(result.filePath) ?? 0)) {
      throw new PropertyViolation(`${rel(result.filePath)} has a parse error after fixing: ${result.messages.find((m) => m.fatal)?.message}\n--- fixed text ---\n${result.output}`);
    }
    const original = state.get(result.filePath);
    if (original && (result.bom ?? false) !== original.bom) throw new PropertyViolation(`BOM changed in ${rel(result.filePath)}`);
    output[rel(result.filePath)] = ((result.bom ?? false) ? '\ufeff' : '') + result.output;
  }
  const second = await lintFiles(output, true);
  for (const result of second) {
    if (result.output !== undefined && result.output !== result.source) {
      throw new PropertyViolation(`a second --fix still changes ${rel(result.filePath)}:\n${JSON.stringify(result.source)}\n->\n${JSON.stringify(result.output)}\nby ${JSON.stringify(ruleIdsWithFixes(second))}`);
    }
  }
  return stats;
}

/** No internal errors; every position inside its file and consistent with its offsets. */
export function checkResults(results: readonly LintResult[], when: string, root = ROOT): void {
  for (const result of results) {
    // Messages of a fixed file point into its output.
    const text = result.output ?? result.source ?? '';
    const source = new SourceFile(result.filePath, text, 'unknown');
    for (const message of [...result.messages, ...result.suppressedMessages]) {
      const where = `${when}: ${rel(result.filePath)} ${message.ruleId ?? 'parser'}: ${message.message}`;
      if (message.internal) throw new PropertyViolation(`internal error ${where}`);
      checkMessageRange(message, text, source, where);
      for (const fix of [message.fix, ...(message.suggestions ?? []).map((suggestion) => suggestion.fix)]) {
        if (!fix) continue;
        if (fix.edits.length === 0) throw new PropertyViolation(`fix without edits ${where}`);
        for (const edit of fix.edits) checkEdit(edit, result, results, where, root);
      }
    }
  }
}

function checkMessageRange(message: LintMessage, text: string, source: SourceFile, where: string): void {
  const [start, end] = message.range;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > text.length) {
    throw new PropertyViolation(`range [${start}, ${end}) outside the file (length ${text.length}) ${where}`);
  }
  const from = source.positionAt(start);
  const to = source.positionAt(end);
  if (from.line !== message.line || from.column !== message.column || to.line !== message.endLine || to.column !== message.endColumn) {
    throw new PropertyViolation(
      `line/column ${message.line}:${message.column}-${message.endLine}:${message.endColumn} disagree with range [${start}, ${end}) (${from.line}:${from.column}-${to.line}:${to.column}) ${where}`,
    );
  }
  for (const related of message.related ?? []) {
    if (related.line < 1 || related.column < 1 || related.endLine < related.line) throw new PropertyViolation(`related location out of range ${where}`);
  }
}

function checkEdit(edit: FileEdit, result: LintResult, results: readonly LintResult[], where: string, root: string): void {
  if (edit.create) {
    if (edit.range[0] !== 0 || edit.range[1] !== 0) throw new PropertyViolation(`create with a range ${where}`);
    return;
  }
  if (!edit.file.startsWith(root + path.sep)) throw new PropertyViolation(`fix edits a file outside the project: ${edit.file} ${where}`);
  const target = edit.file === result.filePath ? result : results.find((other) => other.filePath === edit.file);
  // A fixed file's messages (and their fixes) point into its output.
  const text = target?.output ?? target?.source;
  if (text === undefined) return; // another project file: the applier checks it
  const [start, end] = edit.range;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > text.length) {
    throw new PropertyViolation(`fix range [${start}, ${end}) outside ${rel(edit.file)} (length ${text.length}) ${where}`);
  }
}

/** Every applied edit's file keeps, in order, exactly the bytes between the edits. */
function checkBytesOutsideEdits(
  before: ReadonlyMap<string, FileText | undefined>,
  after: ReadonlyMap<string, FileText>,
  applied: readonly Fix[],
): void {
  const editsByFile = new Map<string, FileEdit[]>();
  for (const fix of applied) for (const edit of fix.edits) editsByFile.set(edit.file, [...(editsByFile.get(edit.file) ?? []), edit]);
  for (const [filePath, file] of after) {
    const original = before.get(filePath);
    const edits = (editsByFile.get(filePath) ?? []).filter((edit) => !edit.create).sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
    if (original === undefined) {
      if (!editsByFile.get(filePath)?.some((edit) => edit.create)) throw new PropertyViolation(`first fix pass: ${rel(filePath)} appeared without a create`);
      continue;
    }
    if (file.bom !== original.bom) throw new PropertyViolation(`first fix pass: BOM of ${rel(filePath)} changed`);
    if (edits.length === 0) {
      if (file.text !== original.text) throw new PropertyViolation(`first fix pass: ${rel(filePath)} changed without an edit`);
      continue;
    }
    let cursor = 0;
    let previousEnd = 0;
    for (const edit of edits) {
      const gap = original.text.slice(previousEnd, edit.range[0]);
      if (!file.text.startsWith(gap, cursor)) {
        throw new PropertyViolation(`first fix pass: bytes outside the edits of ${rel(filePath)} changed before offset ${edit.range[0]}`);
      }
      cursor += gap.length;
      if (!file.text.startsWith(edit.text, cursor)) throw new PropertyViolation(`first fix pass: edit text missing in ${rel(filePath)} at ${edit.range[0]}`);
      cursor += edit.text.length;
      previousEnd = edit.range[1];
    }
    if (file.text.slice(cursor) !== original.text.slice(previousEnd)) {
      throw new PropertyViolation(`first fix pass: bytes after the last edit of ${rel(filePath)} changed`);
    }
  }
}

function fatalCounts(results: readonly LintResult[]): Map<string, number> {
  return new Map(results.map((result) => [result.filePath, result.messages.filter((message) => message.fatal && !message.internal).length]));
}

function ruleOfFix(results: readonly LintResult[], fix: Fix): string {
  for (const result of results) for (const message of result.messages) if (message.fix === fix) return message.ruleId ?? 'parser';
  return 'unknown rule';
}

function ruleIdsWithFixes(results: readonly LintResult[]): string[] {
  return results.flatMap((result) => result.messages.filter((message) => message.fix).map((message) => `${rel(result.filePath)}:${message.ruleId}`));
}

function rel(filePath: string): string {
  return path.relative(ROOT, filePath);
}
