import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeChangedFiles, type FileText, type WriteResult } from '@docmind-docker-lint/fixer';
import { decodeBytes } from '../project/decode-text.js';
import type { LintResult } from '../types/results.js';

/**
 * Writes the `output` of every result that has one, atomically, never through a link and never
 * outside `root` (default: the current folder). A file whose bytes changed since it was linted is not
 * written (its fixes were computed on the old text). One failed write does not stop the others.
 */
export async function applyFixes(
  results: readonly LintResult[],
  options: { readonly root?: string } = {},
): Promise<WriteResult[]> {
  const files = new Map<string, FileText>();
  const changed: WriteResult[] = [];
  for (const result of results) {
    if (result.output === undefined || result.output === result.source) continue;
    if (result.source !== undefined && !stillReads(result.filePath, result.source)) {
      changed.push({ path: result.filePath, ok: false, error: new Error(`${result.filePath} changed while it was being linted; its fixes were not written.`) });
      continue;
    }
    files.set(result.filePath, { text: result.output, bom: result.bom ?? false });
  }
  return [...changed, ...(await writeChangedFiles(files, files.keys(), { root: path.resolve(options.root ?? process.cwd()) }))];
}

/** Whether the file still holds the text it was linted with, read as linting reads it. */
function stillReads(filePath: string, source: string): boolean {
  try {
    const decoded = decodeBytes(readFileSync(filePath));
    return 'text' in decoded && decoded.text.replace(/^\uFEFF/, '') === source;
  } catch {
    return false;
  }
}
