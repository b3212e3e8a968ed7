import { createRule } from '../utils/create-rule.js';
import { composeData } from '../utils/compose-data.js';
import { publishedPorts } from '../utils/published-ports.js';

export type Options = [];
export type MessageIds = 'unboundPort' | 'bindToLoopback';

export default createRule<MessageIds, Options>({
  name: 'ports-require-host-ip',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Published ports name the host address they listen on, instead of every interface.',
      recommended: false,
      sources: { dclint: ['no-unbound-port-interfaces'], kics: ['451d79dc-0588-476a-ad03-3c7f0320abb3'] },
    },
    messages: {
      unboundPort: 'Service "{{service}}" publishes host port {{port}} on every interface of the host: name the address (127.0.0.1 for local use).',
      bindToLoopback: 'Listen on 127.0.0.1 only.',
    },
    schema: [],
    defaultOptions: [],
    hasSuggestions: true,
  },
  create(context) {
    const reported = new Set<string>();
    return {
      ComposeFile(compose) {
        const data = composeData(compose, context.project);
        if (!data) return;
        for (const port of publishedPorts(data)) {
          if (!port.published || port.hostIp !== '' || port.interpolatedHost || port.unknown) continue;
          const key = port.range.join(':');
          if (reported.has(key)) continue;
          reported.add(key);
          const node = data.location(port.pointer)?.value;
          const isShortPlain = node !== undefined && node !== null && 'type' in node && (node.type === 'PLAIN' || node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
          const insertAt = port.range[0] + (node && 'type' in node && node.type !== 'PLAIN' ? 1 : 0);
          context.report({
            range: port.range,
            messageId: 'unboundPort',
            data: { service: port.service, port: port.published[0] === port.published[1] ? port.published[0] : port.published.join('-') },
            suggest: isShortPlain ? [{ messageId: 'bindToLoopback', fix: (fixer) => fixer.insertTextBeforeRange([insertAt, insertAt], '127.0.0.1:') }] : [],
          });
        }
      },
    };
  },
});
