import { mayRunTogether } from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';
import { composeData } from '../utils/compose-data.js';
import { hostsOverlap, publishedPorts, type PublishedPort } from '../utils/published-ports.js';

export type Options = [];
export type MessageIds = 'duplicatePort';

export default createRule<MessageIds, Options>({
  name: 'ports-unique',
  meta: {
    type: 'problem',
    docs: {
      description: 'No host port is published twice on the same address and protocol by services that run together.',
      recommended: true,
      sources: { dclint: ['no-duplicate-exported-ports'] },
    },
    messages: {
      duplicatePort: 'Host port {{port}}/{{protocol}} is already published by {{other}}: the second binding fails with "port is already allocated".',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      ComposeFile(compose) {
        const data = composeData(compose, context.project);
        if (!data) return;
        const earlier: PublishedPort[] = [];
        for (const port of publishedPorts(data)) {
          if (!port.published || port.unknown) continue;
          const clash = earlier.find((other) => clashes(port, other, data.services));
          if (clash) {
            const shared = Math.max(port.published[0], clash.published![0]);
            const other = clash.service === port.service ? `this service ("${clash.service}")` : `service "${clash.service}"`;
            context.report({
              range: port.range,
              messageId: 'duplicatePort',
              data: { port: shared, protocol: port.protocol, other },
              related: [{ file: context.filename, range: [...clash.range], message: `first published by service "${clash.service}"` }],
            });
          }
          earlier.push(port);
        }
      },
    };
  },
});

function clashes(a: PublishedPort, b: PublishedPort, services: Readonly<Record<string, unknown>>): boolean {
  if (!a.published || !b.published || b.unknown || a.range.join() === b.range.join()) return false;
  if (a.protocol !== b.protocol) return false;
  if (a.published[0] > b.published[1] || b.published[0] > a.published[1]) return false;
  if (!hostsOverlap(a.hostIp, b.hostIp)) return false;
  return a.service === b.service || mayRunTogether(services[a.service], services[b.service]);
}
