/**
 * A word without the double or single quotes around it; `null` when quotes or line breaks appear
 * elsewhere in it (word splitting that is not redone here).
 */
export function unquote(word: string): string | null {
  const quoted = /^"([^"\\]*)"$|^'([^']*)'$/.exec(word);
  if (quoted) return quoted[1] ?? quoted[2]!;
  return /["'\n]/.test(word) ? null : word;
}
