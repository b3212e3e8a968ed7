import type { InstructionNode } from '@docmind-docker-lint/core';
import { copyArguments, copyFlag } from '../utils/copy-arguments.js';
import { copySourceKind, type CopySourceKind } from '../utils/copy-source-kind.js';
import { createRule } from '../utils/create-rule.js';

export type Options = [
  {
    /** Allow ADD of local archives, which ADD unpacks. */
    allowArchives: boolean;
    /** Allow ADD of URLs and Git repositories, which ADD downloads. */
    allowUrls: boolean;
  },
];
export type MessageIds = 'localAdd' | 'archiveAdd' | 'remoteAdd';

/** Flags only ADD knows: with one of them, COPY is no replacement. */
const ADD_ONLY_FLAGS = ['checksum', 'keep-git-dir', 'unpack'];

export default createRule<MessageIds, Options>({
  name: 'no-add',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow ADD where COPY does the job (by default: ADD of local files and folders)',
      recommended: true,
      sources: { hadolint: ['DL3020'], checkov: ['CKV_DOCKER_4'], trivy: ['DS-0005', 'DS005'] },
    },
    messages: {
      localAdd: 'Use COPY to copy {{source}}: ADD would also unpack it if it were an archive, and fetch it if it were a URL, which COPY makes impossible.',
      archiveAdd: 'ADD unpacks the archive {{source}}; copy it with COPY and unpack it in a RUN step where that is visible.',
      remoteAdd: 'ADD downloads {{source}} at build time; fetch it in a RUN step (verifying its checksum) or copy a vetted file with COPY.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allowArchives: { type: 'boolean', description: 'Allow ADD of local archives (`.tar`, `.tar.gz`, `.tgz`, ...), which ADD unpacks.' },
          allowUrls: { type: 'boolean', description: 'Allow ADD of URLs and Git repositories, which ADD downloads.' },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowArchives: true, allowUrls: true }],
    fixable: 'code',
  },
  create(context, [{ allowArchives, allowUrls }]) {
    // A source spelled with a variable may be a URL or an archive: only the build knows.
    const disallowed = (kind: CopySourceKind): boolean =>
      kind === 'archive' ? !allowArchives : kind === 'url' ? !allowUrls : kind !== 'variable';
    const check = (instruction: InstructionNode): void => {
      const copy = copyArguments(instruction);
      if (copy?.keyword !== 'ADD' || copy.sources.length === 0) return;
      const kinds = copy.sources.map(copySourceKind);
      const index = kinds.findIndex(disallowed);
      if (index < 0) return;
      const kind = kinds[index]!;
      // COPY does the same only when no source is unpacked or fetched and no ADD-only flag is set.
      const replaceable = kinds.every((each) => each === 'local' || each === 'heredoc') && !ADD_ONLY_FLAGS.some((name) => copyFlag(copy, name));
      const written = context.sourceFile.text.slice(...copy.keywordRange);
      context.report({
        range: copy.keywordRange,
        messageId: kind === 'archive' ? 'archiveAdd' : kind === 'url' ? 'remoteAdd' : 'localAdd',
        data: { source: copy.sources[index]!.raw },
        fix: replaceable ? (fixer) => fixer.replaceTextRange(copy.keywordRange, written === written.toLowerCase() ? 'copy' : 'COPY') : null,
      });
    };
    return { ADD: check, ONBUILD: check };
  },
});
