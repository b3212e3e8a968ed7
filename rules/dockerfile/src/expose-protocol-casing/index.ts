import { createRule } from '../utils/create-rule.js';
import { exposeItems } from '../utils/expose-items.js';

export type Options = [];
export type MessageIds = 'protocolCasing';

export default createRule<MessageIds, Options>({
  name: 'expose-protocol-casing',
  meta: {
    type: 'layout',
    docs: {
      description: 'Require the protocol of an `EXPOSE` port to be lowercase',
      recommended: true,
      sources: { buildkit: ['ExposeProtoCasing'] },
    },
    messages: {
      protocolCasing: "Write the protocol of '{{item}}' in lowercase: '{{expected}}'.",
    },
    schema: [],
    defaultOptions: [],
    fixable: 'code',
  },
  create(context) {
    return {
      EXPOSE(instruction) {
        for (const item of exposeItems(instruction)) {
          const { protocol, protocolRange } = item;
          if (protocol === null || protocolRange === null || protocol === protocol.toLowerCase()) continue;
          const expected = protocol.toLowerCase();
          context.report({
            range: protocolRange,
            messageId: 'protocolCasing',
            data: { item: item.argument.value, expected },
            fix: (fixer) => fixer.replaceTextRange(protocolRange, expected),
          });
        }
      },
    };
  },
});
