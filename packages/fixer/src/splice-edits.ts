import type { TextEdit } from './types.js';

/**
 * The slice `[from, to)` of `text` with `edits` applied. The edits must be sorted by range, must not
 * overlap and must lie inside the slice. Every offset refers to the original text, so the result is built
 * front to back in one linear walk instead of re-slicing the whole text once per edit.
 */
export function spliceEdits(text: string, edits: readonly TextEdit[], from = 0, to = text.length): string {
  const parts: string[] = [];
  let cursor = from;
  for (const edit of edits) {
    parts.push(text.slice(cursor, edit.range[0]), edit.text);
    cursor = edit.range[1];
  }
  parts.push(text.slice(cursor, to));
  return parts.join('');
}
