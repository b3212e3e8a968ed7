import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeChangedFiles, type FileText, type TextEncoding, type WriteResult } from '@docmind-docker-lint/fixer';
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
    const encoding = result.source === undefined ? 'utf-8' : encodingIfStillReads(result.filePath, result.source);
    if (encoding === null) {
      changed.push({ path: result.filePath, ok: false, error: new Error(`${result.filePath} changed while it was being linted; its fixes were not written.`) });
      continue;
    }
    files.set(result.filePath, { text: result.output, bom: result.bom ?? false, encoding });
  }
  return [...changed, ...(await writeChangedFiles(files, files.keys(), { root: path.resolve(options.root ?? process.cwd()) }))];
}

/**
 * The file's encoding (so the fixed text is written in it) when it still holds the text it was linted
 * with, read as linting reads it; `null` when it changed or cannot be read.
 */
function encodingIfStillReads(filePath: string, source: string): TextEncoding | null {
  try {
    const bytes = readFileSync(filePath);
    const decoded = decodeBytes(bytes);
    if (!('text' in decoded) || decoded.text.replace(/^\uFEFF/, '') !== source) return null;
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
    return bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  } catch {
    return null;
  }
}
