import type { InstructionNode, StageNode } from '@docmind-docker-lint/core';
import { programName } from './program-name.js';

/** What RUN uses when no SHELL instruction says otherwise (on Linux). */
export const DEFAULT_SHELL: readonly string[] = ['/bin/sh', '-c'];

/**
 * The shell a RUN (or ONBUILD RUN) instruction runs with: the last exec-form `SHELL` before it in its
 * stage, else the one its parent stage ends with (a stage built `FROM` another inherits its SHELL),
 * else `/bin/sh -c`.
 */
export function stageShell(instruction: InstructionNode): readonly string[] {
  const stage = instruction.stage;
  if (!stage) return DEFAULT_SHELL;
  return lastShell(stage, instruction.range[0]) ?? inheritedShell(stage.parent, new Set()) ?? DEFAULT_SHELL;
}

/**
 * Whether a shell reads POSIX shell syntax. PowerShell and cmd do not (as hadolint decides: the
 * program name contains `pwsh`, `powershell` or `cmd`), so shell analysis is off for their RUNs.
 */
export function isPosixShell(shell: readonly string[]): boolean {
  const program = programName((shell[0] ?? '').replaceAll('\\', '/')).toLowerCase();
  return !/pwsh|powershell|cmd/.test(program);
}

/** The exec-form SHELL instructions of each stage, in order, with the shell each sets (read once per stage). */
const stageShells = new WeakMap<StageNode, readonly { readonly start: number; readonly shell: readonly string[] }[]>();

function lastShell(stage: StageNode, before: number): readonly string[] | undefined {
  let shells = stageShells.get(stage);
  if (!shells) {
    shells = stage.instructions
      .filter((instruction) => instruction.keyword === 'SHELL' && instruction.execForm && instruction.execForm.elements.length > 0)
      .map((instruction) => ({ start: instruction.range[0], shell: instruction.execForm!.elements.map((element) => element.value) }));
    stageShells.set(stage, shells);
  }
  let shell: readonly string[] | undefined;
  for (const entry of shells) {
    if (entry.start >= before) break;
    shell = entry.shell;
  }
  return shell;
}

function inheritedShell(stage: StageNode | null, seen: Set<StageNode>): readonly string[] | undefined {
  if (!stage || seen.has(stage)) return undefined;
  seen.add(stage);
  return lastShell(stage, Number.POSITIVE_INFINITY) ?? inheritedShell(stage.parent, seen);
}
