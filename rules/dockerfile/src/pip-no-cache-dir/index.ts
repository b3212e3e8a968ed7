import type { InstructionNode } from '@docmind-docker-lint/core';
import { findOption } from '../utils/command-options.js';
import { createRule } from '../utils/create-rule.js';
import { packageManagerCommand } from '../utils/package-manager-command.js';
import { runVisitors } from '../utils/run-instruction.js';
import { runMounts } from '../utils/run-mounts.js';
import { runCommands } from '../utils/run-script.js';
import { runAssignments } from '../utils/shell-assignments.js';
import { stageVariable } from '../utils/stage-variable.js';
import { insertWordAfter } from '../utils/word-edits.js';

export type Options = [];
export type MessageIds = 'missingNoCacheDir';

const VARIABLE = 'PIP_NO_CACHE_DIR';
/** Values of PIP_NO_CACHE_DIR read as "no cache" (as hadolint reads them). */
const TRUTHY = /^(?:1|true|on|yes)$/i;
/**
 * `--no-cache-dir` and the abbreviations pip takes for it: pip parses options with Python's optparse,
 * which accepts any prefix of a long option that no other option of the command shares. `--no-c`
 * is ambiguous (`--no-clean`, `--no-color`, `--no-compile`); `--no-ca` to `--no-cache-di`,
 * `--no-cache` among them, are `--no-cache-dir` for `pip install` (checked with pip 23.2).
 */
const NO_CACHE_DIR: readonly string[] = Array.from({ length: '--no-cache-dir'.length - '--no-ca'.length + 1 }, (_, index) =>
  '--no-cache-dir'.slice(0, '--no-ca'.length + index),
);

export default createRule<MessageIds, Options>({
  name: 'pip-no-cache-dir',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require `pip install --no-cache-dir` (or `PIP_NO_CACHE_DIR`, or a cache mount), so pip\'s download cache does not stay in the image',
      recommended: true,
      sources: { hadolint: ['DL3042'] },
    },
    messages: {
      missingNoCacheDir: '`pip install` keeps every downloaded package in its cache folder, in the layer: add `--no-cache-dir` (or set `PIP_NO_CACHE_DIR=1`, or mount a cache on the pip cache folder).',
    },
    schema: [],
    defaultOptions: [],
    fixable: 'code',
    requiresShellParser: true,
  },
  create(context) {
    return runVisitors((instruction) => {
      if (hasPipCacheMount(instruction) || TRUTHY.test(stageVariable(instruction, VARIABLE) ?? '')) return;
      const assignments = runAssignments(instruction).filter((assignment) => assignment.name === VARIABLE);
      for (const command of runCommands(instruction)) {
        const invocation = packageManagerCommand(command);
        const install = invocation?.manager === 'pip' && invocation.subcommand?.value === 'install' ? invocation.subcommand : undefined;
        if (!invocation || !install || findOption(invocation.command, NO_CACHE_DIR) !== undefined) continue;
        // The last assignment before the command decides (`A=1 pip ...` prefixes come before it too).
        const assignment = assignments.filter((candidate) => candidate.range[0] < install.range[0]).at(-1);
        if (assignment && TRUTHY.test(assignment.value?.value ?? '')) continue;
        context.report({
          range: install.range,
          messageId: 'missingNoCacheDir',
          fix: (fixer) => insertWordAfter(fixer, invocation.command, install, '--no-cache-dir'),
        });
      }
    });
  },
});

/** A cache or tmpfs mount on pip's cache folder (`/root/.cache/pip`, any `~/.cache`). */
function hasPipCacheMount(instruction: InstructionNode): boolean {
  return runMounts(instruction).some(
    (mount) => (mount.type === 'cache' || mount.type === 'tmpfs') && mount.target !== null && /\/\.cache(?:\/pip)?$/.test(mount.target),
  );
}
