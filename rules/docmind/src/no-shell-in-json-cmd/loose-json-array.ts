import type { OffsetRange } from '@docmind-docker-lint/core';

export type LooseJsonMistake = 'single quotes' | 'a trailing comma';

/** An almost-JSON array of strings, and the edits that make it JSON. */
export interface LooseJsonArray {
  /** From `[` to `]`, in file offsets. */
  readonly range: OffsetRange;
  readonly mistakes: readonly LooseJsonMistake[];
  readonly edits: readonly { readonly range: OffsetRange; readonly text: string }[];
}

/**
 * Reads `['a', "b",]`-style text: an array of quoted strings that JSON.parse refuses only because of
 * single quotes or a trailing comma (Docker then runs the text as a shell command line). Anything
 * else starting with `[` (`[ -f x ]`, `[ "$a" = b ]`) is not recognised. Line continuations
 * (escape character + line break) are skipped as the Dockerfile parser skips them.
 */
export function readLooseJsonArray(text: string, [start, end]: OffsetRange, escapeCharacter: string): LooseJsonArray | null {
  // Map each character kept after removing continuations back to its offset in the file.
  const offsets: number[] = [];
  let joined = '';
  const continuation = new RegExp(`${escapeCharacter.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}[ \\t]*\\r?\\n`, 'y');
  for (let index = start; index < end; index++) {
    continuation.lastIndex = index;
    const skipped = text[index] === escapeCharacter ? continuation.exec(text) : null;
    if (skipped) {
      index += skipped[0].length - 1;
      continue;
    }
    offsets.push(index);
    joined += text[index];
  }
  const scanned = scan(joined);
  if (!scanned || scanned.edits.length === 0) return null;
  let repaired = joined;
  for (const edit of [...scanned.edits].reverse()) {
    repaired = repaired.slice(0, edit.start) + edit.text + repaired.slice(edit.end);
  }
  let values: unknown;
  try {
    values = JSON.parse(repaired);
  } catch {
    return null;
  }
  if (!Array.isArray(values) || !values.every((value) => typeof value === 'string')) return null;
  const toFile = (from: number, to: number): OffsetRange => [offsets[from]!, offsets[to - 1]! + 1];
  return {
    range: toFile(0, scanned.end),
    mistakes: [...new Set(scanned.edits.map((edit) => edit.mistake))],
    edits: scanned.edits.map((edit) => ({ range: toFile(edit.start, edit.end), text: edit.text })),
  };
}

interface ScanEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly mistake: LooseJsonMistake;
}

/** Walks `[ string (, string)* ,? ]` and nothing after it but whitespace; `null` on anything else. */
function scan(joined: string): { edits: ScanEdit[]; end: number } | null {
  if (!joined.startsWith('[')) return null;
  const edits: ScanEdit[] = [];
  const skipSpace = (from: number): number => {
    let index = from;
    while (index < joined.length && /\s/.test(joined[index]!)) index++;
    return index;
  };
  let index = skipSpace(1);
  while (joined[index] !== ']') {
    const quote = joined[index];
    if (quote !== '"' && quote !== "'") return null;
    let close = index + 1;
    while (close < joined.length && joined[close] !== quote) close += joined[close] === '\\' ? 2 : 1;
    if (close >= joined.length) return null;
    if (quote === "'") {
      edits.push({ start: index, end: close + 1, text: `"${toJsonBody(joined.slice(index + 1, close))}"`, mistake: 'single quotes' });
    }
    index = skipSpace(close + 1);
    if (joined[index] === ',') {
      const comma = index;
      index = skipSpace(index + 1);
      if (joined[index] === ']') edits.push({ start: comma, end: comma + 1, text: '', mistake: 'a trailing comma' });
    } else if (joined[index] !== ']') {
      return null;
    }
  }
  const end = index + 1;
  return joined.slice(end).trim() === '' ? { edits, end } : null;
}

/** The body of a single-quoted string as a JSON string body: `\'` becomes `'`, a bare `"` is escaped. */
function toJsonBody(body: string): string {
  return body.replace(/\\'|\\.|"/g, (match) => (match === "\\'" ? "'" : match === '"' ? '\\"' : match));
}
