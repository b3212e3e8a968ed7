import { parseDockerfile, SourceFile, type InstructionNode, type StageNode } from '@docmind-docker-lint/core';
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
  const text = file.text.slice(0, start) + insertion.text + file.text.slice(end);
  const parsed = parseDockerfile(new SourceFile(file.path, text, 'dockerfile'));
  const last = parsed.stages[stage.index]?.instructions.findLast((instruction) => instruction.keyword === 'USER');
  if (!last || last.range[1] <= start || last.range[0] > start + insertion.text.length) return false;
  return last.args.length === 1 && last.args[0]!.value === user;
}
