import { findOption } from '../utils/command-options.js';
import { runVisitors } from '../utils/run-instruction.js';
import { runCommands } from '../utils/run-script.js';
import { removeWord } from '../utils/word-edits.js';
import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'insecure' | 'removeInsecure';

export default createRule<MessageIds, Options>({
  name: 'curl-no-insecure',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `curl -k`/`--insecure` in RUN: it accepts any TLS certificate, so downloads can be tampered with',
      recommended: true,
      sources: { checkov: ['CKV2_DOCKER_2'] },
    },
    messages: {
      insecure: 'curl {{option}} skips TLS certificate checks: anyone on the network path can replace what this step downloads. Install the CA certificate instead.',
      removeInsecure: 'Remove {{option}} (curl then checks certificates; install the CA certificate the server needs).',
    },
    schema: [],
    defaultOptions: [],
    hasSuggestions: true,
    requiresShellParser: true,
  },
  create(context) {
    return runVisitors((instruction) => {
      for (const command of runCommands(instruction)) {
        if (command.program !== 'curl') continue;
        const word = findOption(command, ['-k', '--insecure']);
        if (!word) continue;
        const grouped = !word.value.startsWith('--') && word.value !== '-k';
        // `-fsSLk`: drop the letter from the group, when the word is written plainly.
        const regrouped = grouped && word.raw === word.value && /^-[A-Za-z]+$/.test(word.value) ? word.value.replace('k', '') : null;
        context.report({
          range: word.range,
          messageId: 'insecure',
          data: { option: word.value },
          suggest:
            !grouped || regrouped
              ? [
                  {
                    messageId: 'removeInsecure',
                    data: { option: grouped ? '-k' : word.value },
                    fix: (fixer) => (regrouped ? fixer.replaceTextRange(word.range, regrouped) : removeWord(fixer, command, word, context.sourceFile.text)),
                  },
                ]
              : [],
        });
      }
    });
  },
});
