import { createRule } from '../utils/create-rule.js';
import { runVisitors } from '../utils/run-instruction.js';
import { runCommands } from '../utils/run-script.js';
import { unpinnedPackages, type PinningPolicy } from '../utils/unpinned-packages.js';

export type Options = [];
export type MessageIds = 'unpinned';

const POLICY: PinningPolicy = {
  managers: new Set(['apt-get', 'apt']),
  subcommands: new Set(['install']),
  // `name=version`, `name/release`, a path (`./x.deb`), a `.deb` file.
  isPinned: (operand) => operand.includes('=') || operand.includes('/') || operand.endsWith('.deb'),
};

export default createRule<MessageIds, Options>({
  name: 'apt-packages-pinned',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require a version for each package of `apt-get install` (`curl=7.88.1-10+deb12u8`), so rebuilds install the same packages',
      recommended: false,
      sources: { hadolint: ['DL3008'] },
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
