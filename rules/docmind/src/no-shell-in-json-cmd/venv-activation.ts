import type { CommandLine } from './shell-syntax.js';

/** `. .venv/bin/activate && streamlit run app.py`: activating a virtualenv only to start one of its programs. */
export interface VenvActivation {
  /** The virtualenv folder as written (`.venv`, `/opt/venv`). */
  readonly venv: string;
  /** The program started in it: a bare name, looked up in `<venv>/bin`. */
  readonly program: string;
  readonly args: readonly string[];
}

/**
 * Recognises `. <venv>/bin/activate && <program> <args>` (also `source`, `;` and `exec <program>`)
 * when the rest is plain words: activation only puts `<venv>/bin` first on PATH, so calling the
 * program by that path does the same without a shell.
 */
export function readVenvActivation(line: CommandLine): VenvActivation | null {
  const [command, script, separator, ...rest] = line.entries;
  if (command !== '.' && command !== 'source') return null;
  if (typeof script !== 'string' || !/^(.+)\/bin\/activate$/.test(script)) return null;
  if (typeof separator !== 'object' || !('op' in separator) || (separator.op !== '&&' && separator.op !== ';')) return null;
  if (!rest.every((entry): entry is string => typeof entry === 'string')) return null;
  const words = rest[0] === 'exec' ? rest.slice(1) : rest;
  const [program, ...args] = words;
  if (program === undefined || program.includes('/') || program === '' || program.includes('$')) return null;
  return { venv: script.slice(0, -'/bin/activate'.length), program, args };
}
