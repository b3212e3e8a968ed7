import { nodeRange, type InstructionNode, type OffsetRange, type SourceFile } from '@docmind-docker-lint/core';
import { parse } from 'shell-quote';
import type { Scalar } from 'yaml';

/**
 * A word of a command, with where each of its characters stands in the linted file, so a problem
 * can point at `app.py` inside a JSON element or a `sh -c` string.
 */
export interface Word {
  readonly value: string;
  /** The file offset of each character of `value`; `null` when they cannot all be located. */
  readonly offsets: readonly number[] | null;
  /** Where to report the word when its characters are not located: the element or scalar holding it; `null` outside the linted file. */
  readonly home: OffsetRange | null;
}

/** A simple command: its argument vector. */
export type Command = readonly Word[];

/** A word of another file or one the engine supplies (`/bin/sh -c` of a shell form): never reported. */
export function foreignWord(value: string): Word {
  return { value, offsets: null, home: null };
}

/** The same word, unreportable: for words of a Dockerfile seen from a Compose file. */
export function asForeign(word: Word): Word {
  return foreignWord(word.value);
}

/** Where a part of a word stands: its characters' range when they are contiguous in the file. */
export function exactRange(word: Word, from = 0, to = word.value.length): OffsetRange | null {
  const { offsets } = word;
  if (!offsets || to <= from) return null;
  for (let index = from + 1; index < to; index++) {
    if (offsets[index] !== offsets[index - 1]! + 1) return null;
  }
  return [offsets[from]!, offsets[to - 1]! + 1];
}

/** Where to report a part of a word: its exact range, else the place holding it; `null` outside the linted file. */
export function reportRange(word: Word, from = 0, to = word.value.length): OffsetRange | null {
  return exactRange(word, from, to) ?? word.home;
}

/** An element of an exec-form JSON array, its characters located through JSON escapes. */
export function jsonElementWord(source: SourceFile, element: { value: string; range: OffsetRange; valueRange: OffsetRange }): Word {
  const offsets = decodeOffsets(source.slice(element.valueRange), element.valueRange[0], element.value, 'double');
  return { value: element.value, offsets, home: element.range };
}

/**
 * The command line of a shell-form instruction (`CMD streamlit run app.py`), line continuations and
 * comment lines inside them removed, as the builder joins them.
 */
export function shellFormWord(instruction: InstructionNode): Word | null {
  const first = instruction.args[0];
  const last = instruction.args.at(-1);
  if (!first || !last) return null;
  const start = first.range[0];
  const raw = instruction.dockerfile.file.text.slice(start, last.range[1]);
  const escape = instruction.dockerfile.escapeCharacter;
  const continuation = new RegExp(`^${escape.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}[ \\t]*\\r?\\n`);
  let value = '';
  const offsets: number[] = [];
  let lineStart = true;
  for (let index = 0; index < raw.length; index++) {
    if (lineStart && /^[ \t]*#[^\n]*\n/.test(raw.slice(index))) {
      index += /^[ \t]*#[^\n]*\n/.exec(raw.slice(index))![0].length - 1;
      continue;
    }
    const joined = continuation.exec(raw.slice(index));
    if (joined) {
      index += joined[0].length - 1;
      lineStart = true;
      continue;
    }
    lineStart = false;
    value += raw[index];
    offsets.push(start + index);
  }
  return { value, offsets, home: [start, last.range[1]] };
}

/** A Compose string scalar, its characters located when its style allows (plain and quoted, one line). */
export function yamlScalarWord(source: SourceFile, scalar: Scalar): Word | null {
  if (typeof scalar.value !== 'string') return null;
  const range = nodeRange(scalar);
  const text = source.slice(range);
  let offsets: number[] | null = null;
  if (scalar.type === 'PLAIN') offsets = text === scalar.value ? [...text].map((_, index) => range[0] + index) : null;
  else if (scalar.type === 'QUOTE_DOUBLE') offsets = decodeOffsets(text.slice(1, -1), range[0] + 1, scalar.value, 'double');
  else if (scalar.type === 'QUOTE_SINGLE') offsets = decodeOffsets(text.slice(1, -1), range[0] + 1, scalar.value, 'single');
  return { value: scalar.value, offsets, home: range };
}

/**
 * The file offset of each decoded character of a quoted string's body (JSON or YAML double quotes:
 * backslash escapes; YAML single quotes: doubled quotes). `null` when decoding does not give `value`
 * (line folding, an escape this reader does not know).
 */
function decodeOffsets(body: string, start: number, value: string, style: 'double' | 'single'): number[] | null {
  const offsets: number[] = [];
  let decodedLength = 0;
  for (let index = 0; index < body.length; index++) {
    const char = body[index]!;
    if (char === '\n' || char === '\r') return null;
    let width = 1;
    if (style === 'double' && char === '\\') width = body[index + 1] === 'u' ? 6 : body[index + 1] === 'x' ? 4 : 2;
    else if (style === 'single' && char === "'" && body[index + 1] === "'") width = 2;
    offsets.push(start + index);
    decodedLength++;
    index += width - 1;
  }
  return decodedLength === value.length ? offsets : null;
}

/** Operators that end one simple command and start the next. */
const SEPARATORS = new Set(['&&', '||', ';', ';;', '|', '|&', '&', '(', ')']);
/** Redirections: the word after them names a file, not an argument. */
const REDIRECTIONS = new Set(['<', '>', '>>', '>&', '<&', '<(', '>|', '&>', '&>>']);

/**
 * The simple commands of a shell command line held in a word, split by shell-quote. Each word is
 * located inside the line by searching its text from where the previous one ended; a word whose
 * text is not written as is (`"a"'b'`) keeps only the line's `home`. Variables stay as `$NAME`.
 */
export function shellCommands(line: Word): Word[][] {
  let tokens: ReturnType<typeof parse>;
  try {
    tokens = parse(line.value, (name) => `$${name}`);
  } catch {
    return [];
  }
  const commands: Word[][] = [];
  let current: Word[] = [];
  let cursor = 0;
  let skipNext = false;
  const locate = (text: string): Word => {
    const at = line.value.indexOf(text, cursor);
    if (at === -1) return { value: text, offsets: null, home: line.home };
    cursor = at + text.length;
    return { value: text, offsets: line.offsets ? line.offsets.slice(at, at + text.length) : null, home: line.home };
  };
  const finish = (): void => {
    if (current.length > 0) commands.push(current);
    current = [];
  };
  for (const token of tokens) {
    if (typeof token === 'string' || (typeof token === 'object' && 'op' in token && token.op === 'glob')) {
      const word = locate(typeof token === 'string' ? token : token.pattern);
      if (skipNext) skipNext = false;
      else current.push(word);
    } else if ('op' in token) {
      locate(token.op);
      if (SEPARATORS.has(token.op)) finish();
      else if (REDIRECTIONS.has(token.op)) skipNext = true;
    } else if ('comment' in token) {
      break;
    }
  }
  finish();
  return commands;
}
