import type { InstructionNode } from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';

export type Options = [
  {
    casing: 'majority' | 'upper' | 'lower';
  },
];
export type MessageIds = 'inconsistentCasing';

/** The builder's instructions; anything else on an instruction line is an error of its own, not a casing matter. */
const INSTRUCTIONS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER',
  'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

export default createRule<MessageIds, Options>({
  name: 'instruction-casing',
  meta: {
    type: 'layout',
    docs: {
      description: 'Require instruction keywords to use one case throughout the Dockerfile',
      recommended: true,
      sources: { buildkit: ['ConsistentInstructionCasing'] },
    },
    messages: {
      inconsistentCasing: "Write '{{keyword}}' in {{casing}} like the other instructions of this file ({{reason}}).",
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          casing: {
            description:
              'The case keywords must use: `majority` follows the file (more all-lowercase than all-uppercase keywords means lowercase, otherwise uppercase), `upper` or `lower` force one.',
            type: 'string',
            enum: ['majority', 'upper', 'lower'],
          },
        },
      },
    ],
    defaultOptions: [{ casing: 'majority' }],
    fixable: 'code',
  },
  create(context, [options]) {
    const source = context.sourceFile;
    return {
      Dockerfile(dockerfile) {
        const keywords = dockerfile.instructions
          .map((instruction) => ({ instruction, text: source.slice(instruction.keywordRange) }))
          .filter(({ text }) => INSTRUCTIONS.has(text.toUpperCase()));
        const lower = keywords.filter(({ text }) => text === text.toLowerCase()).length;
        const upper = keywords.filter(({ text }) => text === text.toUpperCase()).length;
        const wantLower = options.casing === 'majority' ? lower > upper : options.casing === 'lower';
        const reason = options.casing === 'majority' ? 'the majority case' : 'as configured';
        const report = (instruction: InstructionNode, text: string): void => {
          const expected = wantLower ? text.toLowerCase() : text.toUpperCase();
          if (text === expected) return;
          context.report({
            range: instruction.keywordRange,
            messageId: 'inconsistentCasing',
            data: { keyword: text, casing: wantLower ? 'lowercase' : 'uppercase', reason },
            fix: (fixer) => fixer.replaceTextRange(instruction.keywordRange, expected),
          });
        };
        for (const { instruction, text } of keywords) report(instruction, text);
      },
    };
  },
});
