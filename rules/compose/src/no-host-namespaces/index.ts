import { createRule } from '../utils/create-rule.js';
import { composeData, scalarText, servicePointer } from '../utils/compose-data.js';

/** Service keys that can join a host namespace with the value `host`, and what sharing it exposes. */
export const HOST_NAMESPACE_KEYS: Readonly<Record<string, string>> = {
  network_mode: 'network stack: it can bind any host port and reach every service listening on localhost',
  pid: 'process table: it can see, signal and trace the host\'s processes',
  ipc: 'IPC namespace: it can read and write the host\'s shared memory',
  userns_mode: 'user namespace: user namespace remapping is turned off for it',
  uts: 'UTS namespace: it can change the host\'s hostname',
  cgroup: 'cgroup namespace: it sees the host\'s whole cgroup tree',
};

export type Options = [
  {
    /** Keys for which `host` is accepted. */
    allow: string[];
  },
];
export type MessageIds = 'hostNamespace';

export default createRule<MessageIds, Options>({
  name: 'no-host-namespaces',
  meta: {
    type: 'problem',
    docs: {
      description: 'Services do not share the host\'s namespaces (`network_mode`, `pid`, `ipc`, `userns_mode`, `uts` or `cgroup` set to `host`).',
      recommended: true,
      sources: {
        kics: [
          '071a71ff-f868-47a4-ac0b-3c59e4ab5443',
          '4f31dd9f-2cc3-4751-9b53-67e4af83dac0',
          'baa3890f-bed7-46f5-ab8f-1da8fc91c729',
          '8af7162d-6c98-482f-868e-0d33fb675ca8',
        ],
      },
    },
    messages: {
      hostNamespace: 'Service "{{service}}" shares the host\'s {{what}}.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allow: {
            type: 'array',
            items: { type: 'string', enum: Object.keys(HOST_NAMESPACE_KEYS) },
            uniqueItems: true,
            description: 'Keys for which `host` is accepted everywhere, for example `["network_mode"]` for a project of host-network agents.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allow: [] }],
  },
  create(context, [options]) {
    const keys = Object.keys(HOST_NAMESPACE_KEYS).filter((key) => !options.allow.includes(key));
    const reported = new Set<string>();
    return {
      ComposeFile(compose) {
        const data = composeData(compose, context.project);
        if (!data) return;
        for (const [service, definition] of Object.entries(data.services)) {
          for (const key of keys) {
            if (scalarText(definition[key])?.toLowerCase() !== 'host') continue;
            const range = data.valueRange(servicePointer(service, key));
            if (!range || reported.has(range.join())) continue;
            reported.add(range.join());
            context.report({ range, messageId: 'hostNamespace', data: { service, what: HOST_NAMESPACE_KEYS[key]! } });
          }
        }
      },
    };
  },
});
