import type { OffsetRange } from '@docmind-docker-lint/fixer';

/** 1-based line, 1-based column (ESLint's output convention). */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

export type FileKind =
  | 'dockerfile'
  | 'compose'
  | 'dockerignore'
  | 'pyproject'
  | 'python-version'
  | 'env'
  | 'unknown';

/**
 * A file's text and the one place where offsets become lines and columns. Offsets are UTF-16 indices
 * into `text`, which never holds the BOM (`bom` remembers it so writes can restore it).
 */
export class SourceFile {
  readonly lineStarts: readonly number[];

  constructor(
    readonly path: string,
    readonly text: string,
    readonly kind: FileKind,
    readonly bom = false,
  ) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) starts.push(i + 1);
      else if (ch === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  /** Builds a SourceFile from raw text, removing and remembering a leading BOM. */
  static fromText(path: string, rawText: string, kind: FileKind): SourceFile {
    const bom = rawText.charCodeAt(0) === 0xfeff;
    return new SourceFile(path, bom ? rawText.slice(1) : rawText, kind, bom);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset -> 1-based line and column. Offsets past the end clamp to the end. */
  positionAt(offset: number): LineColumn {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - this.lineStarts[low]! + 1 };
  }

  /** 0-based line and character (LSP and dockerfile-ast convention) -> offset, clamped to the line. */
  offsetAt(line0: number, character: number): number {
    if (line0 < 0) return 0;
    if (line0 >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[line0]!;
    const end = this.lineEndOffset(line0);
    return Math.min(start + Math.max(0, character), end);
  }

  /** Offset of the end of a 0-based line, before its line break. */
  lineEndOffset(line0: number): number {
    const next = this.lineStarts[line0 + 1];
    if (next === undefined) return this.text.length;
    let end = next - 1;
    if (this.text.charCodeAt(end) === 10 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The text of a 0-based line without its line break. */
  lineText(line0: number): string {
    return this.text.slice(this.lineStarts[line0] ?? this.text.length, this.lineEndOffset(line0));
  }

  slice(range: OffsetRange): string {
    return this.text.slice(range[0], range[1]);
  }

  /** The line break this file uses most (for edits that add lines). */
  get eol(): '\n' | '\r\n' {
    const crlf = this.text.split('\r\n').length - 1;
    const lf = this.text.split('\n').length - 1 - crlf;
    return crlf > lf ? '\r\n' : '\n';
  }
}
