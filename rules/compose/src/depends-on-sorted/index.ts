import { isMap, isScalar } from 'yaml';
import { checkOrder, childCollection, keyName } from '../utils/check-order.js';
import { createRule } from '../utils/create-rule.js';
import { compareNames } from '../utils/rank-order.js';

export type Options = [];
export type MessageIds = 'unsorted';

export default createRule<MessageIds, Options>({
  name: 'depends-on-sorted',
  meta: {
    type: 'layout',
    docs: {
      description: 'The services a service `depends_on` are in alphabetical order.',
      recommended: false,
      sources: { dclint: ['service-dependencies-alphabetical-order'] },
    },
    messages: {
      unsorted: 'In the "depends_on" of service "{{service}}", "{{name}}" should come before "{{before}}".',
    },
    schema: [],
    defaultOptions: [],
    fixable: 'code',
  },
  create(context) {
    return {
      Service(service) {
        const dependsOn = childCollection(service.value, 'depends_on');
        if (!dependsOn) return;
        const nameOf = (item: unknown): string | null => (isMap(dependsOn) ? keyName(item) : isScalar(item) ? String(item.value) : null);
        const { misplaced, fix } = checkOrder(context.sourceFile.text, dependsOn, nameOf, compareNames, service.compose);
        for (const [index, item] of misplaced.entries()) {
          context.report({
            range: item.range,
            messageId: 'unsorted',
            data: { service: service.name, name: item.name, before: item.before },
            fix: index === 0 ? fix : null,
          });
        }
      },
    };
  },
});
