import { isMap } from 'yaml';
import { checkOrder, keyName } from '../utils/check-order.js';
import { createRule } from '../utils/create-rule.js';
import { rankCompare } from '../utils/rank-order.js';

export type Options = [
  {
    /** Top-level keys in the wanted order; `x-*` stands for the extension keys. */
    order: string[];
  },
];
export type MessageIds = 'outOfOrder';

export const DEFAULT_TOP_LEVEL_ORDER = ['x-*', 'version', 'name', 'include', 'services', 'models', 'networks', 'volumes', 'secrets', 'configs'];

export default createRule<MessageIds, Options>({
  name: 'top-level-keys-order',
  meta: {
    type: 'layout',
    docs: {
      description: 'Top-level keys follow one order: extensions, `name`, `include`, `services`, then the resources services use.',
      recommended: false,
      sources: { dclint: ['top-level-properties-order'] },
    },
    messages: {
      outOfOrder: 'The top-level key "{{name}}" should come before "{{before}}".',
    },
    schema: [
      {
        type: 'object',
        properties: {
          order: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Top-level keys in the wanted order; `x-*` stands for every extension key (which keep their own order). Keys not listed come last.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ order: DEFAULT_TOP_LEVEL_ORDER }],
    fixable: 'code',
  },
  create(context, [options]) {
    const compare = rankCompare(options.order);
    return {
      ComposeFile(compose) {
        const root = compose.document?.contents;
        if (!isMap(root)) return;
        const { misplaced, fix } = checkOrder(context.sourceFile.text, root, keyName, compare, compose);
        for (const [index, item] of misplaced.entries()) {
          context.report({ range: item.range, messageId: 'outOfOrder', data: { name: item.name, before: item.before }, fix: index === 0 ? fix : null });
        }
      },
    };
  },
});
