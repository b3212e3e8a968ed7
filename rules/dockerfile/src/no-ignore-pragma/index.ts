import { createRule } from '../utils/create-rule.js';

type PragmaKind = 'hadolint' | 'buildkit' | 'docmind';

export type Options = [
  {
    kinds: PragmaKind[];
  },
];
export type MessageIds = 'ignorePragma';

const PATTERNS: Readonly<Record<PragmaKind, RegExp>> = {
  hadolint: /^#[ \t]*hadolint[ \t]+(?:(?:global|stage)[ \t]+)?ignore[ \t]*=/,
  buildkit: /^#\s*check\s*=\s*(?:\S*;)?\s*skip\s*=/i,
  docmind: /^#\s*docmind-docker-lint-disable(?:-next-line|-file)?(?=\s|$)/,
};

export default createRule<MessageIds, Options>({
  name: 'no-ignore-pragma',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow comments that switch lint checks off (`# hadolint ignore=`, `# check=skip=`, disable directives)',
      recommended: false,
      sources: { hadolint: ['DL1001'] },
    },
    messages: {
      ignorePragma: 'This comment switches checks off; fix the problem instead, or turn the rule off in the configuration where everyone can see it.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          kinds: {
            description: 'Which comments to report: `hadolint` (`# hadolint ignore=`, `global ignore=`, `stage ignore=`), `buildkit` (`# check=skip=`), `docmind` (`# docmind-docker-lint-disable-next-line`, `-disable-file`).',
            type: 'array',
            items: { type: 'string', enum: ['hadolint', 'buildkit', 'docmind'] },
            uniqueItems: true,
          },
        },
      },
    ],
    defaultOptions: [{ kinds: ['hadolint', 'buildkit', 'docmind'] }],
  },
  create(context, [options]) {
    return {
      Dockerfile(dockerfile) {
        const seen = new Set<number>();
        for (const comment of dockerfile.comments) {
          // Parser directives may be listed both as directives and as comments.
          if (seen.has(comment.range[0])) continue;
          seen.add(comment.range[0]);
          const text = context.sourceFile.slice(comment.range).trim();
          if (options.kinds.some((kind) => PATTERNS[kind].test(text))) {
            context.report({ range: comment.range, messageId: 'ignorePragma' });
          }
        }
      },
    };
  },
});
