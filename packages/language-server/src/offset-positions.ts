import type { OffsetRange } from '@docmind-docker-lint/core';
import type { Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * A document as the core sees it: the core's offsets exclude a leading BOM, the editor's text may
 * hold one, so core offsets shift by `bomShift` in the editor's text.
 */
export interface DocumentView {
  readonly uri: string;
  /** The open document's version; `null` for a file read from disk. */
  readonly version: number | null;
  readonly document: TextDocument;
  readonly bomShift: 0 | 1;
}

export function bomShiftOf(text: string): 0 | 1 {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

export function rangeOfOffsets(view: DocumentView, range: OffsetRange): Range {
  return { start: positionOfOffset(view, range[0]), end: positionOfOffset(view, range[1]) };
}

export function positionOfOffset(view: DocumentView, offset: number): Position {
  return view.document.positionAt(offset + view.bomShift);
}

/** An editor range as core offsets (clamped to the text). */
export function offsetsOfRange(view: DocumentView, range: Range): OffsetRange {
  const offset = (position: Position): number => Math.max(0, view.document.offsetAt(position) - view.bomShift);
  return [offset(range.start), offset(range.end)];
}
