import { parse as parseToml, TomlError } from 'smol-toml';
import type { SourceFile } from '../source/source-file.js';
import type { ParseProblem, PyprojectNode } from '../types/nodes.js';
import { errorMessage } from '../utils/error-message.js';

/**
 * Parses `pyproject.toml` with smol-toml. smol-toml gives values but no positions, so the range of
 * `requires-python` is found by locating its key inside the `[project]` table's lines.
 */
export function parsePyproject(file: SourceFile): PyprojectNode {
  const problems: ParseProblem[] = [];
  let data: Record<string, unknown> | null = null;
  try {
    data = parseToml(file.text);
  } catch (error) {
    const offset =
      error instanceof TomlError ? file.offsetAt(error.line - 1, error.column - 1) : 0;
    problems.push({ message: `TOML could not be parsed: ${firstLine(errorMessage(error))}`, range: [offset, offset] });
  }
  const project = data?.['project'];
  const value =
    project && typeof project === 'object' ? (project as Record<string, unknown>)['requires-python'] : undefined;
  let requiresPython: PyprojectNode['requiresPython'] = null;
  if (typeof value === 'string') {
    const range = locateProjectKey(file, 'requires-python');
    requiresPython = { value, range: range ?? [0, 0] };
  }
  return { type: 'Pyproject', file, range: [0, file.text.length], parseProblems: problems, data, requiresPython };
}

/** Range of the string value of `key = "..."` inside the `[project]` table. */
function locateProjectKey(file: SourceFile, key: string): [number, number] | null {
  let inProject = false;
  const keyPattern = new RegExp(`^\\s*["']?${key.replace(/-/g, '\\-')}["']?\\s*=\\s*`);
  for (let line0 = 0; line0 < file.lineCount; line0++) {
    const text = file.lineText(line0);
    const table = /^\s*\[([^\]]+)\]\s*(#.*)?$/.exec(text);
    if (table) {
      inProject = table[1]!.trim() === 'project';
      continue;
    }
    if (!inProject) continue;
    const match = keyPattern.exec(text);
    if (!match) continue;
    const valueStart = match[0].length;
    const quote = text[valueStart];
    const close = quote === '"' || quote === "'" ? text.indexOf(quote, valueStart + 1) : -1;
    const lineStart = file.lineStarts[line0]!;
    return [lineStart + valueStart, lineStart + (close === -1 ? text.length : close + 1)];
  }
  return null;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
