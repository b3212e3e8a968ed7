import { createRule } from '../utils/create-rule.js';
import { scalarText, servicePointer } from '../utils/compose-data.js';
import { mainFileServices } from '../utils/main-file-services.js';
import { addServiceListItem } from '../utils/service-insertion.js';

export type Options = [];
export type MessageIds = 'missingNoNewPrivileges' | 'noNewPrivilegesOff' | 'addNoNewPrivileges';

/** `no-new-privileges`, `no-new-privileges:true`, `no-new-privileges=false`: the value, `''` when there is none. */
const NO_NEW_PRIVILEGES = /^\s*no-new-privileges\s*(?:[:=]\s*(.*?))?\s*$/i;

export default createRule<MessageIds, Options>({
  name: 'no-new-privileges',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Services set `security_opt: [no-new-privileges:true]`, so no process in them gains privileges through setuid or file capabilities.',
      recommended: false,
      sources: { kics: ['27fcc7d6-c49b-46e0-98f1-6c082a6a2750'] },
    },
    messages: {
      missingNoNewPrivileges:
        'Service "{{service}}" does not set "no-new-privileges:true": a process in it can still gain privileges by running a setuid or file-capability program (su, sudo, ping). Add it to "security_opt".',
      noNewPrivilegesOff: 'Service "{{service}}" turns "no-new-privileges" off, so a process in it can gain privileges by running a setuid or file-capability program. Set it to true.',
      addNoNewPrivileges: 'Add "no-new-privileges:true" to "security_opt".',
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
          const own = Array.isArray(definition.security_opt) ? (definition.security_opt as unknown[]) : [];
          if (own.some((_, index) => data.interpolation(servicePointer(service, 'security_opt', index))?.known === false)) continue;
          const options = Array.isArray(merged.security_opt) ? merged.security_opt : [];
          const values = options.flatMap((option) => {
            const match = NO_NEW_PRIVILEGES.exec(scalarText(option) ?? '');
            return match ? [(match[1] ?? '').toLowerCase()] : [];
          });
          if (values.some((value) => value === '' || value === 'true')) continue;
          if (values.length > 0) {
            const index = own.findIndex((option) => NO_NEW_PRIVILEGES.test(scalarText(option) ?? ''));
            const range = index === -1 ? null : data.valueRange(servicePointer(service, 'security_opt', index));
            if (!range || reported.has(range.join())) continue;
            reported.add(range.join());
            context.report({ range, messageId: 'noNewPrivilegesOff', data: { service } });
            continue;
          }
          const keyRange = data.keyRange(servicePointer(service));
          if (!keyRange) continue;
          const edit = addServiceListItem(data, text, service, 'security_opt', 'no-new-privileges:true');
          context.report({
            range: keyRange,
            messageId: 'missingNoNewPrivileges',
            data: { service },
            suggest: edit ? [{ messageId: 'addNoNewPrivileges', fix: (fixer) => fixer.replaceTextRange(edit.range, edit.text) }] : [],
          });
        }
      },
    };
  },
});
