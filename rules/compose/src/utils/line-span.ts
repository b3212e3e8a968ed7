import type { OffsetRange } from '@docmind-docker-lint/core';

/**
 * The whole lines from `start` to `end` with their line break, for removing a YAML entry: `null`
 * when something other than blanks stands before `start` on its line, or anything but blanks and a
 * comment after `end` on its line (another entry would go with it). A trailing comment goes with
 * the entry it ends.
 */
export function lineSpan(text: string, start: number, end: number): OffsetRange | null {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(lineStart, start).trim() !== '') return null;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline === -1 ? text.length : newline + 1;
  const after = text.slice(end, newline === -1 ? text.length : newline).trim();
  if (after !== '' && !after.startsWith('#')) return null;
  return [lineStart, lineEnd];
}

const SPACE = /\s/;

/**
 * Where `text.slice(start, end).trimEnd()` would end, without copying the slice (a block
 * collection's range runs over many lines): `trimEnd` drops what `\s` matches.
 */
export function trimmedEnd(text: string, start: number, end: number): number {
  let at = Math.min(end, text.length);
  if (at <= start) return start;
  while (at > start && SPACE.test(text[at - 1]!)) at--;
  return at;
}
