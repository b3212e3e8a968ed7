import type { ShellNode } from '@docmind-docker-lint/core';
import { programName } from '../utils/program-name.js';
import { runVisitors } from '../utils/run-instruction.js';
import { analyseRun, type RunScript } from '../utils/run-script.js';
import { fileRangeOf } from '../utils/script-text.js';
import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'pipeWithoutPipefail';

/** Shells whose `-o pipefail` makes a pipeline fail when any command of it fails. */
const PIPEFAIL_SHELLS = new Set(['bash', 'zsh', 'ash', 'ksh', 'mksh']);

export default createRule<MessageIds, Options>({
  name: 'require-pipefail',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `-o pipefail` in the SHELL (or `set -o pipefail` in the script) before a RUN with a pipe, so a failing command inside the pipe fails the build',
      recommended: true,
      sources: { hadolint: ['DL4006'] },
    },
    messages: {
      pipeWithoutPipefail:
        'Only the last command of this pipe decides whether the step succeeds: set `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before this RUN (or start the script with `set -o pipefail`).',
    },
    schema: [],
    defaultOptions: [],
    requiresShellParser: true,
  },
  create(context) {
    return runVisitors((instruction) => {
      const analysis = analyseRun(instruction);
      if (!analysis.posix) return;
      const shellHasPipefail = hasPipefailOption(analysis.shell);
      for (const script of analysis.scripts) {
        // The SHELL's options reach the RUN's own script; `sh -c '...'` strings and `bash <<EOF` start a new shell.
        const runByShell = script.parent === null;
        const pipe = firstUnguardedPipe(script, runByShell && shellHasPipefail);
        if (!pipe) continue;
        context.report({ range: fileRangeOf(script, pipe.range), messageId: 'pipeWithoutPipefail' });
        return;
      }
    });
  },
});

/** `["/bin/bash", "-eo", "pipefail", "-c"]`: a shell that knows pipefail, given `-o pipefail`. */
function hasPipefailOption(shell: readonly string[]): boolean {
  if (!PIPEFAIL_SHELLS.has(programName(shell[0] ?? ''))) return false;
  return shell.some((arg, index) => /^-[A-Za-z]*o$/.test(arg) && shell[index + 1] === 'pipefail');
}

/**
 * The first `|` of a pipeline that runs without pipefail: none when the shell has it, else the
 * first pipe that comes before no `set -o pipefail` (or `set -euo pipefail`) of the same script.
 */
function firstUnguardedPipe(script: RunScript, shellHasPipefail: boolean): ShellNode | undefined {
  if (shellHasPipefail) return undefined;
  let guardedFrom = Number.POSITIVE_INFINITY;
  let pipe: ShellNode | undefined;
  visit(script.tree.root, (node) => {
    if (node.type === 'command' && isSetPipefail(node)) guardedFrom = Math.min(guardedFrom, node.range[0]);
    if (node.type === 'pipeline' && !pipe) pipe = node.children.find((child) => child.type === '|' || child.type === '|&');
  });
  return pipe && pipe.range[0] < guardedFrom ? pipe : undefined;
}

function isSetPipefail(command: ShellNode): boolean {
  const words = command.children.filter((child) => child.type === 'command_name' || child.field === 'argument').map((child) => child.text);
  if (words[0] !== 'set') return false;
  return words.some((word, index) => /^-[A-Za-z]*o$/.test(word) && words[index + 1] === 'pipefail');
}

function visit(node: ShellNode, callback: (node: ShellNode) => void): void {
  callback(node);
  for (const child of node.children) visit(child, callback);
}
