import type { SourceFile } from '../source/source-file.js';
import type { DockerignoreEntry, DockerignoreNode } from '../types/nodes.js';

/**
 * Reads `.dockerignore` lines as Docker does: `#` lines are comments, surrounding white space is
 * trimmed, `!` negates, a leading `/` is dropped (patterns are relative to the context root anyway)
 * and the path is cleaned (`./a` -> `a`, `a//b` -> `a/b`).
 */
export function parseDockerignore(file: SourceFile): DockerignoreNode {
  const entries: DockerignoreEntry[] = [];
  for (let line0 = 0; line0 < file.lineCount; line0++) {
    const text = file.lineText(line0);
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const negated = trimmed.startsWith('!');
    const pattern = cleanPattern(negated ? trimmed.slice(1).trim() : trimmed);
    if (pattern === '') continue;
    const start = file.lineStarts[line0]! + text.indexOf(trimmed);
    entries.push({ pattern, negated, line: line0 + 1, range: [start, start + trimmed.length] });
  }
  return { type: 'Dockerignore', file, range: [0, file.text.length], parseProblems: [], entries };
}

function cleanPattern(pattern: string): string {
  const parts: string[] = [];
  for (const part of pattern.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
