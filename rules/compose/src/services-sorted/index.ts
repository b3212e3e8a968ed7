import { isMap } from 'yaml';
import { checkOrder, childCollection, keyName } from '../utils/check-order.js';
import { createRule } from '../utils/create-rule.js';
import { compareNames } from '../utils/rank-order.js';

export type Options = [];
export type MessageIds = 'unsorted';

export default createRule<MessageIds, Options>({
  name: 'services-sorted',
  meta: {
    type: 'layout',
    docs: {
      description: 'Services are in alphabetical order.',
      recommended: false,
      sources: { dclint: ['services-alphabetical-order'] },
    },
    messages: {
      unsorted: 'Service "{{name}}" should come before "{{before}}".',
    },
    schema: [],
    defaultOptions: [],
    fixable: 'code',
  },
  create(context) {
    return {
      ComposeFile(compose) {
        const services = childCollection(compose.document?.contents, 'services');
        if (!isMap(services)) return;
        const { misplaced, fix } = checkOrder(context.sourceFile.text, services, keyName, compareNames, compose);
        for (const [index, item] of misplaced.entries()) {
          context.report({ range: item.range, messageId: 'unsorted', data: { name: item.name, before: item.before }, fix: index === 0 ? fix : null });
        }
      },
    };
  },
});
