import type { InstructionNode, StageNode } from '@docmind-docker-lint/core';
import { afterWrapper } from '../utils/command-wrappers.js';
import { programName } from '../utils/program-name.js';
import { runVisitors } from '../utils/run-instruction.js';
import { runCommands } from '../utils/run-script.js';
import type { TreeShellWord } from '../utils/shell-word.js';
import { stageVariable } from '../utils/stage-variable.js';
import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'sudo' | 'removeSudo';

export default createRule<MessageIds, Options>({
  name: 'no-sudo',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `sudo` in RUN: build steps already run as the USER of the stage, and sudo adds a TTY-dependent, setuid tool to the image',
      recommended: true,
      sources: {
        hadolint: ['DL3004'],
        checkov: ['CKV2_DOCKER_1'],
        trivy: ['DS-0010', 'DS010'],
      },
    },
    messages: {
      sudo: 'Do not run commands with sudo: RUN runs as root until a USER instruction; put the step before USER, or drop privileges with gosu/su-exec at run time.',
      removeSudo: 'Remove `{{prefix}}` and run the command as the current user.',
    },
    schema: [],
    defaultOptions: [],
    hasSuggestions: true,
    requiresShellParser: true,
  },
  create(context) {
    return runVisitors((instruction) => {
      for (const command of runCommands(instruction)) {
        for (const [index, word] of command.words.entries()) {
          if (index > command.wrappers.length) break;
          if (!word.literal || programName(word.value) !== 'sudo') continue;
          // sudo with its options: the words up to the next wrapper or the command it runs.
          const after = afterWrapper(command.words, index);
          if (dropsPrivileges(instruction, command.words.slice(index + 1, after ?? index + 1))) continue;
          const next = after === undefined ? undefined : command.words[after];
          context.report({
            range: word.range,
            messageId: 'sudo',
            suggest: next
              ? [
                  {
                    messageId: 'removeSudo',
                    data: { prefix: context.sourceFile.text.slice(word.range[0], next.range[0]).trim() },
                    fix: (fixer) => fixer.removeRange([word.range[0], next.range[0]]),
                  },
                ]
              : [],
          });
        }
      }
    });
  },
});

/** sudo's short options that take a value (`-u user`, `-uuser`, `-Eu user`). */
const SUDO_VALUE_LETTERS = new Set(['u', 'g', 'C', 'h', 'p', 'r', 't', 'U', 'D', 'T']);

/**
 * Whether sudo, run with these options, only drops privileges: `sudo -u node ...` (`--user node`,
 * `--user=node`, `-unode`, `-Eu node`) run by root, for a user known not to be root (a literal name,
 * or a variable whose ARG or ENV value in the stage is one). Root needs no sudo rights to become
 * another user; the command gets fewer privileges, not more. Anything else, a user only the build
 * knows or a stage whose USER is not root (or not known), is reported.
 */
function dropsPrivileges(instruction: InstructionNode, options: readonly TreeShellWord[]): boolean {
  const target = sudoUser(options);
  if (!target) return false;
  const user = target.literal ? target.value : variableValue(instruction, target.value);
  return user !== undefined && !isRoot(user) && runsAsRoot(instruction);
}

/** The word or text naming sudo's `-u`/`--user` target, the last one given. */
function sudoUser(options: readonly TreeShellWord[]): { value: string; literal: boolean } | undefined {
  let user: { value: string; literal: boolean } | undefined;
  for (let index = 0; index < options.length; index++) {
    const { value, literal } = options[index]!;
    if (value === '--') break;
    if (value === '--user' || value.startsWith('--user=')) {
      const next = value === '--user' ? options[++index] : { value: value.slice('--user='.length), literal };
      if (next) user = { value: next.value, literal: next.literal };
      continue;
    }
    if (!/^-[A-Za-z]/.test(value) || value.startsWith('--')) continue;
    for (let at = 1; at < value.length; at++) {
      if (!SUDO_VALUE_LETTERS.has(value[at]!)) continue;
      const rest = value.slice(at + 1);
      const given = rest !== '' ? { value: rest, literal } : options[++index];
      if (value[at] === 'u' && given) user = { value: given.value, literal: given.literal };
      break;
    }
  }
  return user;
}

/** `$NAME` or `${NAME}` alone, resolved through the stage's ARG and ENV; `undefined` when not known. */
function variableValue(instruction: InstructionNode, written: string): string | undefined {
  const name = /^\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)\})$/.exec(written);
  const value = name ? stageVariable(instruction, name[1] ?? name[2]!) : undefined;
  return typeof value === 'string' && value !== '' && !value.includes('$') ? value : undefined;
}

/** `root`, uid 0 (`0`, `#0`), with or without a group. */
function isRoot(user: string): boolean {
  const name = user.split(':')[0]!.replace(/^#/, '');
  return name === 'root' || /^0+$/.test(name);
}

/**
 * Whether the RUN runs as root: no USER before it in its stage and the stages it is built from (an
 * image runs RUN as root unless a USER says otherwise), or the last one names root literally.
 */
function runsAsRoot(instruction: InstructionNode): boolean {
  const seen = new Set<StageNode>();
  let before = instruction.range[0];
  for (let stage = instruction.stage; stage && !seen.has(stage); stage = stage.parent) {
    seen.add(stage);
    const user = stage.instructions.filter((candidate) => candidate.keyword === 'USER' && candidate.range[0] < before).at(-1);
    if (user) return user.args.length === 1 && isRoot(user.args[0]!.value);
    before = Number.POSITIVE_INFINITY;
  }
  return true;
}
