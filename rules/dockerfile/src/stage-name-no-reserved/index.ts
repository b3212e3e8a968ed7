import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'reservedName';

/** Names the builder gives a meaning of its own: the empty image, and the build context. */
const RESERVED = new Set(['scratch', 'context']);

export default createRule<MessageIds, Options>({
  name: 'stage-name-no-reserved',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow the reserved words `scratch` and `context` as stage names',
      recommended: true,
      sources: { hadolint: ['DL3063'], buildkit: ['ReservedStageName'] },
    },
    messages: {
      reservedName: "'{{name}}' is reserved ({{meaning}}), so a stage of that name cannot be referenced reliably; pick another name.",
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      Stage(stage) {
        const name = stage.name?.toLowerCase();
        if (name === undefined || stage.nameRange === null || !RESERVED.has(name)) return;
        context.report({
          range: stage.nameRange,
          messageId: 'reservedName',
          data: { name: stage.name!, meaning: name === 'scratch' ? '`FROM scratch` is the empty image' : '`context` names the build context' },
        });
      },
    };
  },
});
