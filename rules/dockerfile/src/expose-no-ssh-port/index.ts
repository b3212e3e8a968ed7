import { createRule } from '../utils/create-rule.js';
import { exposeItems, portNumbers } from '../utils/expose-items.js';

export type Options = [];
export type MessageIds = 'sshPort';

const SSH_PORT = 22;

export default createRule<MessageIds, Options>({
  name: 'expose-no-ssh-port',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow exposing port 22 (SSH)',
      recommended: true,
      sources: { checkov: ['CKV_DOCKER_1'], trivy: ['DS-0004'] },
    },
    messages: {
      sshPort: "'{{item}}' exposes port 22: an SSH server in a container widens its attack surface; use `docker exec` to get a shell instead.",
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      EXPOSE(instruction) {
        for (const item of exposeItems(instruction)) {
          const numbers = portNumbers(item.port);
          if (!numbers || numbers.low > SSH_PORT || numbers.high < SSH_PORT) continue;
          if (item.protocol !== null && item.protocol.toLowerCase() === 'udp') continue;
          context.report({ range: item.portRange, messageId: 'sshPort', data: { item: item.argument.value } });
        }
      },
    };
  },
});
