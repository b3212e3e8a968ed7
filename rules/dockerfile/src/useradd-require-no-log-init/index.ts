import { findOption } from '../utils/command-options.js';
import { createRule } from '../utils/create-rule.js';
import { runVisitors } from '../utils/run-instruction.js';
import { runCommands } from '../utils/run-script.js';
import type { ShellCommand } from '../utils/shell-command.js';
import type { TreeShellWord } from '../utils/shell-word.js';
import { insertWordAfter } from '../utils/word-edits.js';

export type Options = [];
export type MessageIds = 'missingNoLogInit';

/** UIDs above this make the lastlog and faillog files (sparse, indexed by UID) huge in image layers. */
const MAX_UID_WITHOUT_NO_LOG_INIT = 99_999;

export default createRule<MessageIds, Options>({
  name: 'useradd-require-no-log-init',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `useradd -l` (`--no-log-init`) when creating a user with a high UID',
      recommended: true,
      sources: { hadolint: ['DL3046'] },
    },
    messages: {
      missingNoLogInit:
        '`useradd` with UID {{uid}} and without `-l` writes lastlog and faillog records at that offset, which can add gigabytes to the image layer; add `-l` (`--no-log-init`).',
    },
    schema: [],
    defaultOptions: [],
    fixable: 'code',
    requiresShellParser: true,
  },
  create(context) {
    return runVisitors((instruction) => {
      for (const command of runCommands(instruction)) {
        if (command.program !== 'useradd' || findOption(command, ['-l', '--no-log-init'])) continue;
        const uid = uidOption(command);
        if (!uid || !/^\d+$/.test(uid.value) || Number(uid.value) <= MAX_UID_WITHOUT_NO_LOG_INIT) continue;
        context.report({
          range: [uid.words[0]!.range[0], uid.words[uid.words.length - 1]!.range[1]],
          messageId: 'missingNoLogInit',
          data: { uid: uid.value },
          fix: (fixer) => insertWordAfter(fixer, command, command.name, '-l'),
        });
      }
    });
  },
});

/** The UID given with `-u 1000`, `-u1000`, `--uid 1000` or `--uid=1000`, and the words that give it. */
function uidOption(command: ShellCommand): { value: string; words: TreeShellWord[] } | undefined {
  const { args } = command;
  for (let index = 0; index < args.length; index++) {
    const word = args[index]!;
    if (word.value === '--') return undefined;
    if (word.value === '-u' || word.value === '--uid') {
      const next = args[index + 1];
      return next ? { value: next.value, words: [word, next] } : undefined;
    }
    if (word.value.startsWith('--uid=')) return { value: word.value.slice('--uid='.length), words: [word] };
    if (/^-u\d/.test(word.value)) return { value: word.value.slice(2), words: [word] };
  }
  return undefined;
}
