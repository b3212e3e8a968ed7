import type { PackageManager } from './package-manager-command.js';
import { packageManagerCommand } from './package-manager-command.js';
import type { ShellCommand } from './shell-command.js';
import type { TreeShellWord } from './shell-word.js';

/** Which install commands to read, and what makes a package operand pinned. */
export interface PinningPolicy {
  readonly managers: ReadonlySet<PackageManager>;
  readonly subcommands: ReadonlySet<string>;
  readonly isPinned: (operand: string) => boolean;
}

/**
 * The package operands of a command that name a package without a version. Operands built from
 * variables or substitutions (`$PACKAGES`, `$(cat list)`) are left alone: their value is unknown.
 */
export function unpinnedPackages(command: ShellCommand, policy: PinningPolicy): TreeShellWord[] {
  const invocation = packageManagerCommand(command);
  if (!invocation || !policy.managers.has(invocation.manager) || !policy.subcommands.has(invocation.subcommand?.value ?? '')) return [];
  return invocation.operands.filter((word) => word.literal && word.value !== '' && !policy.isPinned(word.value));
}
