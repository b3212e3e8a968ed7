import { detached, RecentByText, type OffsetRange } from '@docmind-docker-lint/core';

/**
 * A text to parse as a shell script, with the Dockerfile range of every character: Docker's line
 * continuations (and the comment and blank lines it drops inside them) are gone from `text`, quotes
 * and escapes of an enclosing string (`sh -c '...'`, a JSON exec-form element) are decoded, yet every
 * range of `text` maps back to the exact place in the Dockerfile.
 */
export interface ScriptText {
  readonly text: string;
  /** `starts[i]` is the Dockerfile offset where `text[i]` begins; one more entry maps the end of the text. */
  readonly starts: readonly number[];
  /** `ends[i]` is the Dockerfile offset where `text[i]` ends (past its escape sequence, when it had one). */
  readonly ends: readonly number[];
}

/** Ranges of a Dockerfile span that `dockerfileScriptText` treats specially. */
export interface ScriptTextOptions {
  /** Copied as they are: no continuation handling (heredoc bodies run as scripts). */
  readonly verbatim?: readonly OffsetRange[];
  /** Left out of the text (heredoc bodies, which the shell reads as input, not as commands). */
  readonly omitted?: readonly OffsetRange[];
  /** Replaced by spaces of the same length (heredoc markers whose bodies are left out). */
  readonly blanked?: readonly OffsetRange[];
}

/**
 * A script text whose offsets are kept as `shift` plus those of another text (a cached text whose
 * offsets are relative to its span): most scripts are only ever read through `fileRangeOf`, which
 * adds the shift itself, so the moved `starts` and `ends` arrays are built only when read.
 */
export class ShiftedScriptText implements ScriptText {
  readonly text: string;
  private readonly base: ScriptText;
  private readonly shift: number;
  private movedStarts: readonly number[] | undefined;
  private movedEnds: readonly number[] | undefined;

  /** `text`'s offsets moved by `shift` (0: the same offsets). */
  constructor(text: ScriptText, shift = 0) {
    const inner = text instanceof ShiftedScriptText ? text : null;
    this.text = text.text;
    this.base = inner ? inner.base : text;
    this.shift = (inner ? inner.shift : 0) + shift;
  }

  get starts(): readonly number[] {
    return (this.movedStarts ??= this.shift === 0 ? this.base.starts : this.base.starts.map((offset) => offset + this.shift));
  }

  get ends(): readonly number[] {
    return (this.movedEnds ??= this.shift === 0 ? this.base.ends : this.base.ends.map((offset) => offset + this.shift));
  }

  /** `starts[index]`, without building `starts`. */
  startAt(index: number): number {
    return this.base.starts[index]! + this.shift;
  }

  /** `ends[index]`, without building `ends`. */
  endAt(index: number): number {
    return this.base.ends[index]! + this.shift;
  }
}

/** The Dockerfile range of a range of offsets into `script.text` (empty ranges stay empty). */
export function fileRangeOf(script: ScriptText, range: OffsetRange): OffsetRange {
  const start = startAt(script, range[0]);
  if (range[1] <= range[0]) return [start, start];
  return [start, endAt(script, range[1] - 1)];
}

/** `script.starts[index]` (without building a shifted text's array). */
function startAt(script: ScriptText, index: number): number {
  return script instanceof ShiftedScriptText ? script.startAt(index) : script.starts[index]!;
}

/** `script.ends[index]` (without building a shifted text's array). */
function endAt(script: ScriptText, index: number): number {
  return script instanceof ShiftedScriptText ? script.endAt(index) : script.ends[index]!;
}

/**
 * The shell text of a span of a Dockerfile: `escape` + optional blanks + newline joins lines, and
 * comment lines and blank lines right after a continuation are dropped, as Docker does. A `\r` before
 * `\n` is left out everywhere, so CRLF files give the shell the script it would run.
 */
export function dockerfileScriptText(source: string, span: OffsetRange, escape: string, options: ScriptTextOptions = {}): ScriptText {
  // The result depends on the span's text (and the character after it, for a `\r` at its end), the
  // escape character and the option ranges relative to the span: it is kept that way, offsets
  // relative to the span, and only moved to where the span is now (an edit above it moves it).
  const [start, end] = span;
  const relative = (ranges: readonly OffsetRange[] | undefined): string =>
    ranges && ranges.length > 0 ? ranges.map(([from, to]) => `${from - start},${to - start}`).join(';') : '';
  const key = `${escape}\u0000${relative(options.verbatim)}\u0000${relative(options.omitted)}\u0000${relative(options.blanked)}\u0000${source.slice(start, end + 1)}`;
  let kept = recentTexts.get(key);
  if (!kept) {
    const placed = readScriptText(source, span, escape, options);
    kept = {
      text: detached(placed.text),
      starts: placed.starts.map((offset) => offset - start),
      ends: placed.ends.map((offset) => offset - start),
    };
    recentTexts.set(key, kept);
  }
  return new ShiftedScriptText(kept, start);
}

