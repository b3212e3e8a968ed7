import { createRule } from '../utils/create-rule.js';
import { scalarText, servicePointer } from '../utils/compose-data.js';
import { mainFileServices } from '../utils/main-file-services.js';
import { addServiceListItem, ownServiceValue } from '../utils/service-insertion.js';

export type Options = [];
export type MessageIds = 'missingCapDrop' | 'capDropWithoutAll' | 'addCapDropAll';

export default createRule<MessageIds, Options>({
  name: 'cap-drop-all',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Services drop every capability (`cap_drop: [ALL]`) and add back with `cap_add` only those they need.',
      recommended: false,
      sources: { kics: ['ce76b7d0-9e77-464d-b86f-c5c48e03e22d'] },
    },
    messages: {
      missingCapDrop:
        'Service "{{service}}" keeps the capabilities Docker grants by default (CHOWN, DAC_OVERRIDE, FOWNER, NET_RAW, SETUID, SETGID and more). Drop them all with "cap_drop: [ALL]" and add back with "cap_add" only those it needs.',
      capDropWithoutAll:
        'Service "{{service}}" drops some capabilities but keeps the rest of Docker\'s defaults. Drop them all with "ALL" and add back with "cap_add" only those it needs.',
      addCapDropAll: 'Add "ALL" to "cap_drop" (then add back with "cap_add" what the service needs).',
    },
    schema: [],
    defaultOptions: [],
    hasSuggestions: true,
  },
  create(context) {
    return {
      ComposeFile(compose) {
        const file = mainFileServices(compose, context.filename, context.project);
        if (!file) return;
        const { data } = file;
        const text = context.sourceFile.text;
        for (const { name: service, own: definition, merged } of file.services) {
          // A privileged service has every capability whatever it drops: no-privileged reports it.
          if (merged.privileged === true || merged.privileged === 'true') continue;
          const own = Array.isArray(definition.cap_drop) ? definition.cap_drop : [];
          if (own.some((_, index) => data.interpolation(servicePointer(service, 'cap_drop', index))?.known === false)) continue;
          const dropped = Array.isArray(merged.cap_drop) ? merged.cap_drop : [];
          if (dropped.some((capability) => /^(?:CAP_)?ALL$/i.test(scalarText(capability)?.trim() ?? ''))) continue;
          const hasOwnList = ownServiceValue(data, service, 'cap_drop') != null;
          const range = hasOwnList ? data.keyRange(servicePointer(service, 'cap_drop')) : data.keyRange(servicePointer(service));
          if (!range) continue;
          const edit = addServiceListItem(data, text, service, 'cap_drop', 'ALL');
          context.report({
            range,
            messageId: hasOwnList ? 'capDropWithoutAll' : 'missingCapDrop',
            data: { service },
            suggest: edit ? [{ messageId: 'addCapDropAll', fix: (fixer) => fixer.replaceTextRange(edit.range, edit.text) }] : [],
          });
        }
      },
    };
  },
});
