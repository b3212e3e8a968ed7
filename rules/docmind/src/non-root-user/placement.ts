import type { InstructionNode, OffsetRange, SourceFile, StageNode } from '@docmind-docker-lint/core';

/** Instructions whose effect depends on the current USER, or that set it. */
const BUILD_STEPS = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'WORKDIR', 'USER', 'ONBUILD']);

export interface TextInsertion {
  readonly range: OffsetRange;
  readonly text: string;
}

/** Whether an instruction of the stage that comes after `instruction` depends on the user. */
export function hasBuildStepsAfter(stage: StageNode, instruction: InstructionNode): boolean {
  const index = stage.instructions.indexOf(instruction);
  return stage.instructions.slice(index + 1).some((later) => BUILD_STEPS.has(later.keyword));
}

/**
 * Where new instructions go so that every build step still runs as before and the container starts
 * with them: just before the first CMD or ENTRYPOINT that follows the last build step (above the
 * comment lines that belong to it), else after the stage's last instruction. The lines take the
 * indentation of their neighbour, the file's line break, and a blank line when the file separates
 * instructions with blank lines.
 */
export function insertAtStageEnd(stage: StageNode, file: SourceFile, lines: readonly string[]): TextInsertion {
  const { instructions } = stage;
  let lastStep = 0;
  instructions.forEach((instruction, index) => {
    if (BUILD_STEPS.has(instruction.keyword)) lastStep = index;
  });
  const start = instructions.findIndex(
    (instruction, index) => index > lastStep && (instruction.keyword === 'CMD' || instruction.keyword === 'ENTRYPOINT'),
  );
  const eol = file.eol;
  const neighbour = instructions[start === -1 ? instructions.length - 1 : start]!;
  const neighbourLine = file.positionAt(neighbour.range[0]).line - 1;
  const indent = /^[ \t]*/.exec(file.lineText(neighbourLine))![0];
  if (start !== -1) {
    let line = neighbourLine;
    while (line > 0 && /^\s*#/.test(file.lineText(line - 1))) line--;
    const blankBefore = line > 0 && file.lineText(line - 1).trim() === '';
    const offset = file.lineStarts[line]!;
    const text = lines.map((added) => `${indent}${added}${eol}`).join('') + (blankBefore ? eol : '');
    return { range: [offset, offset], text };
  }
  const blankBefore = neighbourLine > 0 && file.lineText(neighbourLine - 1).trim() === '';
  const text = (blankBefore ? eol : '') + lines.map((added) => `${eol}${indent}${added}`).join('');
  return { range: [neighbour.range[1], neighbour.range[1]], text };
}

/** The text that replaces a whole instruction by `lines`, indented as it was. */
export function replaceInstruction(instruction: InstructionNode, file: SourceFile, lines: readonly string[]): TextInsertion {
  const indent = /^[ \t]*/.exec(file.lineText(file.positionAt(instruction.range[0]).line - 1))![0];
  return { range: instruction.range, text: lines.join(`${file.eol}${indent}`) };
}
