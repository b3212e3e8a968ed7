import { createRule } from '../utils/create-rule.js';
import { exposeItems } from '../utils/expose-items.js';

export type Options = [];
export type MessageIds = 'hostPart';

export default createRule<MessageIds, Options>({
  name: 'expose-no-host-port',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow IP addresses and host-port mappings in `EXPOSE`',
      recommended: true,
      sources: { buildkit: ['ExposeInvalidFormat'] },
    },
    messages: {
      hostPart:
        "'{{item}}': EXPOSE only documents container ports; the builder drops '{{hostPart}}' (publish host ports with `docker run -p` or Compose `ports:`), and this form will become an error.",
    },
    schema: [],
    defaultOptions: [],
    fixable: 'code',
  },
  create(context) {
    return {
      EXPOSE(instruction) {
        for (const item of exposeItems(instruction)) {
          if (item.hostPart === null) continue;
          const { argument } = item;
          // The builder keeps only the container port; with a variable in the text the split is a guess.
          const fixable = !argument.value.includes('$') && item.port !== '';
          context.report({
            range: argument.range,
            messageId: 'hostPart',
            data: { item: argument.value, hostPart: item.hostPart },
            fix: fixable ? (fixer) => fixer.removeRange([argument.range[0], item.portRange[0]]) : null,
          });
        }
      },
    };
  },
});
