import { hasOption } from '../utils/command-options.js';
import { createRule } from '../utils/create-rule.js';
import type { PackageManagerCommand } from '../utils/package-manager-command.js';
import { runVisitors } from '../utils/run-instruction.js';
import { runCommands } from '../utils/run-script.js';
import type { TreeShellWord } from '../utils/shell-word.js';
import { unpinnedPackages, type PinningPolicy } from '../utils/unpinned-packages.js';

export type Options = [];
export type MessageIds = 'unpinned';

/** Version specifiers of PEP 440 (`==`, `~=`, `!=`, `>=`, `<=`, `>`, `<`, `===`). */
const SPECIFIER = /==|~=|!=|>=|<=|[<>]/;
/** `git+https://...`, `hg+ssh://...`, `svn://...`: a VCS requirement. */
const VCS_URL = /^(?:git|hg|svn|bzr)(?:\+[a-z-]+)?:\/\//;
/** Distribution files: a wheel or a source archive names one version. */
const DISTRIBUTION_FILE = /\.(?:whl|tar\.gz|tgz|tar\.bz2|zip)$/;

const POLICY: PinningPolicy = {
  managers: new Set(['pip', 'pipx']),
  subcommands: new Set(['install']),
  isPinned,
  packages: requirementWords,
};

export default createRule<MessageIds, Options>({
  name: 'pip-packages-pinned',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require a version for each package of `pip install` and `pipx install` (`flask==3.0.3`), so rebuilds install the same packages',
      recommended: false,
      sources: { hadolint: ['DL3013'] },
    },
    messages: {
      unpinned: 'Package `{{package}}` has no version: rebuilding the image installs whatever version is current then. Pin it (`{{pin}}`) or install from a requirements or constraints file.',
    },
    schema: [],
    defaultOptions: [],
    requiresShellParser: true,
  },
  create(context) {
    return runVisitors((instruction) => {
      for (const command of runCommands(instruction)) {
        for (const word of unpinnedPackages(command, POLICY)) {
          context.report({ range: word.range, messageId: 'unpinned', data: { package: word.value, pin: pinExample(word.value) } });
        }
      }
    });
  },
});

/**
 * The requirement words of `pip install`: none when a requirements or constraints file decides the
 * versions (`-r`, `-c`) or when the project in the current folder is installed (`.`), as hadolint reads it.
 */
function requirementWords(invocation: PackageManagerCommand): readonly TreeShellWord[] {
  const { command } = invocation;
  if (hasOption(command, ['-r', '--requirement', '-c', '--constraint'])) return [];
  if (command.args.some((word) => word.value === '.')) return [];
  return invocation.operands;
}

/** A requirement that names one version: a specifier, a VCS URL with `@ref`, a file, a folder or a URL. */
function isPinned(requirement: string): boolean {
  if (SPECIFIER.test(requirement)) return true;
  const vcs = VCS_URL.exec(requirement);
  if (vcs) {
    // `@` in the path names a ref; an `@` before the host is a user name (`git@github.com`).
    const rest = requirement.slice(vcs[0].length).split('#')[0]!;
    const path = rest.slice(Math.max(rest.indexOf('/'), 0));
    return path.includes('@');
  }
  return DISTRIBUTION_FILE.test(requirement) || requirement.includes('/') || requirement.startsWith('.');
}

/** How to pin the requirement: a VCS URL takes `@<ref>` before its `#fragment`, a name takes `==<version>`. */
function pinExample(requirement: string): string {
  if (!VCS_URL.test(requirement)) return `${requirement}==<version>`;
  const hash = requirement.indexOf('#');
  return hash === -1 ? `${requirement}@<ref>` : `${requirement.slice(0, hash)}@<ref>${requirement.slice(hash)}`;
}
