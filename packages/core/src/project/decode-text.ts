export type DecodedText = { readonly text: string } | { readonly problem: string };

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes a file's bytes as text the way a linter may safely read it: UTF-8 (BOM kept as U+FEFF for
 * `SourceFile` to strip), UTF-16 when it starts with a UTF-16 BOM; anything holding NUL bytes is
 * binary, and bytes that are not valid UTF-8 are refused rather than silently replaced.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2)) };
    } catch {
      return { problem: `File is not valid ${encoding.toUpperCase()} text.` };
    }
  }
  if (bytes.includes(0)) return { problem: 'File looks binary (it contains NUL bytes); not linted.' };
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    return { problem: 'File is not valid UTF-8 text; not linted.' };
  }
}

/** The text of a file, or `undefined` when it cannot be read as text. */
export function decodeText(bytes: Uint8Array): string | undefined {
  const decoded = decodeBytes(bytes);
  return 'text' in decoded ? decoded.text : undefined;
}
