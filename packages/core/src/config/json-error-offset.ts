// V8 shows this many characters on each side of the offending token (json-parser.cc).
const CONTEXT = 10;

/**
 * Where `JSON.parse` failed, from V8's message: `... in JSON at position N`, `Unexpected end of JSON
 * input`, or, when V8 quotes the text around the token instead (`Unexpected token 'x', ..."ctx"...`),
 * the place of that quoted context. `undefined` when the message does not tell.
 */
export function jsonErrorOffset(message: string, text: string): number | undefined {
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  if (message.startsWith('Unexpected end of JSON input')) return text.length;
  const token = /^Unexpected token '(.)', (\.\.\.)?"(.*)"(\.\.\.)? is not valid JSON$/s.exec(message);
  if (!token) return undefined;
  const [, character = '', before, context = '', after] = token;
  if (before) {
    const start = text.indexOf(context);
    return start < 0 ? undefined : start + CONTEXT;
  }
  if (after) return context.length - CONTEXT;
  // The whole text was quoted: the token is where it occurs, when it occurs once.
  const first = text.indexOf(character);
  return first >= 0 && first === text.lastIndexOf(character) ? first : undefined;
}

/** V8's message without the position it appends, which the caller turns into line and column. */
export function jsonErrorReason(message: string): string {
  return message
    .replace(/\s+(?:in JSON\s+)?at position \d+(?: \(line \d+ column \d+\))?$/, '')
    .replace(/^(Unexpected token '.'), .* is not valid JSON$/s, '$1');
}
