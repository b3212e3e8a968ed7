import type { InstructionNode, SourceFile } from '@docmind-docker-lint/core';
import { analyseRun } from '../utils/run-script.js';
import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'consecutiveRun' | 'joinRuns';

export default createRule<MessageIds, Options>({
  name: 'no-consecutive-run',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow consecutive single-command RUN instructions with the same flags; join them into one RUN',
      recommended: false,
      sources: { hadolint: ['DL3059'] },
    },
    messages: {
      consecutiveRun: 'This RUN follows another single-command RUN with the same flags: each RUN makes a layer, so join them with `&&`.',
      joinRuns: 'Join this RUN to the one before it with `&&`.',
    },
    schema: [],
    defaultOptions: [],
    hasSuggestions: true,
    requiresShellParser: true,
  },
  create(context) {
    const source = context.sourceFile;
    return {
      // Over the whole file rather than per Stage: instructions before any FROM count too.
      Dockerfile(dockerfile) {
        for (const [index, instruction] of dockerfile.instructions.entries()) {
          const previous = dockerfile.instructions[index - 1];
          if (!previous || instruction.keyword !== 'RUN' || previous.keyword !== 'RUN') continue;
          if (flagsOf(source, previous) !== flagsOf(source, instruction)) continue;
          // Hadolint's measure: a RUN with two or more commands already groups work.
          if (commandCount(previous) > 1 || commandCount(instruction) > 1) continue;
          const join = joinable(source, previous, instruction);
          context.report({
            range: instruction.keywordRange,
            messageId: 'consecutiveRun',
            suggest: join
              ? [{ messageId: 'joinRuns', fix: (fixer) => fixer.replaceTextRange(join, ` && ${instruction.dockerfile.escapeCharacter}\n    `) }]
              : [],
          });
        }
      },
    };
  },
});

function flagsOf(source: SourceFile, instruction: InstructionNode): string {
  return instruction.flags.map((flag) => source.slice(flag.range)).join(' ');
}

function commandCount(instruction: InstructionNode): number {
  return analyseRun(instruction).commands.length;
}

/**
 * The range to replace by ` && \` + newline to join two shell-form RUNs: from the end of the first to
 * the start of the second's script. `undefined` when joining is not a plain text edit: exec form,
 * heredocs, comments between them, or a first script ending in an operator or a continuation.
 */
function joinable(source: SourceFile, first: InstructionNode, second: InstructionNode): [number, number] | undefined {
  if (first.execForm || second.execForm || hasHeredoc(first) || hasHeredoc(second)) return undefined;
  if (!analyseRun(first).posix) return undefined;
  if (source.slice([first.range[1], second.range[0]]).trim() !== '') return undefined;
  if (/[;&|\\`]\s*$/.test(source.slice(first.argsRange))) return undefined;
  let start = second.flags.length > 0 ? second.flags[second.flags.length - 1]!.range[1] : second.keywordRange[1];
  while (source.text[start] === ' ' || source.text[start] === '\t') start++;
  if (start >= second.range[1]) return undefined;
  return [first.range[1], start];
}

function hasHeredoc(instruction: InstructionNode): boolean {
  return /<<-?\s*["']?[A-Za-z_]/.test(instruction.argsText);
}
