/** A `$NAME` or `${NAME...}` in a text the builder expands (FROM, ENV, COPY, ...), with its offsets in that text. */
export interface VariableReference {
  readonly name: string;
  /** From the `$` to the end of the name (`$NAME`) or the closing `}` (`${NAME:-x}`). */
  readonly start: number;
  readonly end: number;
  /** Offsets of the name alone. */
  readonly nameStart: number;
  readonly nameEnd: number;
  /** The operator of `${NAME:-word}`, `${NAME+word}`, `${NAME#pattern}`, `${NAME/from/to}`...; `null` for a plain reference. */
  readonly operator: string | null;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
/** What may follow the name inside `${...}`: a default/alternative/error word, or a pattern to remove or replace. */
const OPERATOR = /^(?::?[-+?]|##?|%%?|\/\/?)/;

/**
 * The variables a Dockerfile word references, as BuildKit's word expansion reads it: the escape
 * character before `$` makes it literal, single quotes keep their content literal, and references
 * nested in a `${NAME:-word}` default are found too.
 */
export function variableReferences(text: string, escapeCharacter = '\\'): VariableReference[] {
  const found: VariableReference[] = [];
  // Most words reference nothing.
  if (!text.includes('$')) return found;
  let inSingleQuotes = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (inSingleQuotes) {
      if (char === "'") inSingleQuotes = false;
      continue;
    }
    if (char === "'") {
      inSingleQuotes = true;
      continue;
    }
    if (char === escapeCharacter) {
      index++;
      continue;
    }
    if (char !== '$') continue;
    if (text[index + 1] === '{') {
      const name = NAME.exec(text.slice(index + 2))?.[0];
      const close = closingBrace(text, index + 2);
      if (name === undefined || close === -1) continue;
      const afterName = index + 2 + name.length;
      const rest = text.slice(afterName, close);
      const operator = OPERATOR.exec(rest)?.[0] ?? null;
      // `${NAME:x}` and the like are no expansion BuildKit knows (it refuses the file): not a reference.
      if (rest !== '' && operator === null) {
        index = close;
        continue;
      }
      found.push({ name, start: index, end: close + 1, nameStart: index + 2, nameEnd: afterName, operator });
      if (operator !== null) {
        const wordStart = afterName + operator.length;
        for (const nested of variableReferences(text.slice(wordStart, close), escapeCharacter)) {
          found.push({
            ...nested,
            start: nested.start + wordStart,
            end: nested.end + wordStart,
            nameStart: nested.nameStart + wordStart,
            nameEnd: nested.nameEnd + wordStart,
          });
        }
      }
      index = close;
      continue;
    }
    const name = NAME.exec(text.slice(index + 1))?.[0];
    if (name === undefined) continue;
    found.push({ name, start: index, end: index + 1 + name.length, nameStart: index + 1, nameEnd: index + 1 + name.length, operator: null });
    index += name.length;
  }
  return found;
}

/** The `}` closing a `${` whose body starts at `from`, counting nested `${...}`; -1 when there is none. */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let index = from; index < text.length; index++) {
    if (text[index] === '$' && text[index + 1] === '{') {
      depth++;
      index++;
    } else if (text[index] === '}' && --depth === 0) return index;
  }
  return -1;
}
