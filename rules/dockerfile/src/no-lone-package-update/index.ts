import type { FixFunction, InstructionNode, ShellNode, StageNode } from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';
import { packageManagerCommand, type PackageManager, type PackageManagerCommand } from '../utils/package-manager-command.js';
import { runVisitors } from '../utils/run-instruction.js';
import { analyseRun, runCommands } from '../utils/run-script.js';
import type { ShellCommand } from '../utils/shell-command.js';

export type Options = [];
export type MessageIds = 'loneUpdate' | 'mergeWithNext';

/** Subcommands that refresh a package index, by manager. */
const INDEX_REFRESHES: Partial<Record<PackageManager, ReadonlySet<string>>> = {
  'apt-get': new Set(['update']),
  apt: new Set(['update']),
  aptitude: new Set(['update']),
  apk: new Set(['update']),
  zypper: new Set(['refresh', 'ref']),
  yum: new Set(['makecache']),
  dnf: new Set(['makecache']),
  microdnf: new Set(['makecache']),
};

/** Managers sharing one package index. */
const FAMILIES: Partial<Record<PackageManager, string>> = {
  'apt-get': 'apt',
  apt: 'apt',
  aptitude: 'apt',
  apk: 'apk',
  zypper: 'zypper',
  yum: 'rpm',
  dnf: 'rpm',
  microdnf: 'rpm',
};

/** Commands that change nothing a later install depends on. */
const HARMLESS = new Set(['set', 'echo', 'true', ':', 'printf']);

export default createRule<MessageIds, Options>({
  name: 'no-lone-package-update',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow a RUN that only refreshes the package index (`RUN apt-get update`): the install that follows must refresh in its own RUN',
      recommended: true,
      sources: {
        checkov: ['CKV_DOCKER_5'],
        trivy: ['DS-0017', 'DS017'],
        kics: ['9bae49be-0aa3-4de5-bab2-4c3a069e40cd'],
      },
    },
    messages: {
      loneUpdate:
        '`{{command}}` runs in a RUN of its own: the builder caches that layer, so a later install keeps using the package index of the first build and can fail or install outdated packages. Refresh the index in the same RUN as the install.',
      mergeWithNext: 'Move `{{script}}` to the start of the next RUN, which installs.',
    },
    schema: [],
    defaultOptions: [],
    hasSuggestions: true,
    requiresShellParser: true,
  },
  create(context) {
    return runVisitors((instruction) => {
      const commands = runCommands(instruction);
      const refreshes = commands.map((command) => indexRefresh(command)).filter((invocation) => invocation !== null);
      if (refreshes.length === 0 || refreshes.length + commands.filter((command) => HARMLESS.has(command.program)).length !== commands.length) return;
      for (const refresh of refreshes) {
        const merge = mergeWithNextRun(instruction, refresh.manager, context.sourceFile.text);
        context.report({
          range: refresh.subcommand!.range,
          messageId: 'loneUpdate',
          data: { command: `${refresh.command.name.value} ${refresh.subcommand!.value}` },
          suggest: merge ? [{ messageId: 'mergeWithNext', data: { script: merge.script }, fix: merge.fix }] : [],
        });
      }
    });
  },
});

function indexRefresh(command: ShellCommand): PackageManagerCommand | null {
  const invocation = packageManagerCommand(command);
  const subcommand = invocation?.subcommand?.value;
  return invocation && subcommand !== undefined && INDEX_REFRESHES[invocation.manager]?.has(subcommand) ? invocation : null;
}

/**
 * The edit that moves a lone RUN's script in front of the next instruction's, when that is a RUN of
 * the same stage installing with the same package family, both are plain shell-form RUNs, and only
 * blank space lies between them (a comment or another instruction there would change meaning).
 */
function mergeWithNextRun(instruction: InstructionNode, manager: PackageManager, text: string): { script: string; fix: FixFunction } | null {
  const stage = instruction.stage;
  if (!stage || instruction.keyword !== 'RUN' || instruction.flags.length > 0 || instruction.execForm) return null;
  const next = stage.instructions[instructionIndex(stage, instruction) + 1];
  if (!next || next.keyword !== 'RUN' || next.execForm) return null;
  if (text.slice(instruction.range[1], next.range[0]).trim() !== '') return null;
  const own = analyseRun(instruction).scripts;
  const following = analyseRun(next).scripts[0];
  if (own.length !== 1 || own[0]!.origin !== 'shell-form' || !following || following.origin !== 'shell-form') return null;
  if (own[0]!.tree.hasError || hasComment(own[0]!.tree.root) || /[;&|]\s*$/.test(own[0]!.text)) return null;
  const installs = runCommands(next).some((command) => {
    const invocation = packageManagerCommand(command);
    return invocation !== null && FAMILIES[invocation.manager] === FAMILIES[manager] && indexRefresh(command) === null;
  });
  if (!installs) return null;
  const script = text.slice(instruction.argsRange[0], instruction.argsRange[1]).trim();
  const leading = following.text.length - following.text.trimStart().length;
  const insertAt = following.starts[leading]!;
  return {
    script: own[0]!.text.trim(),
    fix: (fixer) => [fixer.removeRange([instruction.range[0], next.range[0]]), fixer.insertTextBeforeRange([insertAt, insertAt], `${script} && `)],
  };
}

function hasComment(node: ShellNode): boolean {
  return node.type === 'comment' || node.children.some(hasComment);
}

/** Each instruction's index in its stage, computed once per stage (not one `indexOf` per RUN). */
const stageIndexes = new WeakMap<StageNode, ReadonlyMap<InstructionNode, number>>();

function instructionIndex(stage: StageNode, instruction: InstructionNode): number {
  let indexes = stageIndexes.get(stage);
  if (!indexes) {
    indexes = new Map(stage.instructions.map((candidate, index) => [candidate, index]));
    stageIndexes.set(stage, indexes);
  }
  return indexes.get(instruction) ?? -1;
}
