import { findOption } from '../utils/command-options.js';
import { createRule } from '../utils/create-rule.js';
import { packageManagerCommand } from '../utils/package-manager-command.js';
import { runVisitors } from '../utils/run-instruction.js';
import { hasCacheMountOn } from '../utils/run-mounts.js';
import { runCommands } from '../utils/run-script.js';
import type { ShellCommand } from '../utils/shell-command.js';
import { insertWordAfter } from '../utils/word-edits.js';

export type Options = [];
export type MessageIds = 'missingNoCache';

const APK_CACHE = '/var/cache/apk';

export default createRule<MessageIds, Options>({
  name: 'apk-add-no-cache',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require `apk add --no-cache`, so the package index and the downloaded packages do not stay in the image',
      recommended: true,
      sources: {
        hadolint: ['DL3019'],
        trivy: ['DS-0025', 'DS025'],
      },
    },
    messages: {
      missingNoCache:
        '`apk add` keeps the package index and downloaded packages in /var/cache/apk, in the layer: add `--no-cache` (it also fetches a fresh index, so `--update` is not needed).',
    },
    schema: [],
    defaultOptions: [],
    fixable: 'code',
    requiresShellParser: true,
  },
  create(context) {
    return runVisitors((instruction) => {
      if (hasCacheMountOn(instruction, [APK_CACHE, '/etc/apk/cache'])) return;
      const commands = runCommands(instruction);
      for (const [index, command] of commands.entries()) {
        const invocation = packageManagerCommand(command);
        const add = invocation?.manager === 'apk' && invocation.subcommand?.value === 'add' ? invocation.subcommand : undefined;
        if (!invocation || !add) continue;
        // `--no-network` downloads nothing (no index, no package): nothing lands in the cache.
        if (findOption(invocation.command, ['--no-cache', '--no-network']) !== undefined) continue;
        if (commands.slice(index + 1).some(cleansApkCache)) continue;
        context.report({
          range: add.range,
          messageId: 'missingNoCache',
          fix: (fixer) => insertWordAfter(fixer, invocation.command, add, '--no-cache'),
        });
      }
    });
  },
});

/** `rm -rf /var/cache/apk/*` or `apk cache clean` after the install. */
function cleansApkCache(command: ShellCommand): boolean {
  if (command.program === 'rm') return command.args.some((word) => word.value === APK_CACHE || word.value.startsWith(`${APK_CACHE}/`));
  const invocation = packageManagerCommand(command);
  return invocation?.manager === 'apk' && invocation.subcommand?.value === 'cache' && /^(clean|purge)$/.test(invocation.operands[0]?.value ?? '');
}
