import { createRule } from '../utils/create-rule.js';
import { instructionProperties } from '../utils/instruction-properties.js';

export type Options = [];
export type MessageIds = 'invalidKey' | 'reservedNamespace';

/** Namespaces Docker keeps for its own labels. */
const RESERVED_NAMESPACES = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

export default createRule<MessageIds, Options>({
  name: 'label-key-format',
  meta: {
    type: 'suggestion',
    docs: {
      description: "Require label keys to follow Docker's key format: lowercase letters, digits, `.` and `-`, outside Docker's reserved namespaces",
      recommended: false,
      sources: { hadolint: ['DL3048'] },
    },
    messages: {
      invalidKey: "Label key '{{key}}' {{problem}}: keys should start with a lowercase letter, end with a letter or digit, and hold only lowercase letters, digits, single `.` and single `-`.",
      reservedNamespace: "Label key '{{key}}' is in the namespace '{{namespace}}', which Docker reserves for its own labels.",
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      LABEL(instruction) {
        for (const { name: key, nameRange: keyRange } of instructionProperties(instruction)) {
          const namespace = RESERVED_NAMESPACES.find((reserved) => key.startsWith(reserved));
          if (namespace) {
            context.report({ range: keyRange, messageId: 'reservedNamespace', data: { key, namespace } });
            continue;
          }
          const problem = keyProblem(key);
          if (problem) context.report({ range: keyRange, messageId: 'invalidKey', data: { key, problem } });
        }
      },
    };
  },
});

function keyProblem(key: string): string | null {
  if (!/^[a-z]/.test(key)) return 'does not start with a lowercase letter';
  if (!/[a-z0-9]$/.test(key)) return 'does not end with a lowercase letter or digit';
  if (/[^a-z0-9.-]/.test(key)) return 'holds characters other than lowercase letters, digits, `.` and `-`';
  if (/\.\.|--/.test(key)) return 'repeats `.` or `-`';
  return null;
}
