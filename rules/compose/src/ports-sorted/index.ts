import { isMap, isScalar } from 'yaml';
import { checkOrder, childCollection } from '../utils/check-order.js';
import { createRule } from '../utils/create-rule.js';
import { compareNamesNumeric } from '../utils/rank-order.js';

export type Options = [];
export type MessageIds = 'unsorted';

export default createRule<MessageIds, Options>({
  name: 'ports-sorted',
  meta: {
    type: 'layout',
    docs: {
      description: 'The `ports` of a service are in ascending order.',
      recommended: false,
      sources: { dclint: ['service-ports-alphabetical-order'] },
    },
    messages: {
      unsorted: 'In the "ports" of service "{{service}}", "{{name}}" should come before "{{before}}".',
    },
    schema: [],
    defaultOptions: [],
    fixable: 'code',
  },
  create(context) {
    return {
      Service(service) {
        const ports = childCollection(service.value, 'ports');
        if (!ports || isMap(ports)) return;
        const nameOf = (item: unknown): string | null => {
          if (isScalar(item)) return String(item.value);
          if (!isMap(item)) return null;
          const published = item.get('published');
          const target = item.get('target');
          return `${typeof published === 'string' || typeof published === 'number' ? `${published}:` : ''}${typeof target === 'number' || typeof target === 'string' ? target : ''}`;
        };
        const { misplaced, fix } = checkOrder(context.sourceFile.text, ports, nameOf, compareNamesNumeric, service.compose);
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
