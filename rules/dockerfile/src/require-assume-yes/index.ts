import { findOption } from '../utils/command-options.js';
import { createRule } from '../utils/create-rule.js';
import { packageManagerCommand, type PackageManagerCommand } from '../utils/package-manager-command.js';
import { runVisitors } from '../utils/run-instruction.js';
import { runCommands } from '../utils/run-script.js';
import type { TreeShellWord } from '../utils/shell-word.js';
import { insertWordAfter } from '../utils/word-edits.js';

export type Options = [];
export type MessageIds = 'missingYes';

/** Subcommands that ask for a confirmation, by manager (`group`/`module` take a second subcommand). */
const PROMPTING: Readonly<Record<string, ReadonlySet<string>>> = {
  'apt-get': new Set(['install', 'upgrade', 'dist-upgrade', 'remove', 'purge', 'autoremove', 'autopurge', 'build-dep']),
  yum: new Set(['install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'remove', 'erase', 'downgrade', 'autoremove', 'distro-sync', 'groupremove', 'groupupdate']),
  dnf: new Set(['install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'remove', 'erase', 'downgrade', 'autoremove', 'distro-sync', 'groupremove', 'groupupdate']),
  microdnf: new Set(['install', 'reinstall', 'update', 'upgrade', 'remove', 'downgrade', 'distro-sync']),
  zypper: new Set(['install', 'in', 'remove', 'rm', 'update', 'up', 'patch', 'dist-upgrade', 'dup', 'source-install', 'si', 'install-new-recommends', 'inr', 'verify', 've']),
};
const GROUP_SUBCOMMANDS = new Set(['group', 'module']);
const GROUP_ACTIONS = new Set(['install', 'remove', 'upgrade', 'update']);

export default createRule<MessageIds, Options>({
  name: 'require-assume-yes',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the non-interactive switch (`-y`, zypper `-n`) on apt-get, yum, dnf, microdnf and zypper commands that ask for a confirmation',
      recommended: true,
      sources: {
        hadolint: ['DL3014', 'DL3030', 'DL3038', 'DL3034'],
        trivy: ['DS-0021', 'DS021'],
      },
    },
    messages: {
      missingYes: '`{{manager}} {{subcommand}}` may stop to ask for a confirmation, which a build cannot give: add `{{flag}}`.',
    },
    schema: [],
    defaultOptions: [],
    fixable: 'code',
    requiresShellParser: true,
  },
  create(context) {
    return runVisitors((instruction) => {
      for (const command of runCommands(instruction)) {
        const invocation = packageManagerCommand(command);
        const subcommand = invocation && promptingSubcommand(invocation);
        if (!invocation || !subcommand || isNonInteractive(invocation)) continue;
        const zypper = invocation.manager === 'zypper';
        const flag = zypper ? '-n' : '-y';
        context.report({
          range: subcommand.range,
          messageId: 'missingYes',
          data: { manager: invocation.command.name.value, subcommand: subcommand.value, flag },
          // zypper's `-n` is a global option: it goes before the subcommand.
          fix: (fixer) => insertWordAfter(fixer, invocation.command, zypper ? invocation.command.name : subcommand, flag),
        });
      }
    });
  },
});

/** The (last) subcommand word when it asks for a confirmation: `install`, or `install` of `group install`. */
function promptingSubcommand(invocation: PackageManagerCommand): TreeShellWord | undefined {
  const prompting = PROMPTING[invocation.manager];
  const subcommand = invocation.subcommand;
  if (!prompting || !subcommand) return undefined;
  if (prompting.has(subcommand.value)) return subcommand;
  const action = invocation.operands[0];
  if (invocation.manager !== 'zypper' && GROUP_SUBCOMMANDS.has(subcommand.value) && action && GROUP_ACTIONS.has(action.value)) return action;
  return undefined;
}

function isNonInteractive(invocation: PackageManagerCommand): boolean {
  const { command, manager } = invocation;
  switch (manager) {
    case 'apt-get':
      return (
        findOption(command, ['-y', '--yes', '--assume-yes', '-s', '--simulate', '--just-print', '--dry-run', '--recon', '--no-act']) !== undefined ||
        aptQuietLevel(command.args) >= 2 ||
        hasAssumeYesConfig(command.args)
      );
    case 'zypper':
      return findOption(command, ['-y', '--no-confirm', '--non-interactive']) !== undefined || hasGlobalShortN(invocation);
    default:
      return findOption(command, ['-y', '--assumeyes']) !== undefined || hasSetopt(command.args);
  }
}

/** `-qq`, `-q -q`, `-q=2`, `--quiet --quiet`: apt-get's quiet level 2 implies `--yes`. */
function aptQuietLevel(args: readonly TreeShellWord[]): number {
  let level = 0;
  for (const { value } of args) {
    if (value === '--') break;
    const explicit = /^(?:-q|--quiet)=(\d+)$/.exec(value);
    if (explicit) level = Number(explicit[1]);
    else if (value === '--quiet') level++;
    else if (/^-[A-Za-z]+$/.test(value)) level += [...value].filter((letter) => letter === 'q').length;
  }
  return level;
}

/** `-o APT::Get::Assume-Yes=true`. */
function hasAssumeYesConfig(args: readonly TreeShellWord[]): boolean {
  return args.some((word, index) => /^(?:-o|--option)$/.test(args[index - 1]?.value ?? '') && /^APT::Get::Assume-Yes=(?:true|yes|1)$/i.test(word.value));
}

/** `--setopt=assumeyes=1` (yum, dnf). */
function hasSetopt(args: readonly TreeShellWord[]): boolean {
  return args.some((word, index) => {
    const setting = word.value.startsWith('--setopt=') ? word.value.slice('--setopt='.length) : args[index - 1]?.value === '--setopt' ? word.value : '';
    return /^assumeyes=(?:1|true|yes)$/i.test(setting);
  });
}

/** zypper's global `-n` (`--non-interactive`), which must come before the subcommand; after it, `-n` is `--name`. */
function hasGlobalShortN(invocation: PackageManagerCommand): boolean {
  const end = invocation.subcommand ? invocation.subcommand.range[0] : Number.POSITIVE_INFINITY;
  return invocation.command.args.some((word) => word.range[0] < end && /^-[A-Za-z]*n[A-Za-z]*$/.test(word.value));
}
