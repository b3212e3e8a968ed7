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
      unstaged = settingsIndex(instruction.dockerfile.instructions.filter((candidate) => candidate.stage === null));
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
      settings = settingsIndex(current.instructions);
      stageSettings.set(current, settings);
    }
    const value = lastValue(settings, name, before);
    if (value !== undefined) return value;
    current = current.parent;
    before = Number.POSITIVE_INFINITY;
  }
  return undefined;
}

/** One value an ENV or ARG sets, and where that instruction starts. */
interface Setting {
  readonly start: number;
  readonly value: string | null;
}

/**
 * The values the ENV and ARG instructions of each stage (and of the part of a file before any FROM)
 * set, by name, in file order: read once, so asking about every RUN does not scan the stage again.
 */
const stageSettings = new WeakMap<StageNode, ReadonlyMap<string, readonly Setting[]>>();
const unstagedSettings = new WeakMap<InstructionNode['dockerfile'], ReadonlyMap<string, readonly Setting[]>>();

function settingsIndex(instructions: readonly InstructionNode[]): ReadonlyMap<string, readonly Setting[]> {
  const index = new Map<string, Setting[]>();
  for (const instruction of instructions) {
    if (instruction.keyword !== 'ENV' && instruction.keyword !== 'ARG') continue;
    for (const property of instructionProperties(instruction)) {
      const setting = { start: instruction.range[0], value: property.value };
      const settings = index.get(property.name);
      if (settings) settings.push(setting);
      else index.set(property.name, [setting]);
    }
  }
  return index;
}

/** The value of the last setting of `name` by an instruction that starts before `before`. */
function lastValue(index: ReadonlyMap<string, readonly Setting[]>, name: string, before: number): string | null | undefined {
  let value: string | null | undefined;
  for (const setting of index.get(name) ?? []) {
    if (setting.start >= before) break;
    value = setting.value;
  }
  return value;
}
