import type { InstructionNode, OffsetRange, StageNode } from '@docmind-docker-lint/core';

/** A WORKDIR instruction's path: the text of its arguments, and where it is. */
export interface WorkdirPath {
  readonly instruction: InstructionNode;
  /** As written (quotes kept). */
  readonly raw: string;
  readonly range: OffsetRange;
}

/** The path of a WORKDIR instruction; `null` when it has no argument. */
export function workdirPath(instruction: InstructionNode): WorkdirPath | null {
  const first = instruction.args[0];
  const last = instruction.args[instruction.args.length - 1];
  if (!first || !last) return null;
  const range: OffsetRange = [first.range[0], last.range[1]];
  return { instruction, raw: instruction.dockerfile.file.slice(range), range };
}

/**
 * The stages a stage is built on, itself last: `FROM base AS app` makes `base`'s WORKDIR, USER and
 * ENV the starting point of `app`.
 */
export function stageLineage(stage: StageNode): StageNode[] {
  const lineage: StageNode[] = [];
  for (let current: StageNode | null = stage; current && !lineage.includes(current); current = current.parent) lineage.unshift(current);
  return lineage;
}

/**
 * Whether a WORKDIR (`keyword` `WORKDIR`, or also `ONBUILD WORKDIR` when `includeOnbuild`) comes
 * before the instruction in its stage or in a stage it is built on.
 */
export function hasWorkdirBefore(instruction: InstructionNode, includeOnbuild = false): boolean {
  const stage = instruction.stage;
  if (!stage) return false;
  return stageLineage(stage).some((link) =>
    link.instructions.some(
      (earlier) =>
        (link !== stage || earlier.range[0] < instruction.range[0]) &&
        (earlier.keyword === 'WORKDIR' || (includeOnbuild && earlier.keyword === 'ONBUILD' && earlier.args[0]?.value.toUpperCase() === 'WORKDIR')),
    ),
  );
}
