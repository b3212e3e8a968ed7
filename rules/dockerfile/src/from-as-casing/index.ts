import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'asCasing';

export default createRule<MessageIds, Options>({
  name: 'from-as-casing',
  meta: {
    type: 'layout',
    docs: {
      description: 'Require the `AS` of `FROM ... AS name` to use the same case as `FROM`',
      recommended: true,
      sources: { buildkit: ['FromAsCasing'] },
    },
    messages: {
      asCasing: "Write '{{as}}' as '{{expected}}' to match the case of '{{from}}'.",
    },
    schema: [],
    defaultOptions: [],
    fixable: 'code',
  },
  create(context) {
    const source = context.sourceFile;
    return {
      FROM(instruction) {
        const from = source.slice(instruction.keywordRange);
        // A mixed-case keyword is instruction-casing's problem; there is no case to match here.
        const upper = from === from.toUpperCase();
        if (!upper && from !== from.toLowerCase()) return;
        const words = instruction.args.filter((argument) => !argument.value.startsWith('--'));
        const as = words[1];
        if (!as || words.length < 3 || as.value.toUpperCase() !== 'AS') return;
        const expected = upper ? 'AS' : 'as';
        if (as.raw === expected) return;
        context.report({
          range: as.range,
          messageId: 'asCasing',
          data: { as: as.raw, expected, from },
          fix: (fixer) => fixer.replaceTextRange(as.range, expected),
        });
      },
    };
  },
});
