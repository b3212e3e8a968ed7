import { hasOption } from '../utils/command-options.js';
import { createRule } from '../utils/create-rule.js';
import type { PackageManagerCommand } from '../utils/package-manager-command.js';
import { runVisitors } from '../utils/run-instruction.js';
import { runCommands } from '../utils/run-script.js';
import type { TreeShellWord } from '../utils/shell-word.js';
import { unpinnedPackages, type PinningPolicy } from '../utils/unpinned-packages.js';

export type Options = [];
export type MessageIds = 'unpinned';

/**
 * Long options of `gem install` that take no value. Any other long option written without `=` is
 * read as taking the next word (`--install-dir /opt/gems`), so that word is not mistaken for a gem.
 */
const FLAGS = new Set([
  '--both', '--clear-sources', '--conservative', '--debug', '--default', '--development', '--development-all', '--document',
  '--env-shebang', '--explain', '--force', '--format-executable', '--ignore-dependencies', '--local', '--lock', '--minimal-deps',
  '--no-document', '--no-env-shebang', '--no-force', '--no-format-executable', '--no-lock', '--no-post-install-message',
  '--no-prerelease', '--no-rdoc', '--no-ri', '--no-suggestions', '--no-user-install', '--no-verbose', '--no-wrappers',
  '--norc', '--post-install-message', '--pre', '--prerelease', '--quiet', '--rdoc', '--remote', '--ri', '--silent',
  '--suggestions', '--update-sources', '--user-install', '--vendor', '--verbose', '--wrappers', '--backtrace',
]);

const POLICY: PinningPolicy = {
  managers: new Set(['gem']),
  subcommands: new Set(['install', 'i']),
  isPinned: (gem) => gem.includes(':') || gem.endsWith('.gem'),
  packages: gemWords,
};

export default createRule<MessageIds, Options>({
  name: 'gem-packages-pinned',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require a version for each gem of `gem install` (`bundler:2.5.22` or `-v 2.5.22`), so rebuilds install the same gems',
      recommended: false,
      sources: { hadolint: ['DL3028'] },
    },
    messages: {
      unpinned: 'Gem `{{gem}}` has no version: rebuilding the image installs whatever version is current then. Pin it (`{{gem}}:<version>`).',
    },
    schema: [],
    defaultOptions: [],
    requiresShellParser: true,
  },
  create(context) {
    return runVisitors((instruction) => {
      for (const command of runCommands(instruction)) {
        for (const word of unpinnedPackages(command, POLICY)) {
          context.report({ range: word.range, messageId: 'unpinned', data: { gem: word.value } });
        }
      }
    });
  },
});

/**
 * The gems named by `gem install`: none with `-v`/`--version` (one version for all of them); words
 * after `--` are build options for native extensions, and values of unknown long options are skipped.
 */
function gemWords(invocation: PackageManagerCommand): readonly TreeShellWord[] {
  if (hasOption(invocation.command, ['-v', '--version'])) return [];
  const endOfOptions = invocation.command.args.find((word) => word.value === '--');
  const valueWords = new Set<TreeShellWord>();
  const { args } = invocation.command;
  for (let index = 0; index < args.length - 1; index++) {
    const value = args[index]!.value;
    if (value === '--') break;
    if (value.startsWith('--') && !value.includes('=') && !FLAGS.has(value)) valueWords.add(args[index + 1]!);
  }
  return invocation.operands.filter((word) => !valueWords.has(word) && (!endOfOptions || word.range[0] < endOfOptions.range[0]));
}
