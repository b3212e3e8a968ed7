/** Somewhere text is written: `process.stdout` in the bin, a string collector in tests. */
export interface TextSink {
  write(text: string): unknown;
}

/** Everything `main` may use of its process, so it runs in-process under test with fake streams. */
export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  readonly stdin: AsyncIterable<string | Uint8Array>;
  /** The working folder: the project root and the base of relative paths. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether standard output is a terminal (colours default on). */
  readonly isTTY: boolean;
  /** Whether standard error is a terminal (a progress line is drawn on large trees). Default `false`. */
  readonly stderrIsTTY?: boolean;
}
