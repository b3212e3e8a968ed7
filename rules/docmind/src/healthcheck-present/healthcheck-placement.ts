import type { OffsetRange, SourceFile, StageNode } from '@docmind-docker-lint/core';

/** Text to insert at an offset. */
export interface LineInsertion {
  readonly range: OffsetRange;
  readonly text: string;
}

const START_COMMANDS = new Set(['CMD', 'ENTRYPOINT']);

/**
 * Where a new instruction line goes in a stage: just before the CMD / ENTRYPOINT block that ends it
 * (above the comment lines written right over it, which belong to it: a disable directive, a note),
 * else after the stage's last instruction. The line takes its neighbour's indentation and the file's
 * line break, and is set off by a blank line when its neighbour is.
 */
export function insertBeforeStart(stage: StageNode, file: SourceFile, line: string): LineInsertion {
  const { instructions } = stage;
  let start = -1;
  for (let index = instructions.length - 1; index > 0 && START_COMMANDS.has(instructions[index]!.keyword); index--) start = index;
  const eol = file.eol;
  const neighbour = instructions[start === -1 ? instructions.length - 1 : start]!;
  const neighbourLine = file.positionAt(neighbour.range[0]).line - 1;
  const indent = /^[ \t]*/.exec(file.lineText(neighbourLine))![0];
  if (start !== -1) {
    let first = neighbourLine;
    while (first > 0 && /^\s*#/.test(file.lineText(first - 1))) first--;
    const blankBefore = first > 0 && file.lineText(first - 1).trim() === '';
    const offset = file.lineStarts[first]!;
    return { range: [offset, offset], text: `${indent}${line}${eol}${blankBefore ? eol : ''}` };
  }
  const blankBefore = neighbourLine > 0 && file.lineText(neighbourLine - 1).trim() === '';
  return { range: [neighbour.range[1], neighbour.range[1]], text: `${blankBefore ? eol : ''}${eol}${indent}${line}` };
}
