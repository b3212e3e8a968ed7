import { parse, type ParseEntry } from 'shell-quote';

/** Which file the command comes from: Compose interpolates `$VAR` itself and writes a literal `$` as `$$`. */
export type Dialect = 'dockerfile' | 'compose';

interface VariableEntry {
  readonly variable: string;
}
type Entry = ParseEntry | VariableEntry;

/** Words that are shell builtins (or shell-only syntax), never a program Docker could start. */
const SHELL_BUILTINS = new Set(['.', 'source', 'cd', 'export', 'exec', 'eval', 'set', 'unset', 'ulimit', 'umask', 'alias', 'trap', 'shopt']);
/** Operators that make an element a shell operator on its own (`(` and `)` are `find`'s arguments too). */
const OPERATORS = new Set(['&&', '||', ';', ';;', '|', '|&', '&', '<', '>', '>>', '>&', '<(']);
const ENVIRONMENT_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
/** Compose interpolation (`$VAR`, `${VAR:-x}`) and its escape `$$`. */
const COMPOSE_DOLLAR = /\$\$|\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g;
// eslint-disable-next-line no-control-regex -- U+0001 marks placeholders that no command text contains.
const PLACEHOLDER = /\u0001(\d+)\u0001/g;

/** A command line as a shell would read it: its words when it has no shell syntax, else the first syntax found. */
export interface CommandLine {
  /** The words, Compose interpolations kept as written; `null` when the text needs a shell or cannot be split. */
  readonly words: readonly string[] | null;
  /** The first piece of shell syntax, for the message (operators before other syntax). */
  readonly syntax: string | null;
  /** The tokens, for recognising patterns (variables appear as `{ variable }`). */
  readonly entries: readonly Entry[];
}

/**
 * Reads a command line with shell-quote. Compose interpolations are masked first (Compose replaces
 * them before the container starts, so they are not shell syntax) and `$$` becomes the `$` the
 * container sees.
 */
export function readCommandLine(text: string, dialect: Dialect): CommandLine {
  const masked: string[] = [];
  const shellText =
    dialect === 'compose'
      ? text.replace(COMPOSE_DOLLAR, (match) => {
          if (match === '$$') return '$';
          masked.push(match);
          return `\u0001${masked.length - 1}\u0001`;
        })
      : text;
  const unmask = (word: string): string => word.replace(PLACEHOLDER, (_, index: string) => masked[Number(index)]!);
  let entries: Entry[];
  try {
    entries = parse(shellText, (variable) => ({ variable }));
  } catch {
    return { words: null, syntax: null, entries: [] };
  }
  const syntax = findSyntax(shellText, entries);
  const unmasked = entries.map((entry) => (typeof entry === 'string' ? unmask(entry) : entry));
  const plain = unmasked.every((entry): entry is string => typeof entry === 'string');
  return { words: syntax === null && plain ? unmasked : null, syntax: syntax === null ? null : unmask(syntax), entries: unmasked };
}

function findSyntax(text: string, entries: readonly Entry[]): string | null {
  if (/\$\(/.test(text)) return '$(';
  const operator = entries.find((entry) => typeof entry === 'object' && 'op' in entry && entry.op !== 'glob');
  if (operator && typeof operator === 'object' && 'op' in operator) return operator.op;
  const first = entries[0];
  if (typeof first === 'string' && (SHELL_BUILTINS.has(first) || ENVIRONMENT_ASSIGNMENT.test(first))) {
    return ENVIRONMENT_ASSIGNMENT.test(first) ? first.slice(0, first.indexOf('=') + 1) : first;
  }
  if (text.includes('`')) return '`';
  for (const entry of entries) {
    if (typeof entry === 'string') continue;
    // A lone `$` is literal in sh (shell-quote reads it as a variable with no name).
    if ('variable' in entry && entry.variable !== '') return variableText(entry.variable);
    if ('pattern' in entry) return entry.pattern;
    // shell-quote starts a comment inside a word too (`app#1`); a shell only at a word's start.
    if ('comment' in entry && /(^|\s)#/.test(text)) return '#';
  }
  if (/[\r\n]/.test(text.trim())) return 'a line break';
  if (/(^|\s)~/.test(text)) return '~';
  return null;
}

/** `$NAME` for a plain name, `${...}` for an expansion with an operator (shell-quote keeps only the inside). */
function variableText(name: string): string {
  return /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9$#?@*!-])$/.test(name) ? `$${name}` : `\${${name}}`;
}

/** Whether an element is a shell operator or redirection on its own: `&&`, `;`, `|`, `2>&1`, `>/dev/null`. */
export function operatorOf(element: string): string | null {
  if (element.length === 0 || /\s/.test(element)) return null;
  let entries: Entry[];
  try {
    entries = parse(element, (variable) => ({ variable }));
  } catch {
    return null;
  }
  const leading = typeof entries[0] === 'string' && /^\d+$/.test(entries[0]) ? entries[1] : entries[0];
  return leading !== undefined && typeof leading === 'object' && 'op' in leading && OPERATORS.has(leading.op) ? element : null;
}

/**
 * Joins exec-form elements into the command line their author meant: operators, variables and
 * plain words as written, any other element in double quotes (`$` and backticks stay live unless
 * the element is code for another language).
 */
export function joinCommandLine(elements: readonly { readonly value: string; readonly literal: boolean }[]): string {
  return elements
    .map(({ value, literal }) => {
      if (operatorOf(value) !== null || (!literal && /^[\w@%+=:,./~${}*?-]+$/.test(value))) return value;
      return `"${value.replace(literal ? /["\\$`]/g : /["\\]/g, '\\$&')}"`;
    })
    .join(' ');
}
