import path from 'node:path';
import { writeChangedFiles, type FileText, type WriteResult } from '@docmind-docker-lint/fixer';
import type { LintResult } from '../types/results.js';

/**
 * Writes the `output` of every result that has one, atomically, never through a link and never
 * outside `root` (default: the current folder). One failed write does not stop the others.
 */
export async function applyFixes(
  results: readonly LintResult[],
  options: { readonly root?: string } = {},
): Promise<WriteResult[]> {
  const files = new Map<string, FileText>();
  for (const result of results) {
    if (result.output === undefined || result.output === result.source) continue;
    files.set(result.filePath, { text: result.output, bom: result.bom ?? false });
  }
  return writeChangedFiles(files, files.keys(), { root: path.resolve(options.root ?? process.cwd()) });
}
