/**
 * Expands `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}` and `${VAR+alt}` the way
 * the Dockerfile frontend does for FROM and other instructions. Unknown variables become ''.
 * Returns `null` when the text uses a form this expander does not know, so callers can give up
 * instead of guessing.
 */
export function expandVariables(
  text: string,
  lookup: (name: string) => string | undefined,
  escapeCharacter = '\\',
): string | null {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === escapeCharacter && text[i + 1] === '$') {
      out += '$';
      i++;
      continue;
    }
    if (ch !== '$') {
      out += ch;
      continue;
    }
    if (text[i + 1] === '{') {
      const close = text.indexOf('}', i + 2);
      if (close === -1) return null;
      const body = text.slice(i + 2, close);
      const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])(.*))?$/s.exec(body);
      if (!match) return null;
      const [, name, operator, operand] = match;
      const value = lookup(name!);
      const isSet = value !== undefined;
      const isNonEmpty = isSet && value !== '';
      if (operator === undefined) out += value ?? '';
      else if (operator === ':-') out += isNonEmpty ? value : (operand ?? '');
      else if (operator === '-') out += isSet ? value : (operand ?? '');
      else if (operator === ':+') out += isNonEmpty ? (operand ?? '') : '';
      else out += isSet ? (operand ?? '') : '';
      i = close;
      continue;
    }
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1));
    if (!match) {
      out += ch;
      continue;
    }
    out += lookup(match[0]) ?? '';
    i += match[0].length;
  }
  return out;
}
