import type { PackageManager, PackageManagerCommand } from './package-manager-command.js';
import type { TreeShellWord } from './shell-word.js';
import type { PinningPolicy } from './unpinned-packages.js';
import { wordVariablesValue } from './word-variables.js';

/**
 * How yum, dnf and microdnf name versions: `name-version[-release]` (`tomcat-9.0.1`,
 * `openssl-1:1.1.1k`, `gcc-c++-1.1.1`: a `-` followed by a digit, as hadolint reads it), a
 * comparison (`'tomcat >= 9'`), an `.rpm` file, a path or URL; `module install name:stream`.
 * `group install` and `@group` words are not checked: groups have no version. Versions given by
 * variables (`git-core-${VERSION}`) are read from the stage's ENV and ARG defaults.
 */
export function rpmPinningPolicy(managers: readonly PackageManager[]): PinningPolicy {
  return {
    managers: new Set(managers),
    subcommands: new Set(['install', 'in', 'module']),
    isPinned: (spec) => /-\d|[<>=]/.test(spec) || spec.endsWith('.rpm') || spec.includes('/') || spec.startsWith('@'),
    packages: rpmPackageWords,
    resolve: wordVariablesValue,
  };
}

/** The package words of `install`, or the module specs of `module install` (where `:stream` pins). */
function rpmPackageWords(invocation: PackageManagerCommand): readonly TreeShellWord[] {
  if (invocation.subcommand?.value !== 'module') return invocation.operands;
  const [action, ...modules] = invocation.operands;
  if (action?.value !== 'install') return [];
  return modules.filter((word) => !/:[^:]/.test(word.value));
}
