import type { ShellCommand } from './shell-command.js';
import type { TreeShellWord } from './shell-word.js';

/**
 * The first argument that is one of the options: a long name (`--yes`) matches itself and `--yes=...`;
 * a short one (`-y`) matches itself and grouped flags (`-qy`, `-qO-`); longer short names (`-nv`) match exactly. Arguments after `--` are not options.
 */
export function findOption(command: ShellCommand, names: readonly string[]): TreeShellWord | undefined {
  for (const word of command.args) {
    const value = word.value;
    if (value === '--') return undefined;
    if (!value.startsWith('-')) continue;
    for (const name of names) {
      if (name.startsWith('--') ? value === name || value.startsWith(`${name}=`) : matchesShort(value, name)) return word;
    }
  }
  return undefined;
}

/** Whether the command has one of the options (see `findOption`). */
export function hasOption(command: ShellCommand, names: readonly string[]): boolean {
  return findOption(command, names) !== undefined;
}

/**
 * The operands of a command: arguments that are not options, with the values of `valueOptions`
 * (`-o Dir::Cache=x`, `--target dir`) skipped. `operands(command)[0]` is the subcommand of tools
 * like `apt-get`, `pip` or `npm` (`install`).
 */
export function operands(command: ShellCommand, valueOptions: ReadonlySet<string> = new Set()): TreeShellWord[] {
  const found: TreeShellWord[] = [];
  let optionsEnded = false;
  for (let index = 0; index < command.args.length; index++) {
    const word = command.args[index]!;
    if (optionsEnded || !word.value.startsWith('-') || word.value === '-') found.push(word);
    else if (word.value === '--') optionsEnded = true;
    else if (valueOptions.has(word.value)) index++;
  }
  return found;
}

/** `-y` in `-y` or in grouped flags (`-qy`, `-qO-`: letters up to the first other character). */
function matchesShort(value: string, name: string): boolean {
  if (value === name) return true;
  if (name.length !== 2 || value.startsWith('--')) return false;
  const letters = /^-([A-Za-z0-9]+)/.exec(value)?.[1] ?? '';
  return letters.includes(name[1]!);
}
