import { nodeRange } from '@docmind-docker-lint/core';
import { isScalar, isSeq, parse } from 'yaml';
import { childCollection } from '../utils/check-order.js';
import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'quoted';

export default createRule<MessageIds, Options>({
  name: 'volumes-no-quotes',
  meta: {
    type: 'layout',
    docs: {
      description: 'Short-syntax volumes are written without quotes where YAML does not need them.',
      recommended: false,
      sources: { dclint: ['no-quotes-in-volumes'] },
    },
    messages: {
      quoted: 'The volume "{{volume}}" needs no quotes.',
    },
    schema: [],
    defaultOptions: [],
    fixable: 'code',
  },
  create(context) {
    return {
      Service(service) {
        const volumes = childCollection(service.value, 'volumes');
        if (!isSeq(volumes)) return;
        for (const item of volumes.items) {
          if (!isScalar(item) || (item.type !== 'QUOTE_SINGLE' && item.type !== 'QUOTE_DOUBLE') || typeof item.value !== 'string') continue;
          const range = nodeRange(item);
          const inner = context.sourceFile.text.slice(range[0] + 1, range[1] - 1);
          if (inner !== item.value || !isSafePlain(item.value, volumes.flow === true)) continue;
          context.report({ range, messageId: 'quoted', data: { volume: item.value }, fix: (fixer) => fixer.replaceTextRange(range, item.value as string) });
        }
      },
    };
  },
});

/** Whether a text reads back as the same string when written as a plain scalar. */
function isSafePlain(value: string, inFlow: boolean): boolean {
  if (value === '' || value !== value.trim() || value.includes('\n')) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) || /: |:$| #/.test(value)) return false;
  if (inFlow && /[,[\]{}]/.test(value)) return false;
  // Interpolated values stay quoted: they read more clearly as one string.
  if (value.includes('$')) return false;
  try {
    return parse(value) === value;
  } catch {
    return false;
  }
}
