import { createRule } from '../utils/create-rule.js';
import { composeData, scalarText, servicePointer } from '../utils/compose-data.js';

export type Options = [];
export type MessageIds = 'links' | 'externalLinks' | 'useDependsOn';

export default createRule<MessageIds, Options>({
  name: 'no-links',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Services do not use the legacy `links` and `external_links`: on a Compose network every service is reachable by its name.',
      recommended: true,
      sources: {},
    },
    messages: {
      links: 'Service "{{service}}" uses "links", a legacy of the default bridge network: services on a Compose network already reach each other by name. Use "depends_on" for start order and network aliases for other names.',
      externalLinks: 'Service "{{service}}" uses "external_links", a legacy of the default bridge network: put both containers on a shared external network instead.',
      useDependsOn: 'Rename "links" to "depends_on" (same start order; names resolve through the network).',
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
        for (const [service, definition] of Object.entries(data.services)) {
          for (const key of ['links', 'external_links'] as const) {
            if (definition[key] === undefined) continue;
            const keyRange = data.keyRange(servicePointer(service, key));
            if (!keyRange || reported.has(keyRange.join())) continue;
            reported.add(keyRange.join());
            const keyNode = data.location(servicePointer(service, key))?.key;
            const links = definition[key];
            // Only a plain key in the service's own mapping, with links that set no alias, renames cleanly.
            const renames =
              key === 'links' &&
              definition.depends_on === undefined &&
              keyNode !== null &&
              keyNode !== undefined &&
              'type' in keyNode &&
              keyNode.type === 'PLAIN' &&
              Array.isArray(links) &&
              links.every((item) => !(scalarText(item) ?? ':').includes(':'));
            context.report({
              range: keyRange,
              messageId: key === 'links' ? 'links' : 'externalLinks',
              data: { service },
              suggest: renames ? [{ messageId: 'useDependsOn', fix: (fixer) => fixer.replaceTextRange(keyRange, 'depends_on') }] : [],
            });
          }
        }
      },
    };
  },
});
