import path from 'node:path';
import type { InstructionNode, StageNode } from '@docmind-docker-lint/core';
import { visitStageChain, type ExpandVariables } from './stage-chain.js';
import { unquote } from './unquote.js';

/** The WORKDIR before each instruction of a stage, and at its end. */
interface StageWorkdirs {
  readonly before: ReadonlyMap<InstructionNode, string | null>;
  readonly end: string | null;
}

const NO_BUILD_ARGS: Readonly<Record<string, string>> = {};
/** Several rules ask for the WORKDIR at many places of the same stage: the stage is walked once. */
const workdirsByStage = new WeakMap<StageNode, StageWorkdirs>();

/**
 * The absolute WORKDIR in effect at an instruction of a stage (at the end of the stage when `at`
 * is omitted or not in the stage): the WORKDIRs of the stage and of the stages it is built `FROM`,
 * in order, quotes removed, variables expanded (with Compose `buildArgs` when given) and each
 * resolved against the one before. `null` when it is not known here: no absolute WORKDIR yet (the
 * base image's is not known), or a variable whose value only the build or the base image knows.
 */
export function stageWorkdir(stage: StageNode, at?: InstructionNode, buildArgs?: Readonly<Record<string, string>>): string | null {
  const custom = buildArgs !== undefined && Object.keys(buildArgs).length > 0;
  let workdirs = custom ? undefined : workdirsByStage.get(stage);
  if (!workdirs) {
    workdirs = walkWorkdirs(stage, custom ? buildArgs : NO_BUILD_ARGS);
    if (!custom) workdirsByStage.set(stage, workdirs);
  }
  return at && workdirs.before.has(at) ? workdirs.before.get(at)! : workdirs.end;
}

function walkWorkdirs(stage: StageNode, buildArgs: Readonly<Record<string, string>>): StageWorkdirs {
  const before = new Map<InstructionNode, string | null>();
  let workdir: string | null = null;
  visitStageChain(stage, buildArgs, (instruction, expand) => {
    if (instruction.stage === stage) before.set(instruction, workdir);
    if (instruction.keyword === 'WORKDIR') workdir = nextWorkdir(workdir, instruction, expand);
  });
  return { before, end: workdir };
}

/** The WORKDIR after a WORKDIR instruction; a relative one on top of an unknown one stays unknown. */
function nextWorkdir(current: string | null, instruction: InstructionNode, expand: ExpandVariables): string | null {
  const written = unquote(instruction.argsText.trim());
  const target = written === null || written === '' ? null : expand(written, true);
  if (target === null) return null;
  if (target.startsWith('/')) return path.posix.resolve(target);
  return current === null ? null : path.posix.resolve(current, target);
}
