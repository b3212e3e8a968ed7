import type { FileEdit, OffsetRange, RuleFixer } from '@docmind-docker-lint/core';
import { findOption } from '../utils/command-options.js';
import { runVisitors } from '../utils/run-instruction.js';
import { runCommands } from '../utils/run-script.js';
import type { ShellCommand } from '../utils/shell-command.js';
import { removeWord } from '../utils/word-edits.js';
import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'unverified' | 'removeOption';

/** Options that install packages whose signature or digest is not checked, by program. */
const UNVERIFIED_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  apk: ['--allow-untrusted'],
  'apt-get': ['--allow-unauthenticated', '--force-yes', '--allow-insecure-repositories', '--allow-downgrades-unauthenticated'],
  apt: ['--allow-unauthenticated', '--force-yes', '--allow-insecure-repositories'],
  yum: ['--nogpgcheck'],
  dnf: ['--nogpgcheck', '--no-gpgchecks'],
  microdnf: ['--nogpgcheck'],
  tdnf: ['--nogpgcheck'],
  zypper: ['--no-gpg-checks'],
  rpm: ['--nodigest', '--nosignature', '--noverify', '--nofiledigest'],
};

/** apt's `-o` settings with the same effect. */
const APT_SETTINGS = /^(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories)=(1|true|yes)$/i;

export default createRule<MessageIds, Options>({
  name: 'no-unverified-packages',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow package manager options that install packages without checking their signatures (apk --allow-untrusted, apt-get --allow-unauthenticated/--force-yes, yum/dnf --nogpgcheck, rpm --nosignature ...)',
      recommended: true,
      sources: { checkov: ['CKV2_DOCKER_7', 'CKV2_DOCKER_8', 'CKV2_DOCKER_9', 'CKV2_DOCKER_10', 'CKV2_DOCKER_11'] },
    },
    messages: {
      unverified: '{{program}} {{option}} installs packages without checking their signatures, so a tampered package would be installed. Import the repository key instead.',
      removeOption: 'Remove {{option}}.',
    },
    schema: [],
    defaultOptions: [],
    hasSuggestions: true,
    requiresShellParser: true,
  },
  create(context) {
    return runVisitors((instruction) => {
      for (const command of runCommands(instruction)) {
        for (const finding of unverifiedOptions(command, context.sourceFile.text)) {
          context.report({
            range: finding.range,
            messageId: 'unverified',
            data: { program: command.program, option: finding.option },
            suggest: finding.removable
              ? [{ messageId: 'removeOption', data: { option: finding.option }, fix: (fixer) => finding.removable!(fixer) }]
              : [],
          });
        }
      }
    });
  },
});

interface Finding {
  readonly option: string;
  readonly range: OffsetRange;
  /** Removes the option; `null` when it is not a word of its own. */
  readonly removable: ((fixer: RuleFixer) => FileEdit) | null;
}

function unverifiedOptions(command: ShellCommand, text: string): Finding[] {
  const findings: Finding[] = [];
  const options = UNVERIFIED_OPTIONS[command.program] ?? [];
  for (const name of options) {
    const word = findOption(command, [name]);
    if (!word) continue;
    findings.push({ option: name, range: word.range, removable: (fixer) => removeWord(fixer, command, word, text) });
  }
  if (command.program === 'apt-get' || command.program === 'apt') {
    for (const [index, word] of command.args.entries()) {
      const setting = word.value === '-o' ? command.args[index + 1] : word.value.startsWith('-o') ? word : undefined;
      const value = setting === word ? word.value.slice(2) : setting?.value;
      if (!setting || value === undefined || !APT_SETTINGS.test(value)) continue;
      findings.push({ option: value, range: [word.range[0], setting.range[1]], removable: null });
    }
  }
  return findings.sort((a, b) => a.range[0] - b.range[0]);
}
