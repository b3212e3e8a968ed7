import type { Directive, DirectiveComment, LineSpan } from './directive.js';

const OURS = /^docmind-docker-lint-(disable-next-line|disable-file)(?=\s|$)(.*)$/s;
// hadolint's grammar: lowercase `hadolint`, then `ignore=`, `global ignore=` or `stage ignore=`, codes of [DLSC0-9] only.
const HADOLINT = /^[ \t]*hadolint[ \t]+(?:(global|stage)[ \t]+)?ignore[ \t]*=(.*)$/s;
const HADOLINT_CODE = /^[DLSC0-9]+$/;
// BuildKit's parser directive line (`parser/directives.go`): `# key=value`, key case-insensitive.
const PARSER_DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const PARSER_DIRECTIVE_KEYS = new Set(['syntax', 'escape', 'check']);

/**
 * Reads the inline directives of a Dockerfile or YAML file from its `#` comments: ours
 * (`docmind-docker-lint-disable-next-line`, `docmind-docker-lint-disable-file`) and the peers' pragmas
 * (`# hadolint ignore=`, `# hadolint global ignore=`, BuildKit's `# check=skip=`).
 *
 * A directive for the next line covers the next line that is neither blank nor a comment, and all the
 * lines of the instruction starting there, as `spanOfLineAt` tells.
 */
