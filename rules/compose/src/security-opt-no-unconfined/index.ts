import { createRule } from '../utils/create-rule.js';
import { composeData } from '../utils/compose-data.js';
import { serviceListItems } from '../utils/service-list.js';

export type Options = [];
export type MessageIds = 'unconfined';

/** `security_opt` entries that turn a confinement off, by option and value, with what is lost. */
const UNCONFINED: readonly { readonly option: string; readonly value: RegExp; readonly what: string }[] = [
  { option: 'seccomp', value: /^unconfined$/i, what: 'the seccomp profile, which blocks dangerous system calls' },
  { option: 'apparmor', value: /^unconfined$/i, what: 'the AppArmor profile' },
  { option: 'label', value: /^(?:disable|type:spc_t)$/i, what: 'SELinux separation' },
  { option: 'systempaths', value: /^unconfined$/i, what: 'the masking of /proc and /sys paths' },
];

export default createRule<MessageIds, Options>({
  name: 'security-opt-no-unconfined',
  meta: {
    type: 'problem',
    docs: {
      description: 'Services keep seccomp, AppArmor, SELinux and the masked system paths: no `security_opt` turns them off.',
      recommended: true,
      sources: { kics: ['404fde2c-bc4b-4371-9747-7054132ac953'] },
    },
    messages: {
      unconfined: 'Service "{{service}}" turns off {{what}} ("{{entry}}"). Keep the default, or write a profile that allows only what the service needs.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      ComposeFile(compose) {
        const data = composeData(compose, context.project);
        if (!data) return;
        for (const item of serviceListItems(data, 'security_opt')) {
          if (item.unknown) continue;
          const separator = item.text.search(/[:=]/);
          if (separator === -1) continue;
          const option = item.text.slice(0, separator).trim().toLowerCase();
          const value = item.text.slice(separator + 1).trim();
          const match = UNCONFINED.find((entry) => entry.option === option && entry.value.test(value));
          if (!match) continue;
          context.report({ range: item.range, messageId: 'unconfined', data: { service: item.service, what: match.what, entry: `${option}:${value}` } });
        }
      },
    };
  },
});
