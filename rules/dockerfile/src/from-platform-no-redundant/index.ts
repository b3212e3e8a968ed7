import type { FlagNode, InstructionNode } from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';
import { globalArgs } from '../utils/global-args.js';

export type Options = [];
export type MessageIds = 'redundantTargetPlatform';

/** The ways of writing exactly the target platform (quotes change nothing for the builder). */
const TARGET_PLATFORM = /^(["']?)(\$TARGETPLATFORM|\$\{TARGETPLATFORM\})\1$/;

export default createRule<MessageIds, Options>({
  name: 'from-platform-no-redundant',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow `FROM --platform=$TARGETPLATFORM`, which is what FROM does anyway',
      recommended: true,
      sources: { hadolint: ['DL3065'], buildkit: ['RedundantTargetPlatform'] },
    },
    messages: {
      redundantTargetPlatform: '`--platform={{value}}` changes nothing: a stage is built for the target platform unless told otherwise. Remove the flag.',
    },
    schema: [],
    defaultOptions: [],
    fixable: 'code',
  },
  create(context) {
    return {
      FROM(instruction) {
        const flag = platformFlag(instruction);
        if (!flag?.value) return;
        const match = TARGET_PLATFORM.exec(flag.value);
        if (!match) return;
        // A global `ARG TARGETPLATFORM=...` default makes the flag mean something else than the default.
        const redeclared = globalArgs(instruction.dockerfile).get('TARGETPLATFORM')?.value !== undefined;
        const { text } = context.sourceFile;
        let end = flag.range[1];
        while (text[end] === ' ' || text[end] === '\t') end++;
        context.report({
          range: flag.range,
          messageId: 'redundantTargetPlatform',
          data: { value: match[2]! },
          fix: redeclared ? null : (fixer) => fixer.removeRange([flag.range[0], end]),
        });
      },
    };
  },
});

function platformFlag(instruction: InstructionNode): FlagNode | undefined {
  return instruction.flags.find((flag) => flag.name === 'platform');
}
