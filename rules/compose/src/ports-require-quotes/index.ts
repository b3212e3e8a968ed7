import { nodeRange } from '@docmind-docker-lint/core';
import { isScalar, isSeq } from 'yaml';
import { childCollection } from '../utils/check-order.js';
import { createRule } from '../utils/create-rule.js';

export type Options = [
  {
    /** Which quotes: `any` accepts both. */
    quoteType: 'any' | 'single' | 'double';
    /** The service keys whose items are checked. */
    portsSections: string[];
  },
];
export type MessageIds = 'unquoted' | 'wrongQuotes';

export default createRule<MessageIds, Options>({
  name: 'ports-require-quotes',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Ports are written as quoted strings, so YAML cannot read `22:22` as a number.',
      recommended: false,
      sources: { dclint: ['require-quotes-in-ports'] },
    },
    messages: {
      unquoted: 'Quote the port "{{port}}": unquoted, YAML 1.1 readers take values like 22:22 for a base-60 number.',
      wrongQuotes: 'Use {{quotes}} quotes for the port "{{port}}".',
    },
    schema: [
      {
        type: 'object',
        properties: {
          quoteType: { type: 'string', enum: ['any', 'single', 'double'], description: 'Which quotes ports use; `any` accepts single and double quotes (and the fix adds double ones).' },
          portsSections: { type: 'array', items: { type: 'string', enum: ['ports', 'expose'] }, description: 'The service keys whose items are checked.' },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ quoteType: 'any', portsSections: ['ports', 'expose'] }],
    fixable: 'code',
  },
  create(context, [options]) {
    const quote = options.quoteType === 'single' ? "'" : '"';
    return {
      Service(service) {
        for (const section of options.portsSections) {
          const list = childCollection(service.value, section);
          if (!isSeq(list)) continue;
          for (const item of list.items) {
            if (!isScalar(item) || !item.range) continue;
            const range = nodeRange(item);
            const source = context.sourceFile.text.slice(range[0], range[1]);
            if (item.type === 'PLAIN') {
              context.report({ range, messageId: 'unquoted', data: { port: source }, fix: (fixer) => fixer.replaceTextRange(range, `${quote}${source}${quote}`) });
              continue;
            }
            const wanted = options.quoteType === 'single' ? 'QUOTE_SINGLE' : options.quoteType === 'double' ? 'QUOTE_DOUBLE' : null;
            if (!wanted || item.type === wanted || (item.type !== 'QUOTE_SINGLE' && item.type !== 'QUOTE_DOUBLE')) continue;
            const inner = source.slice(1, -1);
            const swappable = !/['"\\]/.test(inner);
            context.report({
              range,
              messageId: 'wrongQuotes',
              data: { port: inner, quotes: options.quoteType },
              fix: swappable ? (fixer) => fixer.replaceTextRange(range, `${quote}${inner}${quote}`) : null,
            });
          }
        }
      },
    };
  },
});
