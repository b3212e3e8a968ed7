import type { InstructionNode, RuleListener } from '@docmind-docker-lint/core';

/** Whether an instruction runs a command at build time: `RUN`, or `ONBUILD RUN` (when a child image builds). */
export function isRunInstruction(instruction: InstructionNode): boolean {
  if (instruction.keyword === 'RUN') return true;
  return instruction.keyword === 'ONBUILD' && instruction.args[0]?.value.toUpperCase() === 'RUN';
}

/** Visitors calling `handler` for every RUN and ONBUILD RUN instruction, in file order. */
export function runVisitors(handler: (instruction: InstructionNode) => void): RuleListener {
  return {
    RUN: handler,
    ONBUILD: (instruction) => {
      if (isRunInstruction(instruction)) handler(instruction);
    },
  };
}
