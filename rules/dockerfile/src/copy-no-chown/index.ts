import type { InstructionNode } from '@docmind-docker-lint/core';
import { copyArguments, copyFlag } from '../utils/copy-arguments.js';
import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'chown';

export default createRule<MessageIds, Options>({
  name: 'copy-no-chown',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow `--chown` on COPY and ADD: files the runtime user owns are files it can change',
      recommended: false,
      sources: { kics: ['aa93e17f-b6db-4162-9334-c70334e7ac28'] },
    },
    messages: {
      chown:
        '`--chown={{owner}}` gives the copied files to {{owner}}; if the container runs as that user it can rewrite its own code. Keep them owned by root and grant only what is needed with `--chmod`.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const check = (instruction: InstructionNode): void => {
      const copy = copyArguments(instruction);
      const chown = copy && copyFlag(copy, 'chown');
      if (!chown) return;
      context.report({ range: chown.range, messageId: 'chown', data: { owner: chown.value ?? '' } });
    };
    return { COPY: check, ADD: check, ONBUILD: check };
  },
});
