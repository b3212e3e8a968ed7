import path from 'node:path';
import type { BuildContext, InstructionNode } from '@docmind-docker-lint/core';
import { copyArguments, copyFlag, type CopyPath } from '../utils/copy-arguments.js';
import { copySourceKind } from '../utils/copy-source-kind.js';
import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'ignoredSource';

/** Patterns that exclude the whole context, the only ones that make `COPY . .` copy nothing. */
const WHOLE_CONTEXT_PATTERNS = new Set(['*', '**', '**/*']);

export default createRule<MessageIds, Options>({
  name: 'copy-no-ignored-source',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow COPY or ADD of a path that `.dockerignore` keeps out of the build context',
      recommended: true,
      sources: { buildkit: ['CopyIgnoredFile'] },
    },
    messages: {
      ignoredSource:
        '{{keyword}} {{source}}: {{dockerignore}} excludes it from the build context, so the builder cannot see it and the build fails or copies less than intended.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    let buildContexts: readonly BuildContext[] | undefined;
    // Asked for the first local source, then kept: every COPY of the file has the same contexts.
    const contexts = (): readonly BuildContext[] => (buildContexts ??= context.project.buildContextsOf(context.sourceFile.path));
    const check = (instruction: InstructionNode): void => {
      const copy = copyArguments(instruction);
      if (!copy || copy.onbuild || copyFlag(copy, 'from')) return;
      for (const source of copy.sources) {
        if (copySourceKind(source) !== 'local' && copySourceKind(source) !== 'archive') continue;
        const excludedBy = contexts().find((buildContext) => isIgnored(buildContext, source));
        if (!excludedBy?.dockerignore) continue;
        context.report({
          range: source.range,
          messageId: 'ignoredSource',
          data: {
            keyword: copy.keyword,
            source: source.raw,
            dockerignore: path.relative(path.dirname(context.sourceFile.path), excludedBy.dockerignore.file.path) || '.dockerignore',
          },
        });
      }
    };
    return { COPY: check, ADD: check };
  },
});

/**
 * Whether the context's `.dockerignore` excludes a source or a folder above it. As BuildKit, no
 * verdict when the file re-includes anything with `!` (what is left depends on the files there).
 */
function isIgnored(buildContext: BuildContext, source: CopyPath): boolean {
  const entries = buildContext.dockerignore?.entries ?? [];
  if (entries.length === 0 || entries.some((entry) => entry.negated)) return false;
  const relative = path.posix.normalize(source.value.replaceAll('\\', '/')).replace(/^(\/|\.\/)+/, '');
  if (relative === '' || relative === '.') return entries.some((entry) => WHOLE_CONTEXT_PATTERNS.has(entry.pattern));
  return buildContext.isExcluded(relative);
}
