import type { DockerfileNode, OffsetRange, SourceFile, SuggestionReport } from '@docmind-docker-lint/core';
import { distance } from 'fastest-levenshtein';
import { createRule } from '../utils/create-rule.js';
import { globalArgs, PLATFORM_ARGS } from '../utils/global-args.js';
import { variableReferences } from '../utils/variable-references.js';

export type Options = [];
export type MessageIds = 'undeclared' | 'undeclaredDidYouMean' | 'useName' | 'declareArg';

export default createRule<MessageIds, Options>({
  name: 'from-arg-declared',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require variables in FROM to be ARGs declared before the first FROM (or the built-in platform ARGs)',
      recommended: true,
      sources: { buildkit: ['UndefinedArgInFrom'] },
    },
    messages: {
      undeclared: '`{{name}}` is not declared by an ARG before the first FROM, so it is always empty here (`--build-arg` cannot set it).',
      undeclaredDidYouMean:
        '`{{name}}` is not declared by an ARG before the first FROM, so it is always empty here. Did you mean `{{candidate}}`?',
      useName: 'Use `{{candidate}}`.',
      declareArg: 'Declare `ARG {{name}}` before the first FROM.',
    },
    schema: [],
    defaultOptions: [],
    hasSuggestions: true,
  },
  create(context) {
    const source = context.sourceFile;
    return {
      Dockerfile(dockerfile) {
        const declared = globalArgs(dockerfile);
        const known = [...declared.keys(), ...PLATFORM_ARGS];
        const declaration = declarationPoint(dockerfile, source);
        for (const stage of dockerfile.stages) {
          const platform = stage.from.flags.find((flag) => flag.name === 'platform');
          const image = stage.from.args.find((argument) => !argument.value.startsWith('--'));
          const texts: OffsetRange[] = [];
          if (platform?.valueRange) texts.push(platform.valueRange);
          if (image) texts.push(image.range);
          for (const range of texts) {
            const text = source.slice(range);
            for (const reference of variableReferences(text, dockerfile.escapeCharacter)) {
              if (declared.has(reference.name) || PLATFORM_ARGS.has(reference.name)) continue;
              const nameRange: OffsetRange = [range[0] + reference.nameStart, range[0] + reference.nameEnd];
              const candidate = closestName(reference.name, known);
              const suggest: SuggestionReport<MessageIds>[] = [];
              if (candidate) suggest.push({ messageId: 'useName', data: { candidate }, fix: (fixer) => fixer.replaceTextRange(nameRange, candidate) });
              if (declaration !== null) {
                suggest.push({
                  messageId: 'declareArg',
                  data: { name: reference.name },
                  fix: (fixer) => fixer.insertTextBeforeRange([declaration, declaration], `ARG ${reference.name}${source.eol}`),
                });
              }
              context.report({
                range: [range[0] + reference.start, range[0] + reference.end],
                messageId: candidate ? 'undeclaredDidYouMean' : 'undeclared',
                data: candidate ? { name: reference.name, candidate } : { name: reference.name },
                suggest,
              });
            }
          }
        }
      },
    };
  },
});

/** The closest known name, as BuildKit suggests one: same letters in another case, or one or two edits away. */
function closestName(name: string, known: readonly string[]): string | undefined {
  const sameCase = known.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  if (sameCase) return sameCase;
  const limit = name.length < 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of known) {
    const edits = distance(name, candidate);
    if (edits < bestDistance) {
      best = candidate;
      bestDistance = edits;
    }
  }
  return best;
}

/**
 * Where a new global ARG goes: after the last ARG before the first FROM, else at the start of the
 * first FROM's line. `null` when there is no FROM.
 */
function declarationPoint(dockerfile: DockerfileNode, source: SourceFile): number | null {
  const lastArg = dockerfile.globalArgs.at(-1);
  if (lastArg) {
    const line = source.positionAt(lastArg.range[1]).line;
    return source.lineStarts[line] ?? null;
  }
  const first = dockerfile.stages[0]?.from;
  return first ? source.lineStarts[source.positionAt(first.range[0]).line - 1]! : null;
}
