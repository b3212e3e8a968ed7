import type { InstructionNode, SourceFile } from '@docmind-docker-lint/core';
import { programName } from '../utils/program-name.js';
import { analyseRun, scriptStart } from '../utils/run-script.js';
import { dockerfileScriptText } from '../utils/script-text.js';
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
  const analysis = analyseRun(instruction);
  return analysis.posix ? analysis.commands.length : nonPosixCommandCount(instruction, analysis.shell);
}

/**
 * The commands of a RUN under cmd or PowerShell (a SHELL saying so, or a Windows stage without one):
 * the parts of its text between the separators of that shell, outside quotes. cmd separates with
 * `&&`, `||`, `&` and `|` (`^` escapes the next character); PowerShell also with `;` and line breaks.
 * Exec form runs one program.
 */
function nonPosixCommandCount(instruction: InstructionNode, shell: readonly string[]): number {
  const start = scriptStart(instruction);
  if (instruction.execForm || start === undefined) return 1;
  const powershell = /pwsh|powershell/i.test(programName((shell[0] ?? '').replaceAll('\\', '/')));
  const { text } = dockerfileScriptText(instruction.dockerfile.file.text, [start, instruction.range[1]], instruction.dockerfile.escapeCharacter);
  const quotes = powershell ? `"'` : '"';
  const separators = powershell ? /^(?:&&|\|\||\||;|\n)/ : /^(?:&&|\|\||&|\|)/;
  let count = 0;
  let part = '';
  let quote: string | null = null;
  const endPart = (): void => {
    if (part.trim() !== '') count++;
    part = '';
  };
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quote !== null) {
      if (char === quote) quote = null;
      part += char;
    } else if (quotes.includes(char)) {
      quote = char;
      part += char;
    } else if (!powershell && char === '^') {
      part += text.slice(index, index + 2);
      index++;
    } else {
      const separator = separators.exec(text.slice(index, index + 2))?.[0];
      if (separator) {
        endPart();
        index += separator.length - 1;
      } else part += char;
    }
  }
  endPart();
  return count;
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
