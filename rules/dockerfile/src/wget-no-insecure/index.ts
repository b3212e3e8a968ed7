import { findOption } from '../utils/command-options.js';
import { runVisitors } from '../utils/run-instruction.js';
import { runCommands } from '../utils/run-script.js';
import { removeWord } from '../utils/word-edits.js';
import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'noCheckCertificate' | 'removeOption';

export default createRule<MessageIds, Options>({
  name: 'wget-no-insecure',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `wget --no-check-certificate` in RUN: it accepts any TLS certificate, so downloads can be tampered with',
      recommended: true,
      sources: { checkov: ['CKV2_DOCKER_3'] },
    },
    messages: {
      noCheckCertificate:
        'wget --no-check-certificate skips TLS certificate checks: anyone on the network path can replace what this step downloads. Install the CA certificate instead.',
      removeOption: 'Remove --no-check-certificate (wget then checks certificates; install the CA certificate the server needs).',
    },
    schema: [],
    defaultOptions: [],
    hasSuggestions: true,
    requiresShellParser: true,
  },
  create(context) {
    return runVisitors((instruction) => {
      for (const command of runCommands(instruction)) {
        if (command.program !== 'wget') continue;
        const word = findOption(command, ['--no-check-certificate']);
        if (!word) continue;
        context.report({
          range: word.range,
          messageId: 'noCheckCertificate',
          suggest: [{ messageId: 'removeOption', fix: (fixer) => removeWord(fixer, command, word, context.sourceFile.text) }],
        });
      }
    });
  },
});
