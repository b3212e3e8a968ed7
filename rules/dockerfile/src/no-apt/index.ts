import type { OffsetRange } from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';
import { packageManagerCommand } from '../utils/package-manager-command.js';
import { runVisitors } from '../utils/run-instruction.js';
import { runCommands } from '../utils/run-script.js';

export type Options = [];
export type MessageIds = 'apt';

/**
 * Subcommands that `apt-get` or `apt-cache` run the same way as `apt`. Not `upgrade` (apt's also
 * installs new dependencies), `full-upgrade`, `list`, `satisfy` or `edit-sources`.
 */
const REPLACEMENTS: Readonly<Record<string, 'apt-get' | 'apt-cache'>> = {
  install: 'apt-get',
  reinstall: 'apt-get',
  update: 'apt-get',
  remove: 'apt-get',
  purge: 'apt-get',
  autoremove: 'apt-get',
  autopurge: 'apt-get',
  clean: 'apt-get',
  autoclean: 'apt-get',
  'build-dep': 'apt-get',
  source: 'apt-get',
  download: 'apt-get',
  'dist-upgrade': 'apt-get',
  search: 'apt-cache',
  show: 'apt-cache',
  showsrc: 'apt-cache',
  policy: 'apt-cache',
  depends: 'apt-cache',
  rdepends: 'apt-cache',
};

export default createRule<MessageIds, Options>({
  name: 'no-apt',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow `apt` in RUN: it is made for people at a terminal and its interface may change; scripts use `apt-get` and `apt-cache`',
      recommended: true,
      sources: {
        hadolint: ['DL3027'],
        checkov: ['CKV_DOCKER_9'],
      },
    },
    messages: {
      apt: '`apt` is meant for interactive use and warns that its command-line interface is not stable in scripts: use `{{replacement}}`.',
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
        if (invocation?.manager !== 'apt') continue;
        const name = invocation.command.name;
        const replacement = REPLACEMENTS[invocation.subcommand?.value ?? ''];
        // Only a plainly written name is rewritten: `apt`, `/usr/bin/apt`, `"apt"` in exec form.
        const closing = invocation.command.form === 'exec' ? 1 : 0;
        const plain = name.raw === (closing ? JSON.stringify(name.value) : name.value);
        const end = name.range[1] - closing;
        const program: OffsetRange | undefined = replacement && plain ? [end - 'apt'.length, end] : undefined;
        context.report({
          range: name.range,
          messageId: 'apt',
          data: { replacement: replacement ?? 'apt-get` or `apt-cache' },
          fix: program && replacement ? (fixer) => fixer.replaceTextRange(program, replacement) : null,
        });
      }
    });
  },
});
