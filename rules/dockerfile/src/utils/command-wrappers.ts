import type { ShellWord } from './shell-word.js';
import { programName } from './program-name.js';

interface WrapperSpec {
  /** Options that take the next word as their value. */
  readonly valueOptions?: ReadonlySet<string>;
  /** Words after the options that are not the command (`gosu USER cmd`, `timeout 10 cmd`). */
  readonly positional?: number;
  /** `NAME=value` words before the command (`env A=1 cmd`). */
  readonly assignments?: boolean;
  /** Options that make the wrapper do something else than run the command (`command -v`). */
  readonly notRunning?: ReadonlySet<string>;
}

/** Programs that run the command that follows them. */
const WRAPPERS: Readonly<Record<string, WrapperSpec>> = {
  sudo: { valueOptions: new Set(['-u', '-g', '-C', '-h', '-p', '-r', '-t', '-U', '-D', '-T', '--user', '--group', '--chdir', '--prompt']) },
  doas: { valueOptions: new Set(['-u', '-C']) },
  env: { valueOptions: new Set(['-u', '-C', '--unset', '--chdir']), assignments: true },
  nice: { valueOptions: new Set(['-n', '--adjustment']) },
  ionice: { valueOptions: new Set(['-c', '-n', '-p', '--class', '--classdata']) },
  nohup: {},
  time: {},
  exec: { valueOptions: new Set(['-a']) },
  command: { notRunning: new Set(['-v', '-V']) },
  stdbuf: { valueOptions: new Set(['-i', '-o', '-e']) },
  timeout: { valueOptions: new Set(['-s', '-k', '--signal', '--kill-after']), positional: 1 },
  gosu: { positional: 1 },
  'su-exec': { positional: 1 },
};

/**
 * The index of the word naming the program a simple command really runs: wrappers such as
 * `sudo -u app`, `env A=1`, `nice -n 5`, `gosu user` are skipped. When a wrapper runs nothing
 * (`sudo` alone, `command -v x`) the wrapper itself is the command.
 */
export function commandNameIndex(words: readonly ShellWord[]): number {
  let index = 0;
  for (;;) {
    const next = afterWrapper(words, index);
    if (next === undefined || next >= words.length) return index;
    index = next;
  }
}

/**
 * When `words[index]` is a wrapper that runs a command, the index of the word after its options and
 * arguments (the next wrapper or the command); `undefined` otherwise.
 */
export function afterWrapper(words: readonly ShellWord[], index: number): number | undefined {
  const word = words[index];
  const spec = word?.literal ? WRAPPERS[programName(word.value)] : undefined;
  if (!spec) return undefined;
  let next = index + 1;
  let positional = spec.positional ?? 0;
  while (next < words.length) {
    const value = words[next]!.value;
    if (spec.notRunning?.has(value)) return undefined;
    if (value === '--') return next + 1;
    if (value.startsWith('-') && value.length > 1) next += takesValue(value, spec.valueOptions) ? 2 : 1;
    else if (spec.assignments && /^[A-Za-z_][A-Za-z0-9_]*=/.test(value)) next++;
    else if (positional > 0) {
      positional--;
      next++;
    } else return next;
  }
  return next;
}

/**
 * Whether an option word takes the next word as its value: a value option itself (`-u`, `--user`),
 * or grouped short options whose last letter is one (`-Eu user`; in `-uuser` the value is attached).
 */
function takesValue(value: string, valueOptions: ReadonlySet<string> | undefined): boolean {
  if (!valueOptions) return false;
  if (valueOptions.has(value)) return true;
  if (!/^-[A-Za-z]{2,}$/.test(value)) return false;
  const first = [...value.slice(1)].findIndex((letter) => valueOptions.has(`-${letter}`));
  return first === value.length - 2;
}
