import { commandRemovalRange } from '../utils/command-removal.js';
import { createRule } from '../utils/create-rule.js';
import { packageManagerCommand, type PackageManager } from '../utils/package-manager-command.js';
import { runVisitors } from '../utils/run-instruction.js';
import { runCommands } from '../utils/run-script.js';

export type Options = [
  {
    allowUpgrade: boolean;
  },
];
export type MessageIds = 'distributionUpgrade' | 'upgrade' | 'removeCommand';

/** Subcommands that may move the system to new releases, replacing or removing packages. */
const DISTRIBUTION_UPGRADES: Partial<Record<PackageManager, ReadonlySet<string>>> = {
  'apt-get': new Set(['dist-upgrade', 'full-upgrade']),
  apt: new Set(['dist-upgrade', 'full-upgrade']),
  aptitude: new Set(['dist-upgrade', 'full-upgrade']),
  zypper: new Set(['dist-upgrade', 'dup']),
};

/** Subcommands that upgrade every installed package within the release, when given no package names. */
const UPGRADES: Partial<Record<PackageManager, ReadonlySet<string>>> = {
  'apt-get': new Set(['upgrade']),
  apt: new Set(['upgrade']),
  aptitude: new Set(['upgrade', 'safe-upgrade']),
  zypper: new Set(['update', 'up']),
};

export default createRule<MessageIds, Options>({
  name: 'no-package-upgrade',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow upgrading all installed packages in a build (`apt-get dist-upgrade`, `apt-get upgrade`, `zypper dist-upgrade`, `zypper update`): update the base image instead',
      recommended: false,
      sources: {
        hadolint: ['DL3035', 'DL3005'],
        trivy: ['DS-0024', 'DS024'],
      },
    },
    messages: {
      distributionUpgrade:
        '`{{command}}` can move the image to new package releases, replacing or removing packages the base image was tested with, and the result depends on the day of the build. Use a newer base image instead.',
      upgrade: '`{{command}}` upgrades every installed package to whatever the archive holds on the day of the build, so two builds differ. Use a newer base image instead.',
      removeCommand: 'Remove `{{command}}`.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allowUpgrade: {
            type: 'boolean',
            description: 'Allow upgrades within the release (`apt-get upgrade`, `zypper update`); distribution upgrades are still reported.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowUpgrade: false }],
    hasSuggestions: true,
    requiresShellParser: true,
  },
  create(context, [{ allowUpgrade }]) {
    return runVisitors((instruction) => {
      for (const command of runCommands(instruction)) {
        const invocation = packageManagerCommand(command);
        const subcommand = invocation?.subcommand;
        if (!invocation || !subcommand) continue;
        const distribution = DISTRIBUTION_UPGRADES[invocation.manager]?.has(subcommand.value) ?? false;
        const upgrade = !allowUpgrade && invocation.operands.length === 0 && (UPGRADES[invocation.manager]?.has(subcommand.value) ?? false);
        if (!distribution && !upgrade) continue;
        const shown = `${invocation.command.name.value} ${subcommand.value}`;
        const removal = commandRemovalRange(command, context.sourceFile.text);
        context.report({
          range: subcommand.range,
          messageId: distribution ? 'distributionUpgrade' : 'upgrade',
          data: { command: shown },
          suggest: removal ? [{ messageId: 'removeCommand', data: { command: shown }, fix: (fixer) => fixer.removeRange(removal) }] : [],
        });
      }
    });
  },
});
