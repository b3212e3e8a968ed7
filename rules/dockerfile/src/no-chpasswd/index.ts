import { runVisitors } from '../utils/run-instruction.js';
import { runCommands } from '../utils/run-script.js';
import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'chpasswd';

export default createRule<MessageIds, Options>({
  name: 'no-chpasswd',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow setting passwords with `chpasswd` in RUN: the password stays in the image history',
      recommended: true,
      sources: { checkov: ['CKV2_DOCKER_17'] },
    },
    messages: {
      chpasswd:
        'chpasswd sets a password in a build step: the password is readable in the image history and layers. Lock the account, or set credentials at run time.',
    },
    schema: [],
    defaultOptions: [],
    requiresShellParser: true,
  },
  create(context) {
    return runVisitors((instruction) => {
      for (const command of runCommands(instruction)) {
        if (command.program === 'chpasswd') context.report({ range: command.name.range, messageId: 'chpasswd' });
      }
    });
  },
});
