import { createRule } from '../utils/create-rule.js';
import { runVisitors } from '../utils/run-instruction.js';
import { runCommands } from '../utils/run-script.js';
import { unpinnedPackages, type PinningPolicy } from '../utils/unpinned-packages.js';

export type Options = [];
export type MessageIds = 'unpinned';

/** A git or hosted-git source (`git+https://...`, `git@host:...`, `github:user/repo`): pinned by `#<ref>`. */
const GIT_SOURCE = /^(?:git(?:\+[a-z]+)?:\/\/|git@|(?:github|gitlab|bitbucket|gist):)/;
/** A tarball names one version, wherever it comes from. */
const TARBALL = /\.(?:tgz|tar|tar\.gz)$/;
/** A folder or file on disk. */
const LOCAL_PATH = /^(?:\.{1,2}|~)?\/|^\.{1,2}$|^file:/;
/** Dist-tags move with every release: `@latest` and `@next` name no version. */
const MOVING_TAG = /^(?:latest|next)$/;

const POLICY: PinningPolicy = {
  managers: new Set(['npm']),
  subcommands: new Set(['install', 'i', 'add']),
  isPinned,
};

export default createRule<MessageIds, Options>({
  name: 'npm-packages-pinned',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require a version for each package named on `npm install` (`express@4.21.1`), so rebuilds install the same packages',
      recommended: false,
      sources: { hadolint: ['DL3016'] },
    },
    messages: {
      unpinned: 'Package `{{package}}` has no version: rebuilding the image installs whatever version is current then. Pin it (`{{pinned}}`), or list it in package.json with a lockfile and run `npm ci`.',
    },
    schema: [],
    defaultOptions: [],
    requiresShellParser: true,
  },
  create(context) {
    return runVisitors((instruction) => {
      for (const command of runCommands(instruction)) {
        for (const word of unpinnedPackages(command, POLICY)) {
          context.report({ range: word.range, messageId: 'unpinned', data: { package: word.value, pinned: pinnedForm(word.value) } });
        }
      }
    });
  },
});

/** A package spec that names one version: `name@range`, a tarball, a path, or a git source with `#ref`. */
function isPinned(spec: string): boolean {
  if (TARBALL.test(spec) || LOCAL_PATH.test(spec)) return true;
  if (GIT_SOURCE.test(spec) || /^https?:\/\//.test(spec)) return spec.includes('#');
  // `@scope/name` starts with `@`: the version separator is a later `@`.
  const at = spec.indexOf('@', 1);
  if (at === -1) return spec.includes('/') && spec.includes('#');
  return !MOVING_TAG.test(spec.slice(at + 1));
}

/** How the spec looks pinned: `express@<version>` (for `express@latest` too), `<git URL>#<commit or tag>`. */
function pinnedForm(spec: string): string {
  if (GIT_SOURCE.test(spec) || (spec.includes('/') && !spec.startsWith('@'))) return `${spec}#<commit or tag>`;
  const at = spec.indexOf('@', 1);
  return `${at === -1 ? spec : spec.slice(0, at)}@<version>`;
}
