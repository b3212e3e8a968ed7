import { createRule } from '../utils/create-rule.js';
import { exposeItems, portNumbers } from '../utils/expose-items.js';

export type Options = [];
export type MessageIds = 'outOfRange' | 'reversedRange';

const MAX_PORT = 65535;

export default createRule<MessageIds, Options>({
  name: 'expose-port-range',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `EXPOSE` ports to be between 0 and 65535',
      recommended: true,
      sources: { hadolint: ['DL3011'], trivy: ['DS-0008'] },
    },
    messages: {
      outOfRange: "Port '{{port}}' is not a valid port: ports go from 0 to 65535.",
      reversedRange: "Port range '{{port}}' ends before it starts.",
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      EXPOSE(instruction) {
        for (const item of exposeItems(instruction)) {
          const numbers = portNumbers(item.port);
          if (!numbers) continue;
          if (numbers.low > MAX_PORT || numbers.high > MAX_PORT) {
            context.report({ range: item.portRange, messageId: 'outOfRange', data: { port: item.port } });
          } else if (numbers.high < numbers.low) {
            context.report({ range: item.portRange, messageId: 'reversedRange', data: { port: item.port } });
          }
        }
      },
    };
  },
});
