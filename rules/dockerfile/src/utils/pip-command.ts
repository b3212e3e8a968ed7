import type { ShellCommand } from './shell-command.js';

/** `pip`, `pip3`, `pip3.12`, or `python -m pip` / `python3.12 -m pip`: a pip invocation. */
export function isPipCommand(command: ShellCommand): boolean {
  if (/^pip(\d+(\.\d+)*)?$/.test(command.program)) return true;
  return /^python(\d+(\.\d+)*)?$/.test(command.program) && command.args[0]?.value === '-m' && /^pip(\d+(\.\d+)*)?$/.test(command.args[1]?.value ?? '');
}
