import type { OffsetRange, ShellNode } from '@docmind-docker-lint/core';
import { fileRangeOf, type ScriptText } from './script-text.js';

/** One word of a shell command (its name or an argument). */
export interface ShellWord {
  /** The word after quote removal and escapes (`'a b'` -> `a b`); expansions stay as written (`$HOME`). */
  readonly value: string;
  /** The word as written in the script. */
  readonly raw: string;
  /** Its exact range in the Dockerfile, quotes included. */
  readonly range: OffsetRange;
  /** No expansion or substitution inside: `value` is exactly what the command receives. */
  readonly literal: boolean;
}

/** A word read from the syntax tree. `node` is `null` for exec-form elements, which are not shell. */
export interface TreeShellWord extends ShellWord {
  readonly node: ShellNode | null;
}

/**
 * A decoded word: its value, and for each character of it the `[start, end)` indices in the script text
 * that spell it (one character, or an escape sequence such as `\"`).
 */
export interface DecodedWord {
  readonly value: string;
  readonly spans: readonly OffsetRange[];
  readonly literal: boolean;
}

/** The word a syntax node spells, with its Dockerfile range. */
export function shellWordOf(node: ShellNode, script: ScriptText): TreeShellWord {
  const { value, literal } = decodeWord(node);
  return { value, raw: node.text, range: fileRangeOf(script, node.range), literal, node };
}

/** Characters a backslash escapes inside double quotes (elsewhere it stays). */
const DOUBLE_QUOTE_ESCAPES = new Set(['$', '`', '"', '\\', '\n']);

/**
 * Quote removal as the shell does it, keeping where each character came from: unquoted backslashes
 * escape the next character, `'...'` is literal, `"..."` removes backslashes before `$ \` " \`,
 * concatenations join. Expansions and substitutions are kept as written and make the word non-literal.
 */
export function decodeWord(node: ShellNode): DecodedWord {
  // Trees are kept by script text (`parseShell`), so the same node comes back when a script is
  // analysed again: in the language server, every RUN the edit did not touch.
  let decoded = decodedWords.get(node);
  if (!decoded) {
    decoded = decode(node);
    decodedWords.set(node, decoded);
  }
  return decoded;
}

const decodedWords = new WeakMap<ShellNode, DecodedWord>();

function decode(node: ShellNode): DecodedWord {
  const chars: string[] = [];
  const spans: OffsetRange[] = [];
  let literal = true;
  const keep = (text: string, from: number): void => {
    for (let i = 0; i < text.length; i++) {
      chars.push(text[i]!);
      spans.push([from + i, from + i + 1]);
    }
  };
  const unescape = (text: string, from: number, escapable: (next: string) => boolean): void => {
    for (let i = 0; i < text.length; i++) {
      const escaped = text[i] === '\\' && i + 1 < text.length && escapable(text[i + 1]!);
      chars.push(text[escaped ? i + 1 : i]!);
      spans.push([from + i, from + i + (escaped ? 2 : 1)]);
      if (escaped) i++;
    }
  };
  const visit = (part: ShellNode): void => {
    const [start] = part.range;
    switch (part.type) {
      case 'word':
      case 'number':
        unescape(part.text, start, () => true);
        if (/[*?[]/.test(part.text)) literal = false;
        return;
      case 'raw_string':
        keep(part.text.slice(1, -1), start + 1);
        return;
      case 'ansi_c_string':
        keep(part.text.slice(2, -1), start + 2);
        if (part.text.includes('\\')) literal = false;
        return;
      case 'string':
      case 'translated_string': {
        // Between the quotes: string_content pieces and expansions; anything the tree leaves
        // uncovered is plain quoted text too.
        const inner = doubleQuoted(part);
        let position = inner[0];
        const text = (from: number, to: number): void =>
          unescape(part.text.slice(from - start, to - start), from, (next) => DOUBLE_QUOTE_ESCAPES.has(next));
        for (const child of part.children) {
          if (!child.named || child.range[0] < inner[0] || child.range[1] > inner[1]) continue;
          if (child.range[0] > position) text(position, child.range[0]);
          if (child.type === 'string_content') text(child.range[0], child.range[1]);
          else visit(child);
          position = child.range[1];
        }
        if (position < inner[1]) text(position, inner[1]);
        return;
      }
      case 'concatenation':
        for (const child of part.children) visit(child);
        return;
      default:
        // Expansions, substitutions, brace expressions: what they become is only known at build time.
        keep(part.text, start);
        literal = false;
    }
  };
  visit(node);
  return { value: chars.join(''), spans, literal };
}

/** The range between the quotes of a `"..."` or `$"..."` node (up to its end when it is unterminated). */
function doubleQuoted(node: ShellNode): [number, number] {
  const open = node.text.indexOf('"') + 1;
  const closed = node.text.length > open && node.text.endsWith('"');
  return [node.range[0] + open, node.range[1] - (closed ? 1 : 0)];
}
