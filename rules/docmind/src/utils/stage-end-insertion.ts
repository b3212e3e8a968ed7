import type { InstructionNode, OffsetRange, SourceFile, StageNode } from '@docmind-docker-lint/core';

/** Text to insert at an offset. */
export interface TextInsertion {
  readonly range: OffsetRange;
  readonly text: string;
}

const START_COMMANDS = new Set(['CMD', 'ENTRYPOINT']);

/**
 * Where new instruction lines go at the end of a stage: just before the first CMD or ENTRYPOINT
 * that follows the last instruction the lines must come after (`staysBefore`; by default every
 * instruction that is not a CMD or ENTRYPOINT), above the comment lines written right over it, which
 * belong to it (a disable directive, a note); else after the stage's last instruction. The lines
 * take their neighbour's indentation and the file's line break, and are set off by a blank line
 * when their neighbour is.
 */
export function stageEndInsertion(
  stage: StageNode,
  file: SourceFile,
  lines: readonly string[],
  staysBefore: (instruction: InstructionNode) => boolean = (instruction) => !START_COMMANDS.has(instruction.keyword),
): TextInsertion {
  const { instructions } = stage;
  let lastStep = 0;
  instructions.forEach((instruction, index) => {
    if (staysBefore(instruction)) lastStep = index;
  });
  const start = instructions.findIndex((instruction, index) => index > lastStep && START_COMMANDS.has(instruction.keyword));
  const eol = file.eol;
  const neighbour = instructions[start === -1 ? instructions.length - 1 : start]!;
  const neighbourLine = file.positionAt(neighbour.range[0]).line - 1;
  const indent = /^[ \t]*/.exec(file.lineText(neighbourLine))![0];
  if (start !== -1) {
    let line = neighbourLine;
    while (line > 0 && /^\s*#/.test(file.lineText(line - 1))) line--;
    const blankBefore = line > 0 && file.lineText(line - 1).trim() === '';
    const offset = file.lineStarts[line]!;
    return { range: [offset, offset], text: lines.map((added) => `${indent}${added}${eol}`).join('') + (blankBefore ? eol : '') };
  }
  const blankBefore = neighbourLine > 0 && file.lineText(neighbourLine - 1).trim() === '';
  return { range: [neighbour.range[1], neighbour.range[1]], text: (blankBefore ? eol : '') + lines.map((added) => `${eol}${indent}${added}`).join('') };
}
