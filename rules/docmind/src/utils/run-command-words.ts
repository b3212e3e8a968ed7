import { RecentByText, type ExecFormElement, type InstructionNode, type OffsetRange } from '@docmind-docker-lint/core';
import { parse } from 'shell-quote';
import { perInstruction } from './per-instruction.js';

/** A word of a command, with where it is written when that could be found. */
export interface CommandWord {
  /** The word as the shell sees it: quotes removed, variables kept as `$NAME`. */
  readonly value: string;
  /**
   * Offsets of the word in the Dockerfile (inside its quotes, for a quoted word or an exec-form
   * element); `null` when the written form differs from the value (`${NAME}`, `a\ b`, `'x'"y"`)
   * and could not be placed.
   */
  readonly range: OffsetRange | null;
}

/** One simple command of a RUN (or CMD, ENTRYPOINT) instruction. */
export interface RunCommand {
  /**
   * The command name first (leading assignments, shell keywords and wrappers such as `sudo`
   * dropped); empty for the redirections of a group (`{ a; b; } > file`).
   */
  readonly words: readonly CommandWord[];
  /** `NAME=value` assignments written before the command (`UV_FROZEN=1 uv sync`, `env A=1 cmd`). */
  readonly assignments: readonly CommandWord[];
  /** Files its output is written to (`> file`, `>> file`, `&> file`). */
  readonly redirects: readonly CommandWord[];
  /** The command whose output is piped into this one (`echo ... | tee file`). */
  readonly pipedFrom: RunCommand | null;
  /**
   * How a word is added after another: `shell`, a space and the word; `json`, an exec-form element
   * (`, "--flag"` after the closing quote).
   */
  readonly form: 'shell' | 'json';
}

