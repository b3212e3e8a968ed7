import { createRule } from '../utils/create-rule.js';
import { composeData, scalarText, servicePointer } from '../utils/compose-data.js';

export type Options = [];
export type MessageIds = 'invalidName';

/** What Docker accepts as a container name. */
const CONTAINER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export default createRule<MessageIds, Options>({
  name: 'container-name-valid',
  meta: {
    type: 'problem',
    docs: {
      description: '`container_name` is a name Docker accepts: a letter or digit, then letters, digits, `_`, `.` or `-`.',
      recommended: true,
      sources: { dclint: ['service-container-name-regex'] },
    },
    messages: {
      invalidName: 'The container name "{{name}}" of service "{{service}}" is not one Docker accepts: start with a letter or digit, then use letters, digits, "_", "." or "-" (two characters at least).',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      ComposeFile(compose) {
        const data = composeData(compose, context.project);
        if (!data) return;
        for (const [service, definition] of Object.entries(data.services)) {
          const pointer = servicePointer(service, 'container_name');
          const name = scalarText(definition.container_name);
          const range = data.valueRange(pointer);
          const interpolation = data.interpolation(pointer);
          if (name === null || !range || CONTAINER_NAME.test(name)) continue;
          // A value from a variable is judged only when known, and never printed.
          if (interpolation && !interpolation.known) continue;
          const node = data.location(pointer)?.value;
          const written = node && 'value' in node ? (scalarText(node.value) ?? name) : name;
          context.report({ range, messageId: 'invalidName', data: { service, name: written } });
        }
      },
    };
  },
});
