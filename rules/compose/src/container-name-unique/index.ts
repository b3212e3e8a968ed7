import { mayRunTogether } from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';
import { composeData, scalarText, servicePointer } from '../utils/compose-data.js';

export type Options = [];
export type MessageIds = 'duplicateName';

export default createRule<MessageIds, Options>({
  name: 'container-name-unique',
  meta: {
    type: 'problem',
    docs: {
      description: 'No two services that run together set the same `container_name`: the second container cannot be created.',
      recommended: true,
      sources: { dclint: ['no-duplicate-container-names'] },
    },
    messages: {
      duplicateName: 'Service "{{service}}" uses the container name "{{name}}" of service "{{other}}": Docker cannot create the second container.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      ComposeFile(compose) {
        const data = composeData(compose, context.project);
        if (!data) return;
        const seen: { service: string; name: string; range: readonly [number, number] }[] = [];
        for (const [service, definition] of Object.entries(data.services)) {
          const pointer = servicePointer(service, 'container_name');
          const name = scalarText(definition.container_name);
          const range = data.valueRange(pointer);
          if (name === null || !range || data.interpolation(pointer)?.known === false) continue;
          const first = seen.find((entry) => entry.name === name && mayRunTogether(data.services[entry.service], definition));
          if (first && first.range.join() !== range.join()) {
            context.report({
              range,
              messageId: 'duplicateName',
              data: { service, name, other: first.service },
              related: [{ file: context.filename, range: [...first.range], message: `"${name}" is first used by service "${first.service}"` }],
            });
          } else if (!first) {
            seen.push({ service, name, range });
          }
        }
      },
    };
  },
});
