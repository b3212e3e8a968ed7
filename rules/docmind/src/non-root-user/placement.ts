import { parseDockerfile, SourceFile, type InstructionNode, type OffsetRange, type StageNode } from '@docmind-docker-lint/core';
import { stageEndInsertion, type TextInsertion } from '../utils/stage-end-insertion.js';

/** Instructions whose effect depends on the current USER, or that set it. */
const BUILD_STEPS = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'WORKDIR', 'USER', 'ONBUILD']);

/** Whether an instruction of the stage that comes after `instruction` depends on the user. */
export function hasBuildStepsAfter(stage: StageNode, instruction: InstructionNode): boolean {
  const index = stage.instructions.indexOf(instruction);
  return stage.instructions.slice(index + 1).some((later) => BUILD_STEPS.has(later.keyword));
}

/**
 * Where new instructions go so that every build step still runs as before and the container starts
 * with them: after the stage's last build step, before the CMD or ENTRYPOINT that follows it.
 */
export function insertAtStageEnd(stage: StageNode, file: SourceFile, lines: readonly string[]): TextInsertion {
  return stageEndInsertion(stage, file, lines, (instruction) => BUILD_STEPS.has(instruction.keyword));
}

/** The text that replaces a whole instruction by `lines`, indented as it was. */
export function replaceInstruction(instruction: InstructionNode, file: SourceFile, lines: readonly string[]): TextInsertion {
  const indent = /^[ \t]*/.exec(file.lineText(file.positionAt(instruction.range[0]).line - 1))![0];
  return { range: instruction.range, text: lines.join(`${file.eol}${indent}`) };
}

/** A user name that reads back as itself after `USER ` (POSIX portable names, a trailing `$` allowed). */
export function isPlainUserName(name: string): boolean {
  return /^[A-Za-z0-9_][A-Za-z0-9_.-]*\$?$/.test(name);
}

/**
 * Whether the file, with `insertion` applied, parses with a `USER user` that the inserted text is part
 * of as the last USER of the stage. It does not when the insertion would land in an unterminated
 * heredoc body, or when the file's line breaks (lone CRs) read otherwise: such a fix would be inserted
 * again on every pass, so it is not offered.
 */
export function insertionSetsUser(file: SourceFile, stage: StageNode, insertion: TextInsertion, user: string): boolean {
  const [start, end] = insertion.range;
  // Only the instruction the insertion follows (its continuation or heredoc may take the inserted
  // lines in) and what comes after it can change how the inserted text reads: that piece is parsed
  // alone, with the file's escape character, rather than the whole file again for every fix offered.
  const previous = stage.instructions.findLast((instruction) => instruction.range[0] < start);
  const from = previous ? previous.range[0] : stage.range[0];
  const escape = stage.from.dockerfile.escapeCharacter;
  const directive = escape === '\\' ? '' : `# escape=${escape}\n`;
  const text = directive + file.text.slice(from, start) + insertion.text + file.text.slice(end);
  const parsed = parseDockerfile(new SourceFile(file.path, text, 'dockerfile'));
  const inserted: OffsetRange = [directive.length + start - from, directive.length + start - from + insertion.text.length];
  // The stage as it reads in the piece: up to the first FROM after the inserted text.
  const nextStage = parsed.instructions.findIndex((instruction) => instruction.keyword === 'FROM' && instruction.range[0] >= inserted[1]);
  const stageInstructions = nextStage < 0 ? parsed.instructions : parsed.instructions.slice(0, nextStage);
  const last = stageInstructions.findLast((instruction) => instruction.keyword === 'USER');
  if (!last || last.range[1] <= inserted[0] || last.range[0] > inserted[1]) return false;
  return last.args.length === 1 && last.args[0]!.value === user;
}
