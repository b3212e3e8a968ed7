import type { ShellNode } from '@docmind-docker-lint/core';
import { runVisitors } from '../utils/run-instruction.js';
import { runCommands } from '../utils/run-script.js';
import { createRule } from '../utils/create-rule.js';
import type { ShellCommand } from '../utils/shell-command.js';

export type Options = [
  {
    /** Programs that make no sense in a build step. */
    commands: string[];
  },
];
export type MessageIds = 'pointlessCommand';

export default createRule<MessageIds, Options>({
  name: 'no-pointless-command',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow commands that make no sense in a build step (interactive tools, process and service control)',
      recommended: true,
      sources: { hadolint: ['DL3001'] },
    },
    messages: {
      pointlessCommand: "'{{command}}' has no use in a build step: a RUN runs once, without a terminal, services or a running system to act on.",
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          commands: {
            description: 'Program names (without folder) reported when a RUN runs them. Installing them is not reported.',
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
        },
      },
    ],
    defaultOptions: [{ commands: ['free', 'kill', 'mount', 'ps', 'service', 'shutdown', 'ssh', 'top', 'vim'] }],
    requiresShellParser: true,
  },
  create(context, [options]) {
    const pointless = new Set(options.commands);
    return runVisitors((instruction) => {
      for (const command of runCommands(instruction)) {
        if (command.name.literal && pointless.has(command.program)) {
          if (command.program === 'kill' && startsBackgroundJob(command)) continue;
          context.report({ range: command.name.range, messageId: 'pointlessCommand', data: { command: command.program } });
        }
      }
    });
  },
});

/**
 * Whether the script a `kill` is in starts a job in the background (`server & pid=$!`) before it: the
 * step then has a process of its own to stop.
 */
function startsBackgroundJob(command: ShellCommand): boolean {
  const script = command.script;
  const node = command.node;
  if (!script || !node) return false;
  const before = node.range[0];
  const visit = (current: ShellNode): boolean =>
    (current.type === '&' && !current.named && current.range[0] < before) || current.children.some(visit);
  return visit(script.tree.root);
}
