import type { InstructionNode, StageNode } from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';

type CheckedKeyword = 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK';

export type Options = [
  {
    instructions: CheckedKeyword[];
  },
];
export type MessageIds = 'overridden' | 'removeInstruction';

export default createRule<MessageIds, Options>({
  name: 'no-overridden-instruction',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow a CMD, ENTRYPOINT or HEALTHCHECK that a later one of the same stage replaces',
      recommended: true,
      sources: {
        hadolint: ['DL4003', 'DL4004', 'DL3012'],
        buildkit: ['MultipleInstructionsDisallowed'],
        trivy: ['DS-0016', 'DS016', 'DS-0007', 'DS007', 'DS-0023', 'DS023'],
      },
    },
    messages: {
      overridden: 'This {{keyword}} has no effect: the {{keyword}} on line {{line}} of the same stage replaces it.',
      removeInstruction: 'Remove this {{keyword}}.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          instructions: {
            description: 'The instructions of which a stage may have only one.',
            type: 'array',
            items: { type: 'string', enum: ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'] },
            uniqueItems: true,
          },
        },
      },
    ],
    defaultOptions: [{ instructions: ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'] }],
    hasSuggestions: true,
  },
  create(context, [options]) {
    const checked = new Set<string>(options.instructions);
    const source = context.sourceFile;

    /** The instruction's lines, from the start of its first line to the start of the next one. */
    const lineRange = (instruction: InstructionNode): [number, number] => {
      const start = source.lineStarts[source.positionAt(instruction.range[0]).line - 1]!;
      const before = source.text.slice(start, instruction.range[0]);
      let end = instruction.range[1];
      while (end < source.text.length && (source.text[end] === ' ' || source.text[end] === '\t')) end++;
      if (source.text.startsWith('\r\n', end)) end += 2;
      else if (source.text[end] === '\n') end++;
      return /^[ \t]*$/.test(before) ? [start, end] : [instruction.range[0], instruction.range[1]];
    };

    const checkStage = (stage: StageNode): void => {
      const lastOf = new Map<string, InstructionNode>();
      for (const instruction of stage.instructions) {
        if (checked.has(instruction.keyword)) lastOf.set(instruction.keyword, instruction);
      }
      for (const instruction of stage.instructions) {
        const last = lastOf.get(instruction.keyword);
        if (!last || last === instruction) continue;
        const data = { keyword: instruction.keyword, line: source.positionAt(last.range[0]).line };
        context.report({
          range: instruction.range,
          messageId: 'overridden',
          data,
          suggest: [{ messageId: 'removeInstruction', data, fix: (fixer) => fixer.removeRange(lineRange(instruction)) }],
        });
      }
    };

    return { Stage: checkStage };
  },
});
