import type { InstructionNode, OffsetRange } from '@docmind-docker-lint/core';
import { instructionProperties } from '../utils/instruction-properties.js';
import { runVisitors } from '../utils/run-instruction.js';
import { runAssignments } from '../utils/shell-assignments.js';
import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'insecureVariable' | 'restoreValue';

interface InsecureVariable {
  /** Whether this value turns verification off. */
  readonly insecure: (value: string) => boolean;
  /** The value that turns it back on; `null` when only removing the variable does. */
  readonly secure: string | null;
  readonly tool: string;
}

/** Variables that switch off TLS certificate verification, by upper-cased name. */
const VARIABLES: Readonly<Record<string, InsecureVariable>> = {
  PYTHONHTTPSVERIFY: { insecure: (value) => value.trim() === '0', secure: '1', tool: "Python's urllib/http.client" },
  NODE_TLS_REJECT_UNAUTHORIZED: { insecure: (value) => value.trim() === '0', secure: '1', tool: 'Node.js' },
  NPM_CONFIG_STRICT_SSL: { insecure: (value) => /^(false|0|no)$/i.test(value.trim()), secure: 'true', tool: 'npm' },
  GIT_SSL_NO_VERIFY: { insecure: () => true, secure: null, tool: 'git' },
};

export default createRule<MessageIds, Options>({
  name: 'env-no-insecure-tls',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow environment variables that switch off TLS certificate checks (PYTHONHTTPSVERIFY=0, NODE_TLS_REJECT_UNAUTHORIZED=0, NPM_CONFIG_STRICT_SSL=false, GIT_SSL_NO_VERIFY)',
      recommended: true,
      sources: { checkov: ['CKV2_DOCKER_5', 'CKV2_DOCKER_6', 'CKV2_DOCKER_12', 'CKV2_DOCKER_14'] },
    },
    messages: {
      insecureVariable: '{{name}} makes {{tool}} accept any TLS certificate, so its connections can be intercepted. Install the CA certificate the server needs instead.',
      restoreValue: 'Set {{name}} to {{value}} (verification on).',
    },
    schema: [],
    defaultOptions: [],
    hasSuggestions: true,
    requiresShellParser: true,
  },
  create(context) {
    const check = (name: string, value: string | null, range: OffsetRange, valueRange: OffsetRange | null, literal: boolean): void => {
      // npm reads its settings case-insensitively; the other tools want the exact name.
      const key = name.toUpperCase() === 'NPM_CONFIG_STRICT_SSL' ? 'NPM_CONFIG_STRICT_SSL' : name;
      const variable = VARIABLES[key];
      if (!variable || value === null || !variable.insecure(value)) return;
      const secure = variable.secure;
      context.report({
        range,
        messageId: 'insecureVariable',
        data: { name, tool: variable.tool },
        suggest:
          secure !== null && valueRange && literal
            ? [{ messageId: 'restoreValue', data: { name, value: secure }, fix: (fixer) => fixer.replaceTextRange(valueRange, secure) }]
            : [],
      });
    };
    const checkProperties = (instruction: InstructionNode): void => {
      for (const property of instructionProperties(instruction)) {
        const end = property.valueRange?.[1] ?? property.nameRange[1];
        const literal = property.value !== null && !property.value.includes('$');
        check(property.name, property.value, [property.nameRange[0], end], property.valueRange, literal);
      }
    };
    return {
      ENV: checkProperties,
      ARG: checkProperties,
      ...runVisitors((instruction) => {
        for (const assignment of runAssignments(instruction)) {
          check(assignment.name, assignment.value?.value ?? '', assignment.range, assignment.value?.range ?? null, assignment.value?.literal ?? false);
        }
      }),
    };
  },
});
