import { createRule } from '../utils/create-rule.js';
import { composeData } from '../utils/compose-data.js';
import { serviceListItems } from '../utils/service-list.js';

/** Capabilities that let a container escape to, or take over, the host. */
export const DEFAULT_DANGEROUS_CAPABILITIES = [
  'ALL',
  'SYS_ADMIN',
  'SYS_MODULE',
  'SYS_PTRACE',
  'SYS_RAWIO',
  'SYS_BOOT',
  'SYS_TIME',
  'DAC_READ_SEARCH',
  'NET_ADMIN',
  'BPF',
  'PERFMON',
  'MAC_ADMIN',
  'MAC_OVERRIDE',
];

export type Options = [
  {
    /** Capabilities reported when added. */
    capabilities: string[];
  },
];
export type MessageIds = 'allCapabilities' | 'dangerousCapability';

export default createRule<MessageIds, Options>({
  name: 'cap-add-no-dangerous',
  meta: {
    type: 'problem',
    docs: {
      description: 'Services do not add `ALL` or capabilities that reach the host (`SYS_ADMIN`, `SYS_MODULE`, `SYS_PTRACE`, `NET_ADMIN`, ...).',
      recommended: true,
      sources: {},
    },
    messages: {
      allCapabilities: 'Service "{{service}}" adds every capability ("ALL"): that is nearly as much as "privileged". Add only the capabilities it needs.',
      dangerousCapability: 'Service "{{service}}" adds {{capability}}, which lets a process in the container reach beyond it. Add it only if the service cannot work without it.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          capabilities: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Capabilities reported when a service adds them, without the `CAP_` prefix (compared case-insensitively). Replaces the default list.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ capabilities: DEFAULT_DANGEROUS_CAPABILITIES }],
  },
  create(context, [options]) {
    const dangerous = new Set(options.capabilities.map(capabilityName));
    return {
      ComposeFile(compose) {
        const data = composeData(compose, context.project);
        if (!data) return;
        for (const item of serviceListItems(data, 'cap_add')) {
          const capability = capabilityName(item.text);
          if (item.unknown || !dangerous.has(capability)) continue;
          context.report({
            range: item.range,
            messageId: capability === 'ALL' ? 'allCapabilities' : 'dangerousCapability',
            data: { service: item.service, capability },
          });
        }
      },
    };
  },
});

/** `cap_sys_admin` and `SYS_ADMIN` are the same capability. */
function capabilityName(text: string): string {
  return text.trim().toUpperCase().replace(/^CAP_/, '');
}
