export interface ConfigErrorDetails {
  /** The config file, or what stands for it: `preset "recommended"`, `--rule`, `<base config>`. */
  readonly filePath: string;
  /** JSON pointer to the offending value inside the file (`/rules/python-version-pin/1/requires`); `''` for the whole file. */
  readonly pointer: string;
  /** What would have been valid, as a phrase: `"off", "warn", "error" or 0-2`. */
  readonly expected: string;
  /** The value found, when there is one to show. */
  readonly actual?: unknown;
  /** Replaces the `expected X, got Y` sentence when the problem reads better another way (`unknown rule "x"`). */
  readonly problem?: string;
  /** Advice appended after a semicolon: `did you mean "rules"?`. */
  readonly hint?: string;
  /** 1-based position in the file, when known. */
  readonly line?: number;
  readonly column?: number;
}

/**
 * A configuration that cannot be used: a config file that cannot be read or parsed, breaks the config
 * schema, names an unknown rule or preset, or gives a rule options its schema refuses.
 * The CLI prints the message and exits 2.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly filePath: string;
  readonly pointer: string;
  readonly expected: string;
  readonly actual?: unknown;
  readonly line?: number;
  readonly column?: number;

  constructor(details: ConfigErrorDetails) {
    super(formatConfigError(details));
    this.filePath = details.filePath;
    this.pointer = details.pointer;
    this.expected = details.expected;
    if ('actual' in details) this.actual = details.actual;
    if (details.line !== undefined) this.line = details.line;
    if (details.column !== undefined) this.column = details.column;
  }
}

function formatConfigError(details: ConfigErrorDetails): string {
  const position = details.pointer === '' && details.line !== undefined ? `:${details.line}:${details.column ?? 1}` : '';
  const where = details.pointer === '' ? `${details.filePath}${position}` : `${details.filePath}: ${details.pointer}`;
  const got = 'actual' in details ? `, got ${describeValue(details.actual)}` : '';
  const sentence = details.problem ?? `expected ${details.expected}${got}`;
  return `${where}: ${sentence}${details.hint ? `; ${details.hint}` : ''}`;
}

/** A short rendering of a value for a message: JSON, cut at 60 characters. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value) ?? `a ${typeof value}`;
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
