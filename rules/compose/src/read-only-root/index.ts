import type { SuggestionReport } from '@docmind-docker-lint/core';
import { isScalar } from 'yaml';
import { createRule } from '../utils/create-rule.js';
import { servicePointer } from '../utils/compose-data.js';
import { mainFileServices } from '../utils/main-file-services.js';
import { newServiceKeyLine, ownServiceValue, type ServiceEdit } from '../utils/service-insertion.js';

export type Options = [];
export type MessageIds = 'writableRoot' | 'readOnlyOff' | 'setReadOnly';

export default createRule<MessageIds, Options>({
  name: 'read-only-root',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Services run with a read-only root filesystem (`read_only: true`), writing only to volumes and tmpfs mounts.',
      recommended: false,
      sources: {},
    },
    messages: {
      writableRoot:
        'Service "{{service}}" can write anywhere in its filesystem, so an intruder can change its programs and leave files behind. Set "read_only: true" and give it volumes or "tmpfs" mounts for the paths it writes (/tmp, /run, caches).',
      readOnlyOff: 'Service "{{service}}" turns the read-only root filesystem off. Set "read_only: true" and give it volumes or "tmpfs" mounts for the paths it writes.',
      setReadOnly: 'Set "read_only: true" (add "tmpfs" mounts for the paths the service writes).',
    },
    schema: [],
    defaultOptions: [],
    hasSuggestions: true,
  },
  create(context) {
    const reported = new Set<string>();
    return {
      ComposeFile(compose) {
        const file = mainFileServices(compose, context.filename, context.project);
        if (!file) return;
        const { data } = file;
        const text = context.sourceFile.text;
        for (const { name: service, own: definition, merged } of file.services) {
          if (merged.read_only === true || merged.read_only === 'true') continue;
          const pointer = servicePointer(service, 'read_only');
          if (data.interpolation(pointer)?.known === false) continue;
          if (definition.read_only !== undefined) {
            const range = data.valueRange(pointer);
            if (!range || reported.has(range.join())) continue;
            reported.add(range.join());
            const own = ownServiceValue(data, service, 'read_only');
            const edit: ServiceEdit | null = isScalar(own) && own.anchor === undefined && !data.interpolation(pointer) ? { range, text: 'true' } : null;
            context.report({ range, messageId: 'readOnlyOff', data: { service }, suggest: suggestion(edit) });
            continue;
          }
          const keyRange = data.keyRange(servicePointer(service));
          if (!keyRange) continue;
          const line = newServiceKeyLine(data, text, service);
          const edit = line ? { range: [line.at, line.at] as [number, number], text: `${line.indent}read_only: true${line.eol}` } : null;
          context.report({ range: keyRange, messageId: 'writableRoot', data: { service }, suggest: suggestion(edit) });
        }
      },
    };
  },
});

function suggestion(edit: ServiceEdit | null): SuggestionReport<MessageIds>[] {
  return edit ? [{ messageId: 'setReadOnly', fix: (fixer) => fixer.replaceTextRange(edit.range, edit.text) }] : [];
}
