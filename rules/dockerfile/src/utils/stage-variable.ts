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
    let unstaged = unstagedSettings.get(instruction.dockerfile);
    if (!unstaged) {
      unstaged = settingInstructions(instruction.dockerfile.instructions.filter((candidate) => candidate.stage === null));
      unstagedSettings.set(instruction.dockerfile, unstaged);
    }
    return lastValue(unstaged, name, instruction.range[0]);
  }
  const seen = new Set<StageNode>();
  let current: StageNode | null = stage;
  let before = instruction.range[0];
  while (current && !seen.has(current)) {
    seen.add(current);
    let settings = stageSettings.get(current);
    if (!settings) {
      settings = settingInstructions(current.instructions);
      stageSettings.set(current, settings);
    }
    const value = lastValue(settings, name, before);
    if (value !== undefined) return value;
    current = current.parent;
    before = Number.POSITIVE_INFINITY;
  }
  return undefined;
}

/** The ENV and ARG instructions of each stage (and of the part of a file before any FROM), read once. */
const stageSettings = new WeakMap<StageNode, readonly InstructionNode[]>();
const unstagedSettings = new WeakMap<InstructionNode['dockerfile'], readonly InstructionNode[]>();

function settingInstructions(instructions: readonly InstructionNode[]): readonly InstructionNode[] {
  return instructions.filter((instruction) => instruction.keyword === 'ENV' || instruction.keyword === 'ARG');
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
