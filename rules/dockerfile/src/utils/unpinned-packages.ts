import type { PackageManager, PackageManagerCommand } from './package-manager-command.js';
import { packageManagerCommand } from './package-manager-command.js';
import type { ShellCommand } from './shell-command.js';
import type { TreeShellWord } from './shell-word.js';

/** Which install commands to read, and what makes a package operand pinned. */
export interface PinningPolicy {
  readonly managers: ReadonlySet<PackageManager>;
  readonly subcommands: ReadonlySet<string>;
  readonly isPinned: (operand: string) => boolean;
  /**
   * The words of the invocation that name packages; the default is every operand after the
   * subcommand. Return `[]` for an invocation that installs nothing pinnable (`pip install -r
   * requirements.txt`).
   */
  readonly packages?: (invocation: PackageManagerCommand) => readonly TreeShellWord[];
  /**
   * The value to judge for a word built from variables (`git-core-${VERSION}`), or `undefined` to
   * leave the word alone. Without it, such words are never reported.
   */
  readonly resolve?: (word: TreeShellWord, command: ShellCommand) => string | undefined;
}

/**
 * The package operands of a command that name a package without a version. Operands built from
 * variables or substitutions (`$PACKAGES`, `$(cat list)`) are left alone unless the policy resolves
 * them: their value is unknown.
 */
export function unpinnedPackages(command: ShellCommand, policy: PinningPolicy): TreeShellWord[] {
  const invocation = packageManagerCommand(command);
  if (!invocation || !policy.managers.has(invocation.manager) || !policy.subcommands.has(invocation.subcommand?.value ?? '')) return [];
  const words = policy.packages ? policy.packages(invocation) : invocation.operands;
  return words.filter((word) => {
    const value = word.literal ? word.value : policy.resolve?.(word, invocation.command);
    return value !== undefined && value !== '' && !policy.isPinned(value);
  });
}
