import { withoutTrailingSlashes } from '@docmind-docker-lint/core';
import type { InstructionNode, StageNode } from '@docmind-docker-lint/core';
import { instructionProperties } from '../utils/instruction-properties.js';

/** The instructions that apply at `at` (the whole stage when omitted): the stage's own, then its parents'. */
function* applying(stage: StageNode, at?: InstructionNode): Generator<InstructionNode> {
  const index = at ? stage.instructions.indexOf(at) : -1;
  const own = index === -1 ? stage.instructions : stage.instructions.slice(0, index);
  for (let position = own.length - 1; position >= 0; position--) yield own[position]!;
  if (stage.parent) yield* applying(stage.parent);
}

/** The last instruction of a keyword in effect: `SHELL` before a RUN, the `ENTRYPOINT` of a stage. */
export function lastInstruction(stage: StageNode, keyword: string, at?: InstructionNode): InstructionNode | null {
  for (const instruction of applying(stage, at)) {
    if (instruction.keyword === keyword) return instruction;
  }
  return null;
}

/** Whether an `ENV PATH=...` in effect lists the folder. */
export function isOnPath(stage: StageNode, folder: string, at?: InstructionNode): boolean {
  for (const instruction of applying(stage, at)) {
    if (instruction.keyword !== 'ENV') continue;
    for (const { name, value } of instructionProperties(instruction)) {
      if (name === 'PATH' && value !== null && value.split(':').some((entry) => withoutTrailingSlashes(entry) === folder)) {
        return true;
      }
    }
  }
  return false;
}
