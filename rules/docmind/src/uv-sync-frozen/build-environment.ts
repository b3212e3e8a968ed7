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
  let settings = stageSettings.get(stage);
  if (!settings) {
    settings = stageRunSettings(stage, globalArgDefaults(run.dockerfile));
    stageSettings.set(stage, settings);
  }
  // A new map: the caller adds the variables the RUN itself exports.
  const environment = new Map<string, string>();
  const count = settings.before.get(run) ?? settings.names.length;
  for (let index = 0; index < count; index++) environment.set(settings.names[index]!, settings.values[index]!);
  return environment;
}

/**
 * The variables a stage's chain sets, in order, and how many of them are set before each RUN of the
 * stage: one pass per stage, and a RUN's environment is built only when a rule asks for it.
 */
interface StageSettings {
  readonly names: readonly string[];
  readonly values: readonly string[];
  readonly before: ReadonlyMap<InstructionNode, number>;
}

const stageSettings = new WeakMap<StageNode, StageSettings>();

function stageRunSettings(stage: StageNode, globals: ReadonlyMap<string, string>): StageSettings {
  const names: string[] = [];
  const values: string[] = [];
  const before = new Map<InstructionNode, number>();
  const chain = stageChain(stage);
  for (const [linkIndex, link] of chain.entries()) {
    for (const instruction of link.instructions) {
      if (instruction.keyword === 'RUN' && linkIndex === chain.length - 1) before.set(instruction, names.length);
      if (instruction.keyword === 'ENV') {
        for (const { name, value } of instructionProperties(instruction)) {
          names.push(name);
          values.push(value ?? '');
        }
      } else if (instruction.keyword === 'ARG') {
        for (const { name, value } of instructionProperties(instruction)) {
          const known = value ?? globals.get(name);
          if (known === undefined) continue;
          names.push(name);
          values.push(known);
        }
      }
    }
  }
  return { names, values, before };
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
