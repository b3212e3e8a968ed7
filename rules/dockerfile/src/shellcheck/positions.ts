import type { OffsetRange } from '@docmind-docker-lint/core';
import { fileRangeOf } from '../utils/script-text.js';
import type { Replacement } from './runner.js';
import type { ShellcheckScript } from './scripts.js';

/** Lines written before the script: the shebang (dialect) and the `export` of the build's variables. */
const HEADER_LINES = 2;

/** The file ShellCheck reads for a script: shebang, exports, then the script text. */
export function shellcheckFileText(script: ShellcheckScript): string {
  const exports = script.exported.length > 0 ? `export ${script.exported.join(' ')}` : ':';
  return `#!/bin/${script.dialect}\n${exports}\n${script.script.text.slice(script.from)}`;
}

/** Maps ShellCheck's 1-based line and column (characters, tabs as one) in that file to the Dockerfile. */
export class PositionMapper {
  private readonly body: string;
  private readonly lineStarts: number[] = [0];

  constructor(private readonly script: ShellcheckScript) {
    this.body = script.script.text.slice(script.from);
    for (let index = 0; index < this.body.length; index++) if (this.body[index] === '\n') this.lineStarts.push(index + 1);
  }

  /** The index in `script.script.text` of a line and column, or `undefined` inside the header lines. */
  textIndex(line: number, column: number): number | undefined {
    if (line <= HEADER_LINES) return undefined;
    const bodyLine = line - HEADER_LINES - 1;
    if (bodyLine >= this.lineStarts.length) return this.script.from + this.body.length;
    const lineStart = this.lineStarts[bodyLine]!;
    const lineEnd = bodyLine + 1 < this.lineStarts.length ? this.lineStarts[bodyLine + 1]! - 1 : this.body.length;
    let index = lineStart;
    // Columns count code points: step over surrogate pairs as one character.
    for (let remaining = column - 1; remaining > 0 && index < lineEnd; remaining--) {
      const code = this.body.charCodeAt(index);
      index += code >= 0xd800 && code <= 0xdbff && index + 1 < lineEnd ? 2 : 1;
    }
    return this.script.from + Math.min(index, lineEnd);
  }

  /** The Dockerfile range of a finding; the start of the script for a place in the header lines. */
  fileRange(line: number, column: number, endLine: number, endColumn: number): OffsetRange {
    const start = this.textIndex(line, column);
    const end = this.textIndex(endLine, endColumn);
    if (start === undefined) {
      const first = this.script.script.starts[this.script.from]!;
      return [first, first];
    }
    return fileRangeOf(this.script.script, [start, Math.max(start, end ?? start)]);
  }

  /**
   * The Dockerfile edits of a ShellCheck fix, or `undefined` when one replacement cannot be made
   * exactly: it touches the header, it spans a line continuation, an escape sequence or a `\r`
   * Docker drops (the file's bytes there are not the script's), it writes a line break or the
   * Dockerfile's escape character (which could join lines), or two replacements meet.
   */
  edits(replacements: readonly Replacement[], escapeCharacter: string): { range: OffsetRange; text: string }[] | undefined {
    const { starts, ends } = this.script.script;
    const edits: { range: OffsetRange; text: string }[] = [];
    for (const replacement of replacements) {
      if (/[\r\n]/.test(replacement.replacement) || replacement.replacement.includes(escapeCharacter)) return undefined;
      const from = this.textIndex(replacement.line, replacement.column);
      const to = this.textIndex(replacement.endLine, replacement.endColumn);
      if (from === undefined || to === undefined || to < from) return undefined;
      for (let index = from; index < to; index++) {
        if (ends[index]! - starts[index]! !== 1) return undefined;
        if (index + 1 < to && starts[index + 1] !== ends[index]) return undefined;
      }
      const range: OffsetRange = from === to ? [starts[from]!, starts[from]!] : [starts[from]!, ends[to - 1]!];
      edits.push({ range, text: replacement.replacement });
    }
    edits.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
    for (let index = 1; index < edits.length; index++) {
      const [previous, current] = [edits[index - 1]!.range, edits[index]!.range];
      // Edits that meet at an insertion would depend on an order ShellCheck gives by other means.
      const apart = current[0] > previous[1] || (current[0] === previous[1] && previous[0] < previous[1] && current[0] < current[1]);
      if (!apart) return undefined;
    }
    return edits;
  }
}
