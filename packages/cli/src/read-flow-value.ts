/**
 * Reads the value of a `--rule` flag: JSON, or the YAML flow style ESLint users write
 * (`[error, {allow: [root]}]`, `warn`): brackets, braces, quoted strings and bare words, where bare
 * `true`, `false`, `null` and numbers keep their type. Throws a `SyntaxError` naming the column.
 */
export function readFlowValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON: read it as a YAML flow value below.
  }
  const reader = new FlowReader(text);
  const value = reader.value('end');
  reader.expectEnd();
  return value;
}

const BARE_VALUE_END = { end: /[,\]}]/u, key: /[:,\]}]/u } as const;

class FlowReader {
  private offset = 0;

  constructor(private readonly text: string) {}

  value(context: 'end' | 'key'): unknown {
    this.skipSpaces();
    const char = this.text[this.offset];
    if (char === '[') return this.sequence();
    if (char === '{') return this.mapping();
    if (char === '"' || char === "'") return this.quoted(char);
    return this.bare(context);
  }

  expectEnd(): void {
    this.skipSpaces();
    if (this.offset < this.text.length) this.fail(`unexpected "${this.text[this.offset]}"`);
  }

  private sequence(): unknown[] {
    const items: unknown[] = [];
    this.offset++;
    for (;;) {
      this.skipSpaces();
      if (this.take(']')) return items;
      items.push(this.value('end'));
      this.skipSpaces();
      if (this.take(']')) return items;
      if (!this.take(',')) this.fail('expected "," or "]"');
    }
  }

  private mapping(): Record<string, unknown> {
    const entries: Record<string, unknown> = {};
    this.offset++;
    for (;;) {
      this.skipSpaces();
      if (this.take('}')) return entries;
      const key = this.value('key');
      if (typeof key === 'object' && key !== null) this.fail('a key must be a scalar');
      this.skipSpaces();
      if (!this.take(':')) this.fail('expected ":" after a key');
      entries[String(key)] = this.value('end');
      this.skipSpaces();
      if (this.take('}')) return entries;
      if (!this.take(',')) this.fail('expected "," or "}"');
    }
  }

  private quoted(quote: '"' | "'"): string {
    const start = this.offset;
    this.offset++;
    while (this.offset < this.text.length) {
      const char = this.text[this.offset];
      if (quote === '"' && char === '\\') {
        this.offset += 2;
        continue;
      }
      if (char === quote) {
        // YAML's single-quoted style escapes a quote by doubling it.
        if (quote === "'" && this.text[this.offset + 1] === "'") {
          this.offset += 2;
          continue;
        }
        this.offset++;
        const raw = this.text.slice(start, this.offset);
        if (quote === "'") return raw.slice(1, -1).replaceAll("''", "'");
        try {
          return JSON.parse(raw) as string;
        } catch {
          this.fail('invalid escape in a double-quoted string');
        }
      }
      this.offset++;
    }
    return this.fail(`unterminated ${quote === '"' ? 'double' : 'single'}-quoted string`);
  }

  private bare(context: 'end' | 'key'): unknown {
    const start = this.offset;
    while (this.offset < this.text.length && !BARE_VALUE_END[context].test(this.text[this.offset]!)) this.offset++;
    const word = this.text.slice(start, this.offset).trim();
    if (word === '') this.fail('expected a value');
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null' || word === '~') return null;
    if (/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/u.test(word)) return Number(word);
    return word;
  }

  private skipSpaces(): void {
    while (this.offset < this.text.length && /\s/u.test(this.text[this.offset]!)) this.offset++;
  }

  private take(char: string): boolean {
    if (this.text[this.offset] !== char) return false;
    this.offset++;
    return true;
  }

  private fail(problem: string): never {
    throw new SyntaxError(`${problem} at column ${this.offset + 1}`);
  }
}
