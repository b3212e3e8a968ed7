import { createRule } from '../utils/create-rule.js';
import { composeData, servicePointer } from '../utils/compose-data.js';
import { lineSpan } from '../utils/line-span.js';

export type Options = [];
export type MessageIds = 'privileged' | 'removePrivileged';

export default createRule<MessageIds, Options>({
  name: 'no-privileged',
  meta: {
    type: 'problem',
    docs: {
      description: 'Services do not run privileged: `privileged: true` gives the container every capability and the host\'s devices.',
      recommended: true,
      sources: { kics: ['ae5b6871-7f45-42e0-bb4c-ab300c4d2026'] },
    },
    messages: {
      privileged: 'Service "{{service}}" runs privileged: it has every capability and all host devices, so a process that breaks out of it owns the host. Add only the capabilities or devices it needs.',
      removePrivileged: 'Remove "privileged: true".',
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
          if (definition.privileged !== true && definition.privileged !== 'true') continue;
          const pointer = servicePointer(service, 'privileged');
          const range = data.valueRange(pointer);
          const keyRange = data.keyRange(pointer);
          if (!range || !keyRange || reported.has(range.join())) continue;
          reported.add(range.join());
          const lines = lineSpan(context.sourceFile.text, keyRange[0], range[1]);
          context.report({
            range,
            messageId: 'privileged',
            data: { service },
            suggest: lines ? [{ messageId: 'removePrivileged', fix: (fixer) => fixer.removeRange(lines) }] : [],
          });
        }
      },
    };
  },
});
