import type { InstructionNode, StageNode } from '@docmind-docker-lint/core';
import { copyArguments, copyFlag, type CopyPath } from '../utils/copy-arguments.js';
import { copySourceKind } from '../utils/copy-source-kind.js';
import { createRule } from '../utils/create-rule.js';
import { isRunInstruction } from '../utils/run-instruction.js';
import { runCommands } from '../utils/run-script.js';
import type { ShellCommand } from '../utils/shell-command.js';

export type Options = [];
export type MessageIds = 'copyThenExtract';

/** tar options that ADD cannot do: with them the RUN step is needed. */
const TAR_ONLY_OPTIONS = /^--(strip-components|exclude|wildcards|transform|xform|no-same-owner|same-owner|owner|group)\b/;

export default createRule<MessageIds, Options>({
  name: 'copy-archive-no-extract',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow copying a tar archive only to unpack it in a later RUN: ADD unpacks it in one layer',
      recommended: false,
      sources: { hadolint: ['DL3010'] },
    },
    messages: {
      copyThenExtract:
        '{{source}} is copied and then unpacked by `tar` on line {{line}}: the archive stays in the COPY layer. `ADD {{source}} <folder>` unpacks it without keeping it.',
    },
    schema: [],
    defaultOptions: [],
    requiresShellParser: true,
  },
  create(context) {
    const checkStage = (instructions: readonly InstructionNode[]): void => {
      const copied: { source: CopyPath; names: Set<string> }[] = [];
      const reported = new Set<CopyPath>();
      for (const instruction of instructions) {
        if (instruction.keyword === 'COPY') copied.push(...archivesCopied(instruction));
        if (!isRunInstruction(instruction) || copied.length === 0) continue;
        for (const command of runCommands(instruction)) {
          if (!isPlainTarExtract(command)) continue;
          const names = new Set(command.args.map((word) => baseName(word.value.replace(/^--file=/, ''))));
          for (const archive of copied) {
            if (reported.has(archive.source) || ![...archive.names].some((name) => names.has(name))) continue;
            reported.add(archive.source);
            context.report({
              range: archive.source.range,
              messageId: 'copyThenExtract',
              data: { source: archive.source.raw, line: String(context.sourceFile.positionAt(command.name.range[0]).line) },
            });
          }
        }
      }
    };
    return {
      Dockerfile(dockerfile) {
        // Per stage (instructions before any FROM form a group of their own): a FROM starts afresh.
        const byStage = new Map<StageNode | null, InstructionNode[]>();
        for (const instruction of dockerfile.instructions) {
          const group = byStage.get(instruction.stage);
          if (group) group.push(instruction);
          else byStage.set(instruction.stage, [instruction]);
        }
        for (const instructions of byStage.values()) checkStage(instructions);
      },
    };
  },
});

/** The archives a COPY from the build context brings in, each with the file names it may have in the image. */
function archivesCopied(instruction: InstructionNode): { source: CopyPath; names: Set<string> }[] {
  const copy = copyArguments(instruction);
  if (!copy?.destination || copyFlag(copy, 'from')) return [];
  const destination = copy.destination.value;
  // The destination names the archive in the image unless it is a folder (ends with a slash).
  const destinationName = /[/\\]$/.test(destination) ? null : baseName(destination);
  return copy.sources
    .filter((source) => copySourceKind(source) === 'archive' && /\.(tar(\.\w+)?|t[gbx]z2?|tb2)$/i.test(source.value))
    .map((source) => ({ source, names: new Set([baseName(source.value), ...(destinationName ? [destinationName] : [])]) }));
}

/** `tar -x`, `tar xf`, `tar --extract` without options only a RUN can do. */
function isPlainTarExtract(command: ShellCommand): boolean {
  if (command.program !== 'tar') return false;
  const [first] = command.args;
  const extracts =
    (first !== undefined && /^[A-Za-z]*x[A-Za-z]*$/.test(first.value)) ||
    command.args.some((word) => /^-[A-Za-z]*x/.test(word.value) || word.value === '--extract' || word.value === '--get');
  return extracts && !command.args.some((word) => TAR_ONLY_OPTIONS.test(word.value));
}

/** The last segment of a Linux or Windows path, without quotes (a quoted path split at a blank keeps one). */
function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).replace(/["']/g, '');
}
