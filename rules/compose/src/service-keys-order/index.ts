import { isMap } from 'yaml';
import { checkOrder, keyName } from '../utils/check-order.js';
import { createRule } from '../utils/create-rule.js';
import { rankCompare } from '../utils/rank-order.js';

export type Options = [
  {
    /** Service keys in the wanted order. */
    order: string[];
  },
];
export type MessageIds = 'outOfOrder';

/** What a service is, where it comes from, what it needs, what it holds, how it runs, then metadata. */
export const DEFAULT_SERVICE_KEY_ORDER = [
  '<<', 'extends', 'image', 'build', 'pull_policy', 'container_name', 'hostname', 'profiles', 'depends_on',
  'volumes', 'volumes_from', 'configs', 'secrets', 'environment', 'env_file', 'ports', 'expose', 'networks',
  'network_mode', 'extra_hosts', 'command', 'entrypoint', 'working_dir', 'restart', 'healthcheck', 'deploy',
  'logging', 'labels', 'user', 'isolation',
];

export default createRule<MessageIds, Options>({
  name: 'service-keys-order',
  meta: {
    type: 'layout',
    docs: {
      description: 'The keys of each service follow one order.',
      recommended: false,
      sources: { dclint: ['service-keys-order'] },
    },
    messages: {
      outOfOrder: 'In service "{{service}}", "{{name}}" should come before "{{before}}".',
    },
    schema: [
      {
        type: 'object',
        properties: {
          order: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Service keys in the wanted order (`<<` is the merge key, `x-*` the extension keys). Keys not listed come last, in their own order.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ order: DEFAULT_SERVICE_KEY_ORDER }],
    fixable: 'code',
  },
  create(context, [options]) {
    const compare = rankCompare(options.order);
    return {
      Service(service) {
        if (!isMap(service.value)) return;
        const { misplaced, fix } = checkOrder(context.sourceFile.text, service.value, keyName, compare, service.compose);
        for (const [index, item] of misplaced.entries()) {
          context.report({
            range: item.range,
            messageId: 'outOfOrder',
            data: { service: service.name, name: item.name, before: item.before },
            fix: index === 0 ? fix : null,
          });
        }
      },
    };
  },
});