/** Operators that end one simple command and start the next (pipes are handled apart). */
const COMMAND_SEPARATORS = new Set(['&&', '||', ';', ';;', '&', '(', ')']);
const PIPES = new Set(['|', '|&']);
/** Redirections of output: the word after them is a file the command writes. */
const OUTPUT_REDIRECTIONS = new Set(['>', '>>']);
/** Other redirections: the word after them is a file or a descriptor, not an argument. */
const OTHER_REDIRECTIONS = new Set(['<', '>&', '<&', '<(', '<<<']);
const SHELL_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', '}', 'fi', 'done']);
const COMMAND_WRAPPERS = new Set(['sudo', 'exec', 'command', 'env', 'nice', 'nohup', 'time']);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);
/** Characters that may stand right before or after a word in shell text. */
const WORD_BOUNDARY = /[\s"'`;&|()<>]/;

/**
 * Shell text and where its characters are in the file: it is made of runs of characters copied as
 * they are, `text[run.at + k]` being at file offset `run.offset + k` up to the next run (no runs:
 * the positions are not known).
 */
interface MappedText {
  readonly text: string;
  readonly runs: readonly TextRun[];
}
interface TextRun {
  readonly at: number;
  readonly offset: number;
}

/** The file offset of `mapped.text[index]` (an index inside the text), or `undefined` when positions are not known. */
function fileOffset(mapped: MappedText, index: number): number | undefined {
  for (let r = mapped.runs.length - 1; r >= 0; r--) {
    const run = mapped.runs[r]!;
    if (run.at <= index) return run.offset + index - run.at;
  }
  return undefined;
}

/**
 * The simple commands an instruction runs, with the position of each word. Shell form (Dockerfile
 * line continuations and comment lines removed), heredoc scripts (`RUN <<EOF`, `RUN bash <<EOF`;
 * the body of a heredoc given to another program is data) and exec form (including
 * `["sh", "-c", "..."]`) are read. Words are split by shell-quote and then located in the text in
 * order; a word whose written form differs from its value keeps a `null` range. Anything the
 * tokenizer cannot split is skipped, never guessed. Each instruction is split once.
 */
export const runCommandWords: (instruction: InstructionNode) => readonly RunCommand[] = perInstruction(readCommands);

/**
 * The commands of a shell script held in one exec-form element: the `"..."` of `["sh", "-c", "..."]`,
 * or a whole command line written as a single element (`[". .venv/bin/activate && streamlit run app.py"]`).
 */
export function elementScriptCommands(instruction: InstructionNode, element: ExecFormElement): RunCommand[] {
  const raw = instruction.dockerfile.file.slice(element.valueRange);
  // Positions inside a JSON string are only known when it holds no escape sequence.
  const runs = raw === element.value ? [{ at: 0, offset: element.valueRange[0] }] : [];
  return scriptCommands({ text: element.value, runs });
}

/** The last path component: `/usr/sbin/useradd` -> `useradd`. */
export function basename(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

function readCommands(instruction: InstructionNode): RunCommand[] {
  const form = instruction.execForm;
  if (form) {
    const [program, flag, script] = form.elements;
    if (program && flag && script && SHELLS.has(basename(program.value)) && flag.value === '-c') {
      return elementScriptCommands(instruction, script);
    }
    const words = form.elements.map((element) => ({ value: element.value, range: element.valueRange }));
    return words.length > 0 ? [{ words, assignments: [], redirects: [], pipedFrom: null, form: 'json' }] : [];
  }
  const { file, escapeCharacter } = instruction.dockerfile;
  const lastFlag = instruction.flags[instruction.flags.length - 1];
  const start = lastFlag ? lastFlag.range[1] : instruction.argsRange[0];
  const end = instruction.range[1];
  const bodies = heredocBodies(instruction);
  if (bodies.length === 0) return scriptCommands(joinContinuations(file.text, start, end, escapeCharacter, true));

  const commandLine = joinContinuations(file.text, start, bodies[0]![0], escapeCharacter, true);
  const withoutMarkers = commandLine.text.replace(/<<-?\s*(["']?)[A-Za-z0-9_.-]+\1/g, '').trim();
  const firstWord = withoutMarkers.split(/\s+/)[0] ?? '';
  const bodiesAreScripts = withoutMarkers === '' || SHELLS.has(basename(firstWord));
  const commands = withoutMarkers === '' ? [] : scriptCommands(commandLine);
  if (!bodiesAreScripts) return commands;
  // Inside a heredoc script, `\` + newline is the shell's own continuation.
  return [...commands, ...bodies.flatMap(([from, to]) => scriptCommands(joinContinuations(file.text, from, to, '\\', false)))];
}

/** Content ranges of the heredocs of an instruction; dockerfile-ast throws on some inputs, then none. */
function heredocBodies(instruction: InstructionNode): OffsetRange[] {
  // Only an instruction whose arguments hold a `<<` marker can have a heredoc: asking dockerfile-ast is costly.
  if (!instruction.argsText.includes('<<')) return [];
  const ast = instruction.ast as unknown as { getHeredocs?: () => AstHeredoc[] };
  if (typeof ast.getHeredocs !== 'function') return [];
  const file = instruction.dockerfile.file;
  try {
    return ast
      .getHeredocs()
      .map((heredoc) => heredoc.getContentRange())
      .filter((range): range is AstRange => range !== null)
      .map((range): OffsetRange => [
        file.offsetAt(range.start.line, range.start.character),
        file.offsetAt(range.end.line, range.end.character),
      ])
      .filter(([from, to]) => to > from);
  } catch {
    return [];
  }
}

interface AstRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}
interface AstHeredoc {
  getContentRange(): AstRange | null;
}

/**
 * `text[start, end)` with line continuations removed (the escape character, trailing blanks and the
 * line break) and, for Dockerfile continuations, the empty and comment lines that follow one.
 */
function joinContinuations(text: string, start: number, end: number, escape: string, dockerfile: boolean): MappedText {
  const chunks: string[] = [];
  const runs: TextRun[] = [];
  let length = 0;
  const keep = (from: number, to: number): void => {
    if (to <= from) return;
    chunks.push(text.slice(from, to));
    runs.push({ at: length, offset: from });
    length += to - from;
  };
  const continuation = continuationPattern(escape);
  const emptyOrComment = /[ \t]*(#[^\r\n]*)?\r?\n/y;
  let runStart = start;
  let i = start;
  while (i < end) {
    continuation.lastIndex = i;
    if (text[i] === escape && continuation.exec(text) && continuation.lastIndex <= end) {
      keep(runStart, i);
      i = continuation.lastIndex;
      emptyOrComment.lastIndex = i;
      while (dockerfile && emptyOrComment.exec(text) && emptyOrComment.lastIndex <= end) i = emptyOrComment.lastIndex;
      runStart = i;
      continue;
    }
    i++;
  }
  keep(runStart, end);
  return { text: chunks.join(''), runs };
}

/** `escape` + optional blanks + a line break, as a sticky pattern (one per escape character). */
function continuationPattern(escape: string): RegExp {
  let pattern = continuationPatterns.get(escape);
  if (!pattern) {
    pattern = new RegExp(`${escape.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}[ \\t]*\\r?\\n`, 'y');
    continuationPatterns.set(escape, pattern);
  }
  return pattern;
}

const continuationPatterns = new Map<string, RegExp>();

/** The commands of a script, line by line (shell-quote reads a line break as a blank). */
function scriptCommands(script: MappedText): RunCommand[] {
  const commands: RunCommand[] = [];
  let lineStart = 0;
  for (const line of script.text.split('\n')) {
    const lineText = line.endsWith('\r') ? line.slice(0, -1) : line;
    commands.push(...lineCommands(lineText, script, lineStart));
    lineStart += line.length + 1;
  }
  return commands;
}

/**
 * The commands of one line of shell text. Splitting is the costly part (shell-quote) and depends on
 * the text alone, so it is kept by text with each word's index in the line (`LineCommand`); only the
 * mapping of those indexes to file offsets is redone, which is what changes when an edit elsewhere
 * moves the line (the language server lints on every keystroke).
 */
function lineCommands(lineText: string, script: MappedText, lineStart: number): RunCommand[] {
  const split = splitLine(lineText);
  const placed: RunCommand[] = [];
  // The file offset of the line's character `at` (none past the line, or when offsets are unknown).
  const offsetAt = (at: number): number | undefined => (at < lineText.length ? fileOffset(script, lineStart + at) : undefined);
  const place = (word: LineWord): CommandWord => {
    if (word.at < 0) return { value: word.value, range: null };
    const first = offsetAt(word.at);
    const last = offsetAt(word.at + word.value.length - 1);
    return { value: word.value, range: first === undefined || last === undefined ? null : [first, last + 1] };
  };
  for (const command of split) {
    placed.push({
      words: command.words.map(place),
      assignments: command.assignments.map(place),
      redirects: command.redirects.map(place),
      pipedFrom: command.pipedFrom === null ? null : placed[command.pipedFrom]!,
      form: 'shell',
    });
  }
  return placed;
}

/** A word of a line, at its index in the line's text (-1: not found as written). */
interface LineWord {
  readonly value: string;
  readonly at: number;
}
/** A command of a line; `pipedFrom` is the index of the command piped into it. */
interface LineCommand {
  readonly words: readonly LineWord[];
  readonly assignments: readonly LineWord[];
  readonly redirects: readonly LineWord[];
  readonly pipedFrom: number | null;
}

/** Lines split recently, by text. */
const splitLines = new RecentByText<readonly LineCommand[]>(64 * 1024);

function splitLine(text: string): readonly LineCommand[] {
  let split = splitLines.get(text);
  if (!split) {
    split = splitLineText(text);
    splitLines.set(text, split);
  }
  return split;
}

function splitLineText(text: string): LineCommand[] {
  if (text.trim() === '') return [];
  let tokens: ReturnType<typeof parse>;
  try {
    tokens = parse(text, (name) => `$${name}`);
  } catch {
    return [];
  }
  const commands: LineCommand[] = [];
  let current: LineWord[] = [];
  let redirects: LineWord[] = [];
  let pipedFrom: number | null = null;
  let cursor = 0;
  let next: 'word' | 'redirect' | 'skip' = 'word';
  const locate = (value: string): LineWord => {
    const at = findWord(text, value, cursor);
    if (at >= 0) cursor = at + value.length;
    return { value, at };
  };
  const take = (word: LineWord): void => {
    if (next === 'redirect') redirects.push(word);
    else if (next === 'word') current.push(word);
    next = 'word';
  };
  const finish = (piped: boolean): void => {
    const command = splitPrefix(current, redirects, pipedFrom);
    // `{ ...; } > file` leaves a command of redirections only: it says where the group's output goes.
    const kept = command.words.length > 0 || command.redirects.length > 0;
    if (kept) commands.push(command);
    pipedFrom = piped && kept ? commands.length - 1 : null;
    current = [];
    redirects = [];
  };
  for (const [index, token] of tokens.entries()) {
    if (typeof token === 'string') {
      take(locate(token));
    } else if ('op' in token) {
      if (token.op === 'glob') {
        take(locate(token.pattern));
        continue;
      }
      const at = text.indexOf(token.op, cursor);
      if (at >= 0) cursor = at + token.op.length;
      const following = tokens[index + 1];
      // shell-quote splits `&>` into `&` and `>`: written together, they redirect output.
      const joinsRedirect = token.op === '&' && at >= 0 && text[at + 1] === '>' && typeof following === 'object' && 'op' in following;
      if (joinsRedirect) continue;
      if (PIPES.has(token.op)) finish(true);
      else if (COMMAND_SEPARATORS.has(token.op)) finish(false);
      else if (OUTPUT_REDIRECTIONS.has(token.op)) next = 'redirect';
      else if (OTHER_REDIRECTIONS.has(token.op)) next = 'skip';
    } else if ('comment' in token) {
      break;
    }
  }
  finish(false);
  return commands;
}

/** Where `value` is written as a whole word at or after `from`, or -1. */
function findWord(text: string, value: string, from: number): number {
  if (value === '') return -1;
  for (let at = text.indexOf(value, from); at >= 0; at = text.indexOf(value, at + 1)) {
    const before = text[at - 1];
    const after = text[at + value.length];
    const startsWord = before === undefined || WORD_BOUNDARY.test(before);
    const endsWord = after === undefined || WORD_BOUNDARY.test(after);
    if (startsWord && endsWord) return at;
  }
  return -1;
}

function splitPrefix(words: readonly LineWord[], redirects: readonly LineWord[], pipedFrom: number | null): LineCommand {
  const assignments: LineWord[] = [];
  let start = 0;
  for (; start < words.length; start++) {
    const word = words[start]!.value;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) assignments.push(words[start]!);
    else if (!SHELL_KEYWORDS.has(word) && !COMMAND_WRAPPERS.has(word)) break;
  }
  return { words: words.slice(start), assignments, redirects, pipedFrom };
}
