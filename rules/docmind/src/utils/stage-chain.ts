import { expandVariables, globalArgDefaults, type InstructionNode, type StageNode } from '@docmind-docker-lint/core';
import { instructionProperties } from './instruction-properties.js';

/**
 * Resolves `$NAME` and `${NAME:-default}` as the builder would at one place of a stage; `null` when
 * the text uses a value only the build knows (an ARG without a default). A name declared nowhere
 * in the chain expands to `''`, or makes the result `null` when `strict` (the base image may set it).
 */
export type ExpandVariables = (text: string, strict?: boolean) => string | null;

/** Stands for a variable that is declared but whose value only the build knows. */
const UNKNOWN = '\u0000';

/** The stage and the earlier stages it is built `FROM`, the first one (based on an image) first. */
export function stageChain(stage: StageNode): StageNode[] {
  const chain: StageNode[] = [];
  for (let current: StageNode | null = stage; current && !chain.includes(current); current = current.parent) chain.unshift(current);
  return chain;
}

/**
 * Visits the instructions of a stage's `FROM` chain in build order, each with the variables in
 * effect at it: ENV inherited along the chain, ARG per stage (a Compose build arg first, then the
 * ARG's default, then the global ARG's default). An ARG or ENV is visited after it takes effect.
 */
export function visitStageChain(
  stage: StageNode,
  buildArgs: Readonly<Record<string, string>>,
  visit: (instruction: InstructionNode, expand: ExpandVariables) => void,
): void {
  const dockerfile = stage.from.dockerfile;
  const globals = globalArgDefaults(dockerfile);
  const env = new Map<string, string>();
  for (const link of stageChain(stage)) {
    const args = new Map<string, string>();
    const lookup = (name: string): string | undefined => env.get(name) ?? args.get(name);
    const expand: ExpandVariables = (text, strict = false) => {
      const value = expandVariables(text, (name) => lookup(name) ?? (strict ? UNKNOWN : undefined), dockerfile.escapeCharacter);
      return value === null || value.includes(UNKNOWN) ? null : value;
    };
    for (const instruction of link.instructions) {
      if (instruction.keyword === 'ARG') {
        for (const { name, value } of instructionProperties(instruction)) {
          const known = buildArgs[name] ?? (value === null ? globals.get(name) : expand(value));
          args.set(name, known ?? UNKNOWN);
        }
      } else if (instruction.keyword === 'ENV') {
        for (const { name, value } of instructionProperties(instruction)) env.set(name, expand(value ?? '') ?? UNKNOWN);
      }
      visit(instruction, expand);
    }
  }
}
