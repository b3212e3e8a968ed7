/**
 * The text without its trailing `/` characters, as `text.replace(/\/+$/, '')` gives (with `keepFirst`:
 * as `replace(/(?<=.)\/+$/, '')`, which keeps a text's first character, so `///` becomes `/`). A scan
 * from the end: the regular expression backtracks quadratically on a long run of `/` that does not end
 * the text.
 */
export function withoutTrailingSlashes(text: string, keepFirst = false): string {
  let end = text.length;
  while (end > (keepFirst ? 1 : 0) && text[end - 1] === '/') end--;
  return text.slice(0, end);
}
