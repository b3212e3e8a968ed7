import path from 'node:path';
import type { InstructionNode, StageNode } from '@docmind-docker-lint/core';

/**
 * The absolute WORKDIR in effect at an instruction of a stage (at the end of the stage when `at`
 * is omitted): the stage's WORKDIRs in order, each resolved against the one before, starting from
 * the stage it is built `FROM`. `null` when the last absolute WORKDIR is missing or
 * followed by one that uses a variable (the base image's WORKDIR is not known here).
 */
export function stageWorkdir(stage: StageNode, at?: InstructionNode): string | null {
  let workdir = stage.parent ? stageWorkdir(stage.parent) : null;
  for (const instruction of stage.instructions) {
    if (instruction === at) break;
    if (instruction.keyword !== 'WORKDIR') continue;
    const value = instruction.args.map((argument) => argument.value).join(' ');
    if (value === '' || value.includes('$')) {
      workdir = null;
      continue;
    }
    // A relative WORKDIR on top of an unknown one stays unknown.
    workdir = value.startsWith('/') || workdir !== null ? path.posix.resolve(workdir ?? '/', value) : null;
  }
  return workdir;
}
