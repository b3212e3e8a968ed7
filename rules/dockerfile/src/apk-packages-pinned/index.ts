import { createRule } from '../utils/create-rule.js';
import { runVisitors } from '../utils/run-instruction.js';
import { runCommands } from '../utils/run-script.js';
import { unpinnedPackages, type PinningPolicy } from '../utils/unpinned-packages.js';

export type Options = [];
export type MessageIds = 'unpinned';

const POLICY: PinningPolicy = {
  managers: new Set(['apk']),
  subcommands: new Set(['add']),
  // `name=version`, `name~version` (and `=~`, `~=`), `name>=version`, `name<version`, an `.apk` file.
  isPinned: (operand) => /[=~<>]/.test(operand) || operand.endsWith('.apk'),
};

export default createRule<MessageIds, Options>({
  name: 'apk-packages-pinned',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require a version for each package of `apk add` (`curl=8.9.1-r2`), so rebuilds install the same packages',
      recommended: false,
      sources: { hadolint: ['DL3018'] },
    },
    messages: {
      unpinned: 'Package `{{package}}` has no version: rebuilding the image installs whatever version is current then. Pin it (`{{package}}=<version>`).',
    },
    schema: [],
    defaultOptions: [],
    requiresShellParser: true,
  },
  create(context) {
    return runVisitors((instruction) => {
      for (const command of runCommands(instruction)) {
        for (const word of unpinnedPackages(command, POLICY)) {
          context.report({ range: word.range, messageId: 'unpinned', data: { package: word.value } });
        }
      }
    });
  },
});
