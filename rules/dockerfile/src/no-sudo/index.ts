import { afterWrapper } from '../utils/command-wrappers.js';
import { programName } from '../utils/program-name.js';
import { runVisitors } from '../utils/run-instruction.js';
import { runCommands } from '../utils/run-script.js';
import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'sudo' | 'removeSudo';

export default createRule<MessageIds, Options>({
  name: 'no-sudo',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `sudo` in RUN: build steps already run as the USER of the stage, and sudo adds a TTY-dependent, setuid tool to the image',
      recommended: true,
      sources: {
        hadolint: ['DL3004'],
        checkov: ['CKV2_DOCKER_1'],
        trivy: ['DS-0010', 'DS010'],
      },
    },
    messages: {
      sudo: 'Do not run commands with sudo: RUN runs as root until a USER instruction; put the step before USER, or drop privileges with gosu/su-exec at run time.',
      removeSudo: 'Remove `{{prefix}}` and run the command as the current user.',
    },
    schema: [],
    defaultOptions: [],
    hasSuggestions: true,
    requiresShellParser: true,
  },
  create(context) {
    const text = context.sourceFile.text;
    return runVisitors((instruction) => {
      for (const command of runCommands(instruction)) {
        for (const [index, word] of command.words.entries()) {
          if (index > command.wrappers.length) break;
          if (!word.literal || programName(word.value) !== 'sudo') continue;
          // sudo with its options: the words up to the next wrapper or the command it runs.
          const after = afterWrapper(command.words, index);
          const next = after === undefined ? undefined : command.words[after];
          context.report({
            range: word.range,
            messageId: 'sudo',
            suggest: next
              ? [
                  {
                    messageId: 'removeSudo',
                    data: { prefix: text.slice(word.range[0], next.range[0]).trim() },
                    fix: (fixer) => fixer.removeRange([word.range[0], next.range[0]]),
                  },
                ]
              : [],
          });
        }
      }
    });
  },
});
