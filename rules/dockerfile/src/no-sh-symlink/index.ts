import { operands } from '../utils/command-options.js';
import { runVisitors } from '../utils/run-instruction.js';
import { runCommands } from '../utils/run-script.js';
import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'shSymlink';

export default createRule<MessageIds, Options>({
  name: 'no-sh-symlink',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow replacing `/bin/sh` with `ln` in RUN; use the SHELL instruction to change the shell of RUN steps',
      recommended: true,
      sources: { hadolint: ['DL4005'] },
    },
    messages: {
      shSymlink: 'Do not relink /bin/sh to change the shell of later RUN steps: use `SHELL ["/bin/bash", "-c"]`, which says so in the Dockerfile and leaves /bin/sh to the programs that need it.',
    },
    schema: [],
    defaultOptions: [],
    requiresShellParser: true,
  },
  create(context) {
    return runVisitors((instruction) => {
      for (const command of runCommands(instruction)) {
        if (command.program !== 'ln') continue;
        const target = operands(command, new Set(['-S', '--suffix', '-t', '--target-directory'])).find((word) => word.value === '/bin/sh');
        if (target) context.report({ range: target.range, messageId: 'shSymlink' });
      }
    });
  },
});
