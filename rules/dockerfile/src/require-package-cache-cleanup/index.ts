import type { InstructionNode, OffsetRange, StageNode } from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';
import { packageManagerCommand, type PackageManagerCommand } from '../utils/package-manager-command.js';
import { runVisitors } from '../utils/run-instruction.js';
import { analyseRun, type RunScript } from '../utils/run-script.js';
import { fileRangeOf } from '../utils/script-text.js';
import type { ShellCommand } from '../utils/shell-command.js';
import type { TreeShellWord } from '../utils/shell-word.js';
import { CACHE_KINDS, type CacheKind } from './cache-kinds.js';

export type Options = [];
export type MessageIds = 'cacheLeft';

const NESTED_SUBCOMMANDS = new Set(['group', 'module']);
const NESTED_FILLS = new Set(['install', 'upgrade', 'update']);
/** Options that make a manager run without a subcommand (`yarn --version`) print something and stop. */
const INFORMATIONAL = new Set(['--version', '-v', '--help', '-h']);

export default createRule<MessageIds, Options>({
  name: 'require-package-cache-cleanup',
  meta: {
    type: 'suggestion',
    docs: {
      description:
        'Require the RUN that fills a package manager cache (apt lists, yum/dnf/microdnf/zypper caches, the yarn cache) to empty it, in stages that end up in the image',
      recommended: true,
      sources: {
        hadolint: ['DL3009', 'DL3032', 'DL3040', 'DL3036', 'DL3060'],
        trivy: ['DS-0015', 'DS015', 'DS-0019', 'DS019', 'DS-0027', 'DS027', 'DS-0020', 'DS020'],
      },
    },
    messages: {
      cacheLeft: '`{{command}}` leaves {{cache}} in this layer: end the same RUN with `{{cleanup}}` (or mount a cache there).',
    },
    schema: [],
    defaultOptions: [],
    fixable: 'code',
    requiresShellParser: true,
  },
  create(context) {
    return runVisitors((instruction) => {
      // A stage declaring ONBUILD triggers is meant to be published as a base image (built with
      // `--target`), so its triggers are checked wherever it stands.
      if (instruction.keyword !== 'ONBUILD' && !reachesImage(instruction.stage)) return;
      const commands = analyseRun(instruction).commands;
      const invocations = commands.map(packageManagerCommand);
      for (const kind of CACHE_KINDS) {
        if (kind.mounted(instruction)) continue;
        const filling = lastFilling(kind, commands, invocations);
        if (!filling) continue;
        const emptiedAfter = commands.some((command, index) => command.range[0] > filling.word.range[0] && kind.empties(command, invocations[index] ?? null));
        if (emptiedAfter) continue;
        const end = appendPoint(instruction, filling.invocation.command, context.sourceFile.text);
        context.report({
          range: filling.word.range,
          messageId: 'cacheLeft',
          data: { command: commandText(filling), cache: kind.cache, cleanup: kind.cleanup },
          fix: end === undefined ? null : (fixer) => fixer.insertTextAfterRange([end, end], ` && ${kind.cleanup}`),
        });
      }
    });
  },
});

/** The last command of the RUN that fills this cache, and the word to report (the subcommand). */
function lastFilling(
  kind: CacheKind,
  commands: readonly ShellCommand[],
  invocations: readonly (PackageManagerCommand | null)[],
): { invocation: PackageManagerCommand; word: TreeShellWord } | undefined {
  let found: { invocation: PackageManagerCommand; word: TreeShellWord } | undefined;
  for (const [index, invocation] of invocations.entries()) {
    if (!invocation || commands[index]!.form !== 'shell' || !kind.managers.has(invocation.manager)) continue;
    const { subcommand } = invocation;
    if (!subcommand) {
      if (kind.fills.has('') && !invocation.command.args.some((word) => INFORMATIONAL.has(word.value))) found = { invocation, word: invocation.command.name };
      continue;
    }
    if (kind.fills.has(subcommand.value)) found = { invocation, word: subcommand };
    else if (NESTED_SUBCOMMANDS.has(subcommand.value) && NESTED_FILLS.has(invocation.operands[0]?.value ?? '') && kind.fills.has('install')) {
      found = { invocation, word: invocation.operands[0]! };
    }
  }
  return found;
}

/** `apt-get update`, `dnf group install`, `yarn` (run without a subcommand). */
function commandText({ invocation, word }: { invocation: PackageManagerCommand; word: TreeShellWord }): string {
  const name = invocation.command.name.value;
  if (word === invocation.command.name) return name;
  if (word === invocation.subcommand) return `${name} ${word.value}`;
  return `${name} ${invocation.subcommand?.value ?? ''} ${word.value}`;
}

/**
 * Whether what a stage leaves can end up in the built image: the last stage, and every stage a
 * later stage is built `FROM` (a file without FROM counts as one stage).
 */
function reachesImage(stage: StageNode | null): boolean {
  if (!stage) return true;
  const stages = stage.from.dockerfile.stages;
  return stage === stages[stages.length - 1] || stages.some((later) => later.parent === stage);
}

/**
 * Where ` && cleanup` can be appended so it runs last: the end of the RUN's own shell-form script,
 * when the command is in it (not in a `sh -c` string or a heredoc script), the script parses, has no
 * heredoc and does not end with a comment or an operator. `undefined` otherwise (no fix).
 */
function appendPoint(instruction: InstructionNode, command: ShellCommand, text: string): number | undefined {
  const script: RunScript | null = command.script;
  if (!script || script.origin !== 'shell-form' || script.parent !== null || script.tree.hasError) return undefined;
  if (/<<-?\s*["']?[A-Za-z_]/.test(script.text)) return undefined;
  const statements = script.tree.root.children.filter((child) => child.named);
  const last = statements[statements.length - 1];
  if (!last || last.type === 'comment') return undefined;
  const trailing = script.text.slice(last.range[1]).trim();
  if (trailing !== '') return undefined;
  const range: OffsetRange = fileRangeOf(script, last.range);
  if (range[1] > instruction.range[1] || /[;&|]$/.test(text.slice(range[0], range[1]).trimEnd())) return undefined;
  return range[1];
}
