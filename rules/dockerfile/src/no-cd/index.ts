import type { ShellNode } from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';
import { runVisitors } from '../utils/run-instruction.js';
import { runCommands } from '../utils/run-script.js';
import type { ShellCommand } from '../utils/shell-command.js';

export type Options = [
  {
    /** Allow `cd` inside `( ... )` and `$( ... )`, where it changes nothing for the commands after. */
    allowInSubshell: boolean;
  },
];
export type MessageIds = 'cd';

/** Shell constructs that run in a child shell: a `cd` there ends with them. */
const SUBSHELLS = new Set(['subshell', 'command_substitution', 'process_substitution']);

export default createRule<MessageIds, Options>({
  name: 'no-cd',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow `cd` in RUN: set the working directory with WORKDIR',
      recommended: false,
      sources: { hadolint: ['DL3003'], trivy: ['DS-0013', 'DS013'] },
    },
    messages: {
      cd: '`cd` changes the directory for this RUN only; set it with `WORKDIR {{target}}`, which later instructions see too and which keeps the command readable.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allowInSubshell: {
            type: 'boolean',
            description: 'Allow `cd` inside `( ... )` and `$( ... )`, where it cannot affect the commands after the subshell (hadolint reports these too).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowInSubshell: true }],
    requiresShellParser: true,
  },
  create(context, [{ allowInSubshell }]) {
    return runVisitors((instruction) => {
      for (const command of runCommands(instruction)) {
        if (command.program !== 'cd' || !command.name.literal) continue;
        if (allowInSubshell && inSubshell(command)) continue;
        const target = command.args.find((word) => !word.value.startsWith('-'));
        context.report({ range: command.name.range, messageId: 'cd', data: { target: target?.value ?? '<folder>' } });
      }
    });
  },
});

/** Whether the command runs inside a subshell of its script. */
function inSubshell(command: ShellCommand): boolean {
  const node = command.node;
  if (!node || !command.script) return false;
  const contains = (outer: ShellNode): boolean => outer.range[0] <= node.range[0] && node.range[1] <= outer.range[1];
  const search = (current: ShellNode): boolean =>
    current !== node && contains(current) && (SUBSHELLS.has(current.type) || current.children.some(search));
  return search(command.script.tree.root);
}
