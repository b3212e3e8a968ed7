import type { InstructionNode } from '@docmind-docker-lint/core';
import { instructionProperties } from './instruction-properties.js';
import type { ShellCommand } from './shell-command.js';
import { runAssignments } from './shell-assignments.js';
import type { TreeShellWord } from './shell-word.js';
import { stageVariable } from './stage-variable.js';
import { variableReferences } from './variable-references.js';

/**
 * The value a RUN word built from plain variable references (`git-core-${VERSION}`) has at build
 * time, as far as the Dockerfile tells: a variable set by ENV or by an ARG default in the stage (or a
 * stage it is built FROM) is replaced by that value; one the build supplies (an ARG without default,
 * an ARG declared in any earlier stage, as hadolint reads it) or the RUN itself sets makes the value
 * unknown (`undefined`); a variable nothing declares expands to nothing, as the shell does.
 * Command substitutions and `${NAME:-word}` forms give `undefined`.
 */
export function wordVariablesValue(word: TreeShellWord, command: ShellCommand): string | undefined {
  const instruction = command.script?.instruction;
  if (!instruction || /\$\(|`/.test(word.value)) return undefined;
  const references = variableReferences(word.value);
  if (references.some((reference) => reference.operator !== null)) return undefined;
  let value = '';
  let position = 0;
  for (const reference of references) {
    const replacement = variableValue(instruction, reference.name);
    if (replacement === undefined) return undefined;
    value += word.value.slice(position, reference.start) + replacement;
    position = reference.end;
  }
  return value + word.value.slice(position);
}

function variableValue(instruction: InstructionNode, name: string): string | undefined {
  const declared = stageVariable(instruction, name);
  if (declared !== undefined) return declared ?? undefined;
  if (runAssignments(instruction).some((assignment) => assignment.name === name)) return undefined;
  const earlierArg = instruction.dockerfile.instructions.some(
    (candidate) =>
      candidate.keyword === 'ARG' &&
      candidate.range[0] < instruction.range[0] &&
      instructionProperties(candidate).some((property) => property.name === name),
  );
  return earlierArg ? undefined : '';
}
