/**
 * Values computed from texts, kept for the texts seen most recently: bounded by the characters of the
 * texts held (the oldest used goes first), and texts longer than `maxText` are not kept at all. The
 * language server re-lints a file on every keystroke: whatever depends only on a piece's text (a RUN
 * script's syntax tree, a command line's words) is then computed once per distinct piece.
 *
 * Keys are stored detached from the text they were cut from (see `detached`), so a cache never keeps
 * a whole file alive through a slice of it.
 */
export class RecentByText<V> {
  private readonly values = new Map<string, V>();
  private characters = 0;

  constructor(
    private readonly maxCharacters: number,
    private readonly maxText: number = maxCharacters,
  ) {}

  get(text: string): V | undefined {
    const value = this.values.get(text);
    if (value !== undefined) {
      // Most recently used last: the oldest entry is evicted first.
      this.values.delete(text);
      this.values.set(text, value);
    }
    return value;
  }

  set(text: string, value: V): void {
    if (text.length > this.maxText || this.values.has(text)) return;
    this.values.set(detached(text), value);
    this.characters += text.length;
    for (const oldest of this.values.keys()) {
      if (this.characters <= this.maxCharacters) break;
      this.values.delete(oldest);
      this.characters -= oldest.length;
    }
  }

  get size(): number {
    return this.values.size;
  }
}

/**
 * A copy of a string that holds no reference to the string it was cut from. V8 represents a slice
 * (and a join of one slice) as a view of the whole source: kept in a cache, it would keep a whole
 * Dockerfile alive. Concatenating flattens into a new string, which the slice then views.
 */
export function detached(text: string): string {
  return ` ${text}`.slice(1);
}
