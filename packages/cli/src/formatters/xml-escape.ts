// Characters XML 1.0 cannot hold at all, even escaped: C0 controls but tab, newline and carriage return,
// U+FFFE/U+FFFF, and halves of surrogate pairs standing alone.
// With the `u` flag a well-formed pair is one code point, so the surrogate range matches lone halves only.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu;

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};

/**
 * Text made safe for an XML attribute value or element content: markup characters escaped, line
 * breaks and tabs as character references (so attribute values keep them), characters XML cannot
 * carry replaced by U+FFFD.
 */
export function xmlEscape(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"'\n\r\t]/gu, (char) => ENTITIES[char]!);
}
