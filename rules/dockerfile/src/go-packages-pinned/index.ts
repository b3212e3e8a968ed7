import { createRule } from '../utils/create-rule.js';
import type { PackageManagerCommand } from '../utils/package-manager-command.js';
import { runVisitors } from '../utils/run-instruction.js';
import { runCommands } from '../utils/run-script.js';
import type { TreeShellWord } from '../utils/shell-word.js';
import { unpinnedPackages, type PinningPolicy } from '../utils/unpinned-packages.js';

export type Options = [];
export type MessageIds = 'unpinned' | 'movingVersion';

/** Version queries that resolve to whatever is newest at build time. */
const MOVING_QUERY = /^(?:latest|upgrade|patch)$/;
/** A package in the local module or file system: `.`, `./cmd/app`, `../x`, `/go/src/app`, `main.go`. */
const LOCAL = /^\.{1,2}(?:\/|$)|^\/|\.go$/;
/** Patterns naming packages of the toolchain or the current module (`go install tool` installs the tools go.mod lists). */
const META_PATTERNS = new Set(['all', 'std', 'cmd', 'tool']);

const POLICY: PinningPolicy = {
  managers: new Set(['go']),
  subcommands: new Set(['install', 'get', 'run']),
  isPinned: (path) => {
    if (LOCAL.test(path) || META_PATTERNS.has(path)) return true;
    const at = path.lastIndexOf('@');
    return at > 0 && !MOVING_QUERY.test(path.slice(at + 1));
  },
  packages: packageWords,
};

export default createRule<MessageIds, Options>({
  name: 'go-packages-pinned',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require a version for each remote package of `go install`, `go get` and `go run` (`golang.org/x/tools/gopls@v0.16.2`), so rebuilds build the same code',
      recommended: false,
      sources: { hadolint: ['DL3062'] },
    },
    messages: {
      unpinned: 'Package `{{package}}` has no version: rebuilding the image fetches whatever version is current then. Pin it (`{{package}}@<version>`).',
      movingVersion: '`{{package}}` asks for `@{{query}}`, which changes with every release. Pin a version (`{{name}}@v1.2.3`).',
    },
    schema: [],
    defaultOptions: [],
    requiresShellParser: true,
  },
  create(context) {
    return runVisitors((instruction) => {
      for (const command of runCommands(instruction)) {
        for (const word of unpinnedPackages(command, POLICY)) {
          const at = word.value.lastIndexOf('@');
          context.report(
            at > 0
              ? { range: word.range, messageId: 'movingVersion', data: { package: word.value, name: word.value.slice(0, at), query: word.value.slice(at + 1) } }
              : { range: word.range, messageId: 'unpinned', data: { package: word.value } },
          );
        }
      }
    });
  },
});

/** The package words: all operands of `go install` and `go get`; only the first of `go run` (the rest are the program's arguments). */
function packageWords(invocation: PackageManagerCommand): readonly TreeShellWord[] {
  if (invocation.subcommand?.value !== 'run') return invocation.operands;
  return invocation.operands.slice(0, 1);
}
