import type { InstructionNode, SourceFile, StageNode } from '@docmind-docker-lint/core';
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
