import type { InstructionNode, StageNode } from '@docmind-docker-lint/core';
import { findOption } from '../utils/command-options.js';
import { createRule } from '../utils/create-rule.js';
import { packageManagerCommand, type PackageManagerCommand } from '../utils/package-manager-command.js';
import { runVisitors } from '../utils/run-instruction.js';
import { runCommands } from '../utils/run-script.js';
import { insertWordAfter } from '../utils/word-edits.js';

export type Options = [];
export type MessageIds = 'missingNoInstallRecommends' | 'addNoInstallRecommends';

/** `APT::Install-Recommends "false";` written to an apt configuration file, or given with `-o`. */
const RECOMMENDS_OFF = /APT::Install-Recommends\s*(?:=\s*|\s+\\?["']?)(?:false|0|no|off)\b/i;

export default createRule<MessageIds, Options>({
  name: 'apt-get-no-install-recommends',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require `apt-get install --no-install-recommends`, so only the packages asked for and their dependencies are installed',
      recommended: true,
      sources: {
        hadolint: ['DL3015'],
        trivy: ['DS-0029', 'DS029'],
      },
    },
    messages: {
      missingNoInstallRecommends: '`{{manager}} install` also installs every recommended package, which the image rarely needs: add `--no-install-recommends`.',
      addNoInstallRecommends: 'Add `--no-install-recommends` (check that nothing the image needs was only recommended).',
    },
    schema: [],
    defaultOptions: [],
    hasSuggestions: true,
    requiresShellParser: true,
  },
  create(context) {
    return runVisitors((instruction) => {
      if (recommendsOffInStage(instruction)) return;
      for (const command of runCommands(instruction)) {
        const invocation = packageManagerCommand(command);
        if (!invocation || (invocation.manager !== 'apt-get' && invocation.manager !== 'apt')) continue;
        const install = invocation.subcommand?.value === 'install' ? invocation.subcommand : undefined;
        if (!install || installsWithoutRecommends(invocation) || simulates(invocation)) continue;
        context.report({
          range: install.range,
          messageId: 'missingNoInstallRecommends',
          data: { manager: invocation.command.name.value },
          suggest: [
            {
              messageId: 'addNoInstallRecommends',
              fix: (fixer) => insertWordAfter(fixer, invocation.command, install, '--no-install-recommends'),
            },
          ],
        });
      }
    });
  },
});

function installsWithoutRecommends(invocation: PackageManagerCommand): boolean {
  const { args } = invocation.command;
  if (findOption(invocation.command, ['--no-install-recommends']) !== undefined) return true;
  if (args.some((word) => /^--install-recommends=(?:no|false|0)$/i.test(word.value))) return true;
  return args.some((word, index) => /^(?:-o|--option)$/.test(args[index - 1]?.value ?? '') && RECOMMENDS_OFF.test(word.value));
}

/** apt-get's long options that only simulate: nothing is downloaded or installed. */
const SIMULATE_OPTIONS = new Set(['--simulate', '--just-print', '--dry-run', '--recon', '--no-act']);
/** Short options of apt-get that take a value (`-o x`, `-tbookworm`): letters after them are that value. */
const VALUE_LETTERS = new Set(['a', 'c', 'o', 't']);

/**
 * `apt-get install -s` (`--simulate`, `--just-print`, `--dry-run`, `--recon`, `--no-act`, or `s`
 * among grouped short options such as `-qs`) prints what it would do and installs nothing.
 */
function simulates(invocation: PackageManagerCommand): boolean {
  for (const { value } of invocation.command.args) {
    if (value === '--') return false;
    if (SIMULATE_OPTIONS.has(value)) return true;
    if (!/^-[A-Za-z]/.test(value)) continue;
    for (const letter of value.slice(1)) {
      if (letter === 's') return true;
      if (VALUE_LETTERS.has(letter) || !/[A-Za-z]/.test(letter)) break;
    }
  }
  return false;
}

/** An earlier RUN of the stage (or of the stages it is built from) turns recommends off in apt's configuration. */
function recommendsOffInStage(instruction: InstructionNode): boolean {
  const seen = new Set<StageNode>();
  let stage = instruction.stage;
  while (stage && !seen.has(stage)) {
    seen.add(stage);
    if (firstRecommendsOff(stage) < instruction.range[0]) return true;
    stage = stage.parent;
  }
  return false;
}

/** Where the first RUN of a stage turning recommends off starts (Infinity if none); read once per stage. */
const recommendsOffStarts = new WeakMap<StageNode, number>();

function firstRecommendsOff(stage: StageNode): number {
  let start = recommendsOffStarts.get(stage);
  if (start === undefined) {
    start = stage.instructions.find((earlier) => earlier.keyword === 'RUN' && RECOMMENDS_OFF.test(earlier.argsText))?.range[0] ?? Number.POSITIVE_INFINITY;
    recommendsOffStarts.set(stage, start);
  }
  return start;
}
