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
  return stageLineage(stage).some((link) => {
    const first = firstWorkdirStart(link, includeOnbuild);
    return link !== stage ? first !== -1 : first !== -1 && first < instruction.range[0];
  });
}

/** Where the first WORKDIR (or also `ONBUILD WORKDIR`) of a stage starts, -1 without one; by stage, once. */
function firstWorkdirStart(stage: StageNode, includeOnbuild: boolean): number {
  let starts = firstWorkdirStarts.get(stage);
  if (!starts) {
    let plain = -1;
    let onbuild = -1;
    for (const instruction of stage.instructions) {
      const start = instruction.range[0];
      if (instruction.keyword === 'WORKDIR') {
        if (plain === -1 || start < plain) plain = start;
        if (onbuild === -1 || start < onbuild) onbuild = start;
      } else if (instruction.keyword === 'ONBUILD' && instruction.args[0]?.value.toUpperCase() === 'WORKDIR') {
        if (onbuild === -1 || start < onbuild) onbuild = start;
      }
    }
    starts = { plain, onbuild };
    firstWorkdirStarts.set(stage, starts);
  }
  return includeOnbuild ? starts.onbuild : starts.plain;
}

const firstWorkdirStarts = new WeakMap<StageNode, { readonly plain: number; readonly onbuild: number }>();
