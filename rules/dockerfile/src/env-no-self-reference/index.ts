import type { InstructionNode, StageNode } from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';
import { instructionProperties } from '../utils/instruction-properties.js';
import { variableReferences } from '../utils/variable-references.js';

export type Options = [];
export type MessageIds = 'sameInstruction';

export default createRule<MessageIds, Options>({
  name: 'env-no-self-reference',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow an ENV value that uses a variable set earlier in the same ENV instruction',
      recommended: true,
      sources: { hadolint: ['DL3044'] },
    },
    messages: {
      sameInstruction:
        '`{{reference}}` is expanded before this ENV sets {{name}}, so it is not the `{{value}}` set here. Set {{name}} in an ENV of its own first.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const source = context.sourceFile;
    return {
      ENV(instruction) {
        // The names set before this instruction, read only when a reference needs them.
        let known: Set<string> | undefined;
        const setHere = new Map<string, string>();
        for (const property of instructionProperties(instruction)) {
          if (property.valueRange) {
            const raw = source.slice(property.valueRange);
            for (const reference of variableReferences(raw, instruction.dockerfile.escapeCharacter)) {
              const value = setHere.get(reference.name);
              if (value === undefined || (known ??= namesDefinedBefore(instruction)).has(reference.name)) continue;
              context.report({
                range: [property.valueRange[0] + reference.start, property.valueRange[0] + reference.end],
                messageId: 'sameInstruction',
                data: { reference: raw.slice(reference.start, reference.end), name: reference.name, value },
              });
            }
          }
          setHere.set(property.name, property.value ?? '');
        }
      },
    };
  },
});

/**
 * The ARG and ENV names set before an instruction: in its stage and the stages it is built from, or,
 * before any FROM, in the file so far. A name set earlier has a value the reference may mean on purpose.
 */
function namesDefinedBefore(instruction: InstructionNode): Set<string> {
  const names = new Set<string>();
  const collect = (instructions: readonly InstructionNode[]): void => {
    for (const other of instructions) {
      if (other.range[0] >= instruction.range[0]) break;
      if (other.keyword === 'ARG' || other.keyword === 'ENV') for (const property of instructionProperties(other)) names.add(property.name);
    }
  };
  const { stage } = instruction;
  if (!stage) {
    collect(instruction.dockerfile.instructions);
    return names;
  }
  const seen = new Set<StageNode>();
  for (let current: StageNode | null = stage; current && !seen.has(current); current = current.parent) {
    seen.add(current);
    collect(current.instructions);
  }
  return names;
}
