import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'beforeFrom';

export default createRule<MessageIds, Options>({
  name: 'require-from-first',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a Dockerfile to start with `FROM` (optionally after global `ARG`s)',
      recommended: true,
      sources: { hadolint: ['DL3061'] },
    },
    messages: {
      beforeFrom: '{{keyword}} comes before the first FROM: only ARG instructions (and comments) may precede it, so the build fails.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      Dockerfile(dockerfile) {
        const first = dockerfile.instructions.find((instruction) => instruction.keyword !== 'ARG');
        if (!first || first.keyword === 'FROM') return;
        context.report({
          range: first.keywordRange,
          messageId: 'beforeFrom',
          data: { keyword: context.sourceFile.slice(first.keywordRange) },
        });
      },
    };
  },
});
