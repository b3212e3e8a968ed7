import { interpolate } from './interpolation.js';

/** One variable of a `.env` file. Values are held for interpolation only: never print them. */
export interface DotenvEntry {
  readonly name: string;
  /** `undefined` for a bare `NAME` that the environment does not set. */
  readonly value: string | undefined;
  /** Offsets of the name in the file. */
  readonly nameStart: number;
  readonly nameEnd: number;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*/;

/**
 * Reads a `.env` file as compose-go's `dotenv` does: `NAME=value`, `export NAME=value`, `#` comments,
 * an inline ` #` comment after unquoted values, single quotes literal (and multi-line), double quotes
 * with `\n`, `\t`, `\\`, `\"` escapes, and interpolation of `${...}` in unquoted and double-quoted
 * values from the variables above and `environment`. A bare `NAME` takes its value from `environment`.
 */
export function parseDotenv(text: string, environment: (name: string) => string | undefined = () => undefined): DotenvEntry[] {
  const entries: DotenvEntry[] = [];
  const known = new Map<string, string>();
  const lookup = (name: string): string | undefined => environment(name) ?? known.get(name);
  let offset = 0;
  while (offset < text.length) {
    const lineEnd = endOfLine(text, offset);
    const line = text.slice(offset, lineEnd);
    const indent = line.length - line.trimStart().length;
    let rest = line.trimStart();
    let start = offset + indent;
    if (rest === '' || rest.startsWith('#')) {
      offset = nextLine(text, lineEnd);
      continue;
    }
    if (/^export\s+/.test(rest)) {
      const skipped = /^export\s+/.exec(rest)![0].length;
      rest = rest.slice(skipped);
      start += skipped;
    }
    const nameMatch = NAME.exec(rest);
    if (!nameMatch) {
      offset = nextLine(text, lineEnd);
      continue;
    }
    const name = nameMatch[0];
    const nameStart = start;
    const nameEnd = start + name.length;
    let after = rest.slice(name.length);
    const separator = /^\s*[=:]/.exec(after);
    if (!separator) {
      entries.push({ name, value: environment(name), nameStart, nameEnd });
      offset = nextLine(text, lineEnd);
      continue;
    }
    after = after.slice(separator[0].length).replace(/^[ \t]+/, '');
    const valueStart = nameEnd + (rest.length - name.length - after.length);
    const read = readValue(text, valueStart, lineEnd, lookup);
    entries.push({ name, value: read.value, nameStart, nameEnd });
    known.set(name, read.value);
    offset = nextLine(text, read.end);
  }
  return entries;
}

/** The variables of a `.env` file as a lookup (the last definition wins). */
export function dotenvLookup(entries: readonly DotenvEntry[]): (name: string) => string | undefined {
  const values = new Map<string, string | undefined>();
  for (const entry of entries) values.set(entry.name, entry.value);
  return (name) => values.get(name);
}

function readValue(
  text: string,
  start: number,
  lineEnd: number,
  lookup: (name: string) => string | undefined,
): { value: string; end: number } {
  const quote = text[start];
  if (quote === "'" || quote === '"') {
    let i = start + 1;
    let value = '';
    while (i < text.length && text[i] !== quote) {
      if (quote === '"' && text[i] === '\\' && i + 1 < text.length) {
        const escaped = text[i + 1]!;
        value += escaped === 'n' ? '\n' : escaped === 't' ? '\t' : escaped === 'r' ? '\r' : escaped;
        i += 2;
        continue;
      }
      value += text[i];
      i++;
    }
    if (i >= text.length) {
      // No closing quote: compose-go reads the rest of the line as the value.
      const raw = text.slice(start, lineEnd).trim();
      return { value: raw, end: lineEnd };
    }
    const closed = quote === '"' ? interpolate(value, lookup).value : value;
    return { value: closed, end: endOfLine(text, i + 1) };
  }
  let raw = text.slice(start, lineEnd);
  const comment = /\s#/.exec(raw);
  if (comment) raw = raw.slice(0, comment.index);
  raw = raw.trim();
  return { value: interpolate(raw, lookup).value, end: lineEnd };
}

function endOfLine(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  const end = newline === -1 ? text.length : newline;
  return end > from && text[end - 1] === '\r' ? end - 1 : end;
}

function nextLine(text: string, lineEnd: number): number {
  const newline = text.indexOf('\n', lineEnd);
  return newline === -1 ? text.length : newline + 1;
}
