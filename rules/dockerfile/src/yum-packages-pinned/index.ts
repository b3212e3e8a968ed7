import { createRule } from '../utils/create-rule.js';
import { rpmPinningPolicy } from '../utils/rpm-package-pinning.js';
import { runVisitors } from '../utils/run-instruction.js';
import { runCommands } from '../utils/run-script.js';
import { unpinnedPackages } from '../utils/unpinned-packages.js';

export type Options = [];
export type MessageIds = 'unpinned';

const POLICY = rpmPinningPolicy(['yum']);

export default createRule<MessageIds, Options>({
  name: 'yum-packages-pinned',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require a version for each package of `yum install` (`tomcat-9.0.87`), so rebuilds install the same packages',
      recommended: false,
      sources: { hadolint: ['DL3033'] },
    },
    messages: {
      unpinned: 'Package `{{package}}` has no version: rebuilding the image installs whatever version is current then. Pin it (`{{package}}-<version>`).',
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
