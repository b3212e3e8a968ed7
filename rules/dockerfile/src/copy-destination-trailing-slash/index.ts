import type { InstructionNode } from '@docmind-docker-lint/core';
import { copyArguments } from '../utils/copy-arguments.js';
import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'missingSlash';

export default createRule<MessageIds, Options>({
  name: 'copy-destination-trailing-slash',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the destination of a COPY or ADD with several sources to end with `/`',
      recommended: true,
      sources: { hadolint: ['DL3021'], trivy: ['DS-0011', 'DS011'] },
    },
    messages: {
      missingSlash: '{{keyword}} has {{count}} sources, so its destination must be a folder: write {{destination}} with a trailing `/`, or the build fails.',
    },
    schema: [],
    defaultOptions: [],
    fixable: 'code',
  },
  create(context) {
    const check = (instruction: InstructionNode): void => {
      const copy = copyArguments(instruction);
      const destination = copy?.destination;
      if (!copy || !destination || copy.sources.length < 2) return;
      if (/[/\\]$/.test(destination.value)) return;
      // `$DEST` or `${DEST}` may end with a slash: only the build knows.
      if (/\$(\w+|\{[^}]*\})$/.test(destination.value)) return;
      context.report({
        range: destination.range,
        messageId: 'missingSlash',
        data: { keyword: copy.keyword, count: String(copy.sources.length), destination: destination.raw },
        fix: (fixer) => fixer.insertTextAfterRange(destination.valueRange, '/'),
      });
    };
    return { COPY: check, ADD: check, ONBUILD: check };
  },
});