/** Script texts read recently, by `dockerfileScriptText`'s key, offsets relative to the span. */
const recentTexts = new RecentByText<ScriptText>(64 * 1024);

function readScriptText(source: string, span: OffsetRange, escape: string, options: ScriptTextOptions): ScriptText {
  const { verbatim = [], omitted = [], blanked = [] } = options;
  const starts: number[] = [];
  const ends: number[] = [];
  // The text is joined from slices of the source (runs of characters kept as they are) and blanks.
  const chunks: string[] = [];
  let runStart = span[0];
  let runEnd = span[0];
  const keep = (offset: number, blank: boolean): void => {
    if (!blank && source[offset] === '\r' && source[offset + 1] === '\n') return;
    starts.push(offset);
    ends.push(offset + 1);
    if (blank) {
      if (runEnd > runStart) chunks.push(source.slice(runStart, runEnd));
      chunks.push(' ');
      runStart = runEnd = offset + 1;
      return;
    }
    if (offset !== runEnd) {
      if (runEnd > runStart) chunks.push(source.slice(runStart, runEnd));
      runStart = offset;
    }
    runEnd = offset + 1;
  };
  const [start, end] = span;
  let i = start;
  while (i < end) {
    const skipped = rangeAt(omitted, i);
    if (skipped) {
      i = skipped[1];
      continue;
    }
    const copied = rangeAt(verbatim, i);
    if (copied) {
      for (const stop = Math.min(copied[1], end); i < stop; i++) keep(i, false);
      continue;
    }
    const continuation = source[i] === escape ? continuationEnd(source, i + 1, end) : -1;
    if (continuation >= 0) {
      i = skipDroppedLines(source, continuation, end);
      continue;
    }
    keep(i, rangeAt(blanked, i) !== undefined);
    i++;
  }
  if (runEnd > runStart) chunks.push(source.slice(runStart, runEnd));
  starts.push(end);
  return { text: chunks.join(''), starts, ends };
}

/** The first of `ranges` that holds `offset`. */
function rangeAt(ranges: readonly OffsetRange[], offset: number): OffsetRange | undefined {
  for (const range of ranges) if (offset >= range[0] && offset < range[1]) return range;
  return undefined;
}

/** After an escape character: the offset past `[ \t]*\r?\n` (or the span end), or -1 when the line goes on. */
function continuationEnd(source: string, from: number, end: number): number {
  let i = from;
  while (i < end && (source[i] === ' ' || source[i] === '\t')) i++;
  if (i >= end) return end;
  if (source[i] === '\r' && source[i + 1] === '\n') return i + 2;
  if (source[i] === '\n') return i + 1;
  return -1;
}

/** Skips the comment lines and blank lines Docker drops inside a continued instruction. */
function skipDroppedLines(source: string, from: number, end: number): number {
  let i = from;
  while (i < end) {
    const newline = source.indexOf('\n', i);
    const lineEnd = newline < 0 || newline >= end ? end : newline;
    const line = source.slice(i, lineEnd);
    const dropped = lineEnd === end ? /^[ \t]*#/.test(line) : /^[ \t]*(#.*)?\r?$/.test(line);
    if (!dropped) return i;
    i = lineEnd === end ? end : lineEnd + 1;
  }
  return i;
}

/**
 * A piece of a script text, re-based: character `i` of `value` was spelled by the characters
 * `spans[i]` (`[start, end)` indices into `outer.text`: one character, or an escape sequence such as
 * `\"`). Used for the decoded body of a quoted string (`sh -c '...'`, a JSON string).
 */
export function nestedScriptText(outer: ScriptText, value: string, spans: readonly OffsetRange[], endIndex: number): ScriptText {
  return {
    text: value,
    starts: [...spans.map(([from]) => startAt(outer, from)), startAt(outer, endIndex)],
    ends: spans.map(([, to]) => endAt(outer, to - 1)),
  };
}
