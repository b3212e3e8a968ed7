import { createRule } from '../utils/create-rule.js';
import type { PackageManagerCommand } from '../utils/package-manager-command.js';
import { runVisitors } from '../utils/run-instruction.js';
import { runCommands } from '../utils/run-script.js';
import type { TreeShellWord } from '../utils/shell-word.js';
import { unpinnedPackages, type PinningPolicy } from '../utils/unpinned-packages.js';

export type Options = [];
export type MessageIds = 'unpinned';

const POLICY: PinningPolicy = {
  managers: new Set(['zypper']),
  subcommands: new Set(['install', 'in']),
  // `name=version`, `name>=version` (and `<`, `<=`, `>`), an `.rpm` file, a path or URL.
  isPinned: (spec) => /[=<>]/.test(spec) || spec.endsWith('.rpm') || spec.includes('/'),
  packages: packageWords,
};

export default createRule<MessageIds, Options>({
  name: 'zypper-packages-pinned',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require a version for each package of `zypper install` (`tomcat=9.0.87`), so rebuilds install the same packages',
      recommended: false,
      sources: { hadolint: ['DL3037'] },
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

/** The package words; none when `-t`/`--type` selects patterns, patches or products, which have no version to pin. */
function packageWords(invocation: PackageManagerCommand): readonly TreeShellWord[] {
  const type = selectedType(invocation.command.args);
  return type === undefined || type === 'package' ? invocation.operands : [];
}

function selectedType(args: readonly TreeShellWord[]): string | undefined {
  for (let index = 0; index < args.length; index++) {
    const value = args[index]!.value;
    if (value === '-t' || value === '--type') return args[index + 1]?.value;
    if (value.startsWith('--type=')) return value.slice('--type='.length);
  }
  return undefined;
}
