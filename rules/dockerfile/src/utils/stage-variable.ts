import type { InstructionNode, StageNode } from '@docmind-docker-lint/core';
import { instructionProperties } from './instruction-properties.js';

/**
 * The value a variable has for an instruction from the Dockerfile itself: the last `ENV NAME=...` or
 * `ARG NAME=...` before it in its stage, else in the stage it is built `FROM` (and so on up).
 * `undefined` when no such instruction sets it (the base image may still do so); `null` for
 * `ARG NAME` without a default. In a file without FROM, the instructions before it count.
 */
export function stageVariable(instruction: InstructionNode, name: string): string | null | undefined {
  const stage = instruction.stage;
  if (!stage) {
    const unstaged = instruction.dockerfile.instructions.filter((candidate) => candidate.stage === null);
    return lastValue(unstaged, name, instruction.range[0]);
  }
  const seen = new Set<StageNode>();
  let current: StageNode | null = stage;
  let before = instruction.range[0];
  while (current && !seen.has(current)) {
    seen.add(current);
    const value = lastValue(current.instructions, name, before);
    if (value !== undefined) return value;
    current = current.parent;
    before = Number.POSITIVE_INFINITY;
  }
  return undefined;
}

function lastValue(instructions: readonly InstructionNode[], name: string, before: number): string | null | undefined {
  let value: string | null | undefined;
  for (const instruction of instructions) {
    if (instruction.range[0] >= before) break;
    if (instruction.keyword !== 'ENV' && instruction.keyword !== 'ARG') continue;
    for (const property of instructionProperties(instruction)) if (property.name === name) value = property.value;
  }
  return value;
}
