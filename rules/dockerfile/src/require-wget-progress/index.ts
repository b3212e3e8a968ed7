import type { InstructionNode } from '@docmind-docker-lint/core';
import { hasOption } from '../utils/command-options.js';
import { packageManagerCommand } from '../utils/package-manager-command.js';
import { isRunInstruction, runVisitors } from '../utils/run-instruction.js';
import { runCommands } from '../utils/run-script.js';
import type { ShellCommand } from '../utils/shell-command.js';
import { stageLineage } from '../utils/stage-workdirs.js';
import { insertWordAfter } from '../utils/word-edits.js';
import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'noProgress';

/** Options that already keep wget's progress output small. */
const QUIET_OPTIONS = ['--progress', '-q', '--quiet', '-nv', '--no-verbose', '-o', '--output-file', '-a', '--append-output'];

export default createRule<MessageIds, Options>({
  name: 'require-wget-progress',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require `wget` in RUN to use `--progress=dot:giga` (or `-q`/`-nv`), so downloads do not flood the build log',
      recommended: false,
      sources: { hadolint: ['DL3047'] },
    },
    messages: {
      noProgress: 'wget without --progress writes a progress line for every few kilobytes to the build log: add `--progress=dot:giga`, or `-nv`/`-q`.',
    },
    schema: [],
    defaultOptions: [],
    fixable: 'code',
    requiresShellParser: true,
  },
  create(context) {
    return runVisitors((instruction) => {
      for (const command of runCommands(instruction)) {
        if (command.program !== 'wget' || hasOption(command, QUIET_OPTIONS)) continue;
        if (isBusyboxWget(instruction, command)) continue;
        context.report({
          range: command.name.range,
          messageId: 'noProgress',
          fix: (fixer) => insertWordAfter(fixer, command, command.name, '--progress=dot:giga'),
        });
      }
    });
  },
});

/**
 * Whether `wget` is BusyBox's: the stage is built on an Alpine or BusyBox image and no `apk add wget`
 * (GNU wget) ran before, in the stages it is built on or earlier in this RUN. BusyBox's wget has no
 * `--progress` option (the fix would break the build) and redraws one meter line at most once a second.
 */
function isBusyboxWget(instruction: InstructionNode, wget: ShellCommand): boolean {
  const stage = instruction.stage;
  if (!stage) return false;
  const lineage = stageLineage(stage);
  const image = lineage[0]?.image;
  if (!image || !(/alpine/i.test(image.name) || /alpine/i.test(image.tag ?? '') || /(?:^|\/)busybox$/i.test(image.name))) return false;
  for (const link of lineage) {
    for (const earlier of link.instructions) {
      if (earlier.range[0] > instruction.range[0] && link === stage) return true;
      if (!isRunInstruction(earlier)) continue;
      for (const command of runCommands(earlier)) {
        if (earlier === instruction && command.range[0] >= wget.range[0]) return true;
        const apk = packageManagerCommand(command);
        if (apk?.manager === 'apk' && apk.subcommand?.value === 'add' && apk.operands.some((word) => word.value === 'wget')) return false;
      }
    }
  }
  return true;
}
