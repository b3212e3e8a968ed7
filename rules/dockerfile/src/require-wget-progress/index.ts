import { hasOption } from '../utils/command-options.js';
import { runVisitors } from '../utils/run-instruction.js';
import { runCommands } from '../utils/run-script.js';
import { insertWordAfter } from '../utils/word-edits.js';
import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'noProgress';

/** Options that already keep wget's progress output small. */
const QUIET_OPTIONS = ['--progress', '-q', '--quiet', '-nv', '--no-verbose', '-o', '--output-file', '-a', '--append-output'];

export default createRule<MessageIds, Options>({
  name: 'require-wget-progress',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require `wget` in RUN to use `--progress=dot:giga` (or `-q`/`-nv`), so downloads do not flood the build log',
      recommended: false,
      sources: { hadolint: ['DL3047'] },
    },
    messages: {
      noProgress: 'wget without --progress writes a progress line for every few kilobytes to the build log: add `--progress=dot:giga`, or `-nv`/`-q`.',
    },
    schema: [],
    defaultOptions: [],
    fixable: 'code',
    requiresShellParser: true,
  },
  create(context) {
    return runVisitors((instruction) => {
      for (const command of runCommands(instruction)) {
        if (command.program !== 'wget' || hasOption(command, QUIET_OPTIONS)) continue;
        context.report({
          range: command.name.range,
          messageId: 'noProgress',
          fix: (fixer) => insertWordAfter(fixer, command, command.name, '--progress=dot:giga'),
        });
      }
    });
  },
});