export function parseDirectives(
  text: string,
  comments: readonly DirectiveComment[],
  lineOf: (offset: number) => number,
  spanOfLineAt: (line: number) => LineSpan = (line) => ({ startLine: line, endLine: line }),
  /** The lines of the Dockerfile stage that starts at a line (for `# hadolint stage ignore=`). */
  stageSpanAt: (line: number) => LineSpan = spanOfLineAt,
): Directive[] {
  const commentLines = new Set(comments.map((comment) => lineOf(comment.range[0])));
  const lines = new LineScanner(text, commentLines, lineOf);
  const topBlockEnd = parserDirectiveBlockEnd(text);
  const directives: Directive[] = [];
  const seen = new Set<number>();
  for (const comment of comments) {
    // A parser directive may be handed over both as a directive and as a comment.
    if (seen.has(comment.range[0])) continue;
    seen.add(comment.range[0]);
    const body = comment.text.replace(/^\s*#/, '');
    const range: readonly [number, number] = [comment.range[0], comment.range[1]];
    const directive =
      parseOwnDirective(body, range, () => nextLineSpan(lines, comment, spanOfLineAt)) ??
      parseHadolintPragma(
        body,
        range,
        () => lineBelowSpan(lines, comment, spanOfLineAt),
        () => nextLineSpan(lines, comment, stageSpanAt),
      ) ??
      parseCheckDirective(body, range, comment.range[0] < topBlockEnd, () =>
        nextInstructionSpan(lines, comment, spanOfLineAt),
      );
    if (directive) directives.push(directive);
  }
  return directives;
}

function parseOwnDirective(
  body: string,
  range: readonly [number, number],
  nextLine: () => LineSpan,
): Directive | undefined {
  const match = OURS.exec(body.trim());
  if (!match) return undefined;
  const kind = match[1] === 'disable-file' ? 'disable-file' : 'disable-next-line';
  const [list = '', ...reasonParts] = (match[2] ?? '').split(/\s-{2,}(?:\s|$)/);
  const reason = reasonParts.join(' -- ').trim();
  return {
    kind,
    origin: 'docmind',
    range,
    ids: unique(list.split(/[\s,]+/).filter(Boolean)),
    lines: kind === 'disable-file' ? null : nextLine(),
    ...(reason ? { reason } : {}),
  };
}

function parseHadolintPragma(
  body: string,
  range: readonly [number, number],
  nextLine: () => LineSpan,
  nextStage: () => LineSpan,
): Directive | undefined {
  const match = HADOLINT.exec(body);
  if (!match) return undefined;
  const [list = '', ...reasonParts] = (match[2] ?? '').split('#');
  const ids = list.split(',').map((id) => id.trim());
  // As in hadolint, one malformed code makes the whole pragma ineffective.
  if (!ids.every((id) => HADOLINT_CODE.test(id))) return undefined;
  const reason = reasonParts.join('#').trim();
  const scope = match[1];
  return {
    kind: scope === 'global' ? 'hadolint-global-ignore' : scope === 'stage' ? 'hadolint-stage-ignore' : 'hadolint-ignore',
    origin: 'hadolint',
    range,
    ids: unique(ids),
    lines: scope === 'global' ? null : scope === 'stage' ? nextStage() : nextLine(),
    ...(reason ? { reason } : {}),
  };
}

function parseCheckDirective(
  body: string,
  range: readonly [number, number],
  inTopBlock: boolean,
  nextInstruction: () => LineSpan | undefined,
): Directive | undefined {
  const match = PARSER_DIRECTIVE.exec(`#${body}`);
  if (!match || match[1]?.toLowerCase() !== 'check') return undefined;
  // BuildKit reads only the first space-separated token, so `// reason` may follow it.
  const [options = '', ...rest] = (match[2] ?? '').split(' ');
  const skip = options
    .split(';')
    .slice(0, 3)
    .map((part) => part.split('='))
    .find(([key]) => key?.trim().toLowerCase() === 'skip');
  if (!skip) return undefined;
  const names = (skip[1] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0) return undefined;
  const lines = inTopBlock ? null : nextInstruction();
  if (lines === undefined) return undefined;
  const reason = rest.join(' ').replace(/^\s*(?:\/\/|#)?\s*/, '').trim();
  return {
    kind: 'check-skip',
    origin: 'buildkit',
    range,
    ids: names.includes('all') ? [] : unique(names),
    lines,
    ...(reason ? { reason } : {}),
  };
}

function nextLineSpan(
  lines: LineScanner,
  comment: DirectiveComment,
  spanOfLineAt: (line: number) => LineSpan,
): LineSpan {
  const next = lines.nextContentLine(comment.range[1], false);
  if (next === undefined) {
    const line = lines.lineOf(comment.range[1]) + 1;
    return { startLine: line, endLine: line };
  }
  return spanOfLineAt(next);
}

/**
 * hadolint applies `# hadolint ignore=` to the line right below the pragma only: with a blank or another
 * comment line in between, the pragma silences nothing (only the last of two stacked pragmas works).
 * The span is that line (and the rest of its instruction when an instruction starts there).
 */
function lineBelowSpan(
  lines: LineScanner,
  comment: DirectiveComment,
  spanOfLineAt: (line: number) => LineSpan,
): LineSpan {
  const below = lines.lineOf(comment.range[1]) + 1;
  return lines.isNextLineContent(comment.range[1]) ? spanOfLineAt(below) : { startLine: below, endLine: below };
}

/** BuildKit keeps the comments above an instruction until a bare `#` line; blank lines do not reset them. */
function nextInstructionSpan(
  lines: LineScanner,
  comment: DirectiveComment,
  spanOfLineAt: (line: number) => LineSpan,
): LineSpan | undefined {
  const next = lines.nextContentLine(comment.range[1], true);
  return next === undefined ? undefined : spanOfLineAt(next);
}

/**
 * The offset where BuildKit's parser directive block ends: the leading lines (after an optional `#!`
 * line) that are each `# syntax=`, `# escape=` or `# check=`.
 */
function parserDirectiveBlockEnd(text: string): number {
  let offset = 0;
  let lineNumber = 0;
  while (offset < text.length) {
    const end = lineEnd(text, offset);
    const line = text.slice(offset, end);
    const isShebang = lineNumber === 0 && line.startsWith('#!');
    const directive = PARSER_DIRECTIVE.exec(line);
    if (!isShebang && !(directive && PARSER_DIRECTIVE_KEYS.has(directive[1]!.toLowerCase()))) return offset;
    offset = nextLineStart(text, end);
    lineNumber++;
  }
  return offset;
}

/** Walks lines forward from an offset, telling blank and comment lines from content. */
class LineScanner {
  constructor(
    private readonly text: string,
    private readonly commentLines: ReadonlySet<number>,
    readonly lineOf: (offset: number) => number,
  ) {}

  /** Whether the line after the one holding `offset` holds something other than blanks or a comment. */
  isNextLineContent(offset: number): boolean {
    const { text } = this;
    const start = nextLineStart(text, lineEnd(text, offset));
    if (start >= text.length) return false;
    const end = lineEnd(text, start);
    const first = firstNonBlank(text, start, end);
    return first < end && (text[first] !== '#' || !this.commentLines.has(this.lineOf(first)));
  }

  /**
   * The 1-based line of the first line after the one holding `offset` that is neither blank nor a
   * comment; `undefined` at the end of the text, or at a bare `#` line when `stopAtBareComment`.
   */
  nextContentLine(offset: number, stopAtBareComment: boolean): number | undefined {
    const { text } = this;
    for (let start = nextLineStart(text, lineEnd(text, offset)); start < text.length; ) {
      const end = lineEnd(text, start);
      const first = firstNonBlank(text, start, end);
      if (first < end) {
        if (text[first] !== '#' || !this.commentLines.has(this.lineOf(first))) return this.lineOf(first);
        if (stopAtBareComment && text.slice(first + 1, end).trim() === '') return undefined;
      }
      start = nextLineStart(text, end);
    }
    return undefined;
  }
}

function lineEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}

function nextLineStart(text: string, end: number): number {
  if (text[end] === '\r' && text[end + 1] === '\n') return end + 2;
  return Math.min(end + 1, text.length + 1);
}

function firstNonBlank(text: string, start: number, end: number): number {
  let offset = start;
  while (offset < end && (text[offset] === ' ' || text[offset] === '\t')) offset++;
  return offset;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
