import type { InstructionNode } from '@docmind-docker-lint/core';
import { copyArguments } from '../utils/copy-arguments.js';
import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'missingSlash';

export default createRule<MessageIds, Options>({
  name: 'copy-destination-trailing-slash',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the destination of a COPY or ADD with several sources to end with `/`',
      recommended: true,
      sources: { hadolint: ['DL3021'], trivy: ['DS-0011', 'DS011'] },
    },
    messages: {
      missingSlash: '{{keyword}} has {{count}} sources, so its destination must be a folder: write {{destination}} with a trailing `/`, or the build fails.',
    },
    schema: [],
    defaultOptions: [],
    fixable: 'code',
  },
  create(context) {
    const check = (instruction: InstructionNode): void => {
      const copy = copyArguments(instruction);
      const destination = copy?.destination;
      if (!copy || !destination || copy.sources.length < 2) return;
      if (/[/\\]$/.test(destination.value)) return;
      // `$DEST` or `${DEST}` may end with a slash: only the build knows.
      if (endsWithVariable(destination.value)) return;
      context.report({
        range: destination.range,
        messageId: 'missingSlash',
        data: { keyword: copy.keyword, count: String(copy.sources.length), destination: destination.raw },
        fix: (fixer) => fixer.insertTextAfterRange(destination.valueRange, '/'),
      });
    };
    return { COPY: check, ADD: check, ONBUILD: check };
  },
});

/**
 * Whether a text ends with `$NAME` or `${...}`, as `/\$(\w+|\{[^}]*\})$/` tells, in linear time (the
 * regular expression tries every `$` and `${` to the end of the text).
 */
export function endsWithVariable(text: string): boolean {
  if (text.endsWith('}')) {
    const open = text.lastIndexOf('${', text.length - 2);
    if (open !== -1 && text.indexOf('}', open + 2) === text.length - 1) return true;
  }
  let start = text.length;
  while (start > 0 && /\w/.test(text[start - 1]!)) start--;
  return start < text.length && start > 0 && text[start - 1] === '$';
}
