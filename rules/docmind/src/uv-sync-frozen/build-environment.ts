import { globalArgDefaults, type InstructionNode, type StageNode } from '@docmind-docker-lint/core';
import { instructionProperties } from '../utils/instruction-properties.js';
import { stageChain } from '../utils/stage-chain.js';

/**
 * The variables ENV and ARG (with its default, or the global ARG's) set for a RUN: those of the
 * stages the RUN's stage is built `FROM`, then its own before the RUN. Values are as written
 * (`$OTHER` unexpanded); Compose build args are not applied.
 */
export function buildEnvironment(run: InstructionNode): Map<string, string> {
  const stage = run.stage;
  if (!stage) return new Map();
  let environments = stageEnvironments.get(stage);
  if (!environments) {
    environments = stageRunEnvironments(stage, globalArgDefaults(run.dockerfile));
    stageEnvironments.set(stage, environments);
  }
  // A copy: the caller adds the variables the RUN itself exports.
  return new Map(environments.get(run) ?? environments.get(null));
}

/** The environment before each RUN of a stage (and at its end, under `null`), computed in one pass per stage. */
const stageEnvironments = new WeakMap<StageNode, Map<InstructionNode | null, ReadonlyMap<string, string>>>();

function stageRunEnvironments(stage: StageNode, globals: ReadonlyMap<string, string>): Map<InstructionNode | null, ReadonlyMap<string, string>> {
  const environment = new Map<string, string>();
  const before = new Map<InstructionNode | null, ReadonlyMap<string, string>>();
  const chain = stageChain(stage);
  for (const [linkIndex, link] of chain.entries()) {
    for (const instruction of link.instructions) {
      if (instruction.keyword === 'RUN' && linkIndex === chain.length - 1) before.set(instruction, new Map(environment));
      if (instruction.keyword === 'ENV') {
        for (const { name, value } of instructionProperties(instruction)) environment.set(name, value ?? '');
      } else if (instruction.keyword === 'ARG') {
        for (const { name, value } of instructionProperties(instruction)) {
          const known = value ?? globals.get(name);
          if (known !== undefined) environment.set(name, known);
        }
      }
    }
  }
  before.set(null, environment);
  return before;
}

/**
 * uv's reading of a boolean variable (clap's "boolish" values). A value only the build knows
 * (`$FROZEN`) counts as set, so an unknown value never causes a report.
 */
export function isEnabled(value: string | undefined): boolean {
  if (value === undefined) return false;
  if (value.includes('$')) return true;
  return ['1', 'true', 't', 'yes', 'y', 'on'].includes(value.trim().toLowerCase());
}
