import type { SourceFile } from '../source/source-file.js';
import type { PythonVersionNode } from '../types/nodes.js';

/** `.python-version` (pyenv, uv): the first line that is not blank or a comment names the version. */
export function parsePythonVersion(file: SourceFile): PythonVersionNode {
  let version: PythonVersionNode['version'] = null;
  for (let line0 = 0; line0 < file.lineCount && !version; line0++) {
    const text = file.lineText(line0);
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const start = file.lineStarts[line0]! + text.indexOf(trimmed);
    version = { value: trimmed, range: [start, start + trimmed.length] };
  }
  return { type: 'PythonVersion', file, range: [0, file.text.length], parseProblems: [], version };
}
