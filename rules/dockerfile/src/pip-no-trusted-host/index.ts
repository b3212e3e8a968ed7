import type { OffsetRange } from '@docmind-docker-lint/core';
import { instructionProperties } from '../utils/instruction-properties.js';
import { isPipCommand } from '../utils/pip-command.js';
import { runVisitors } from '../utils/run-instruction.js';
import { runCommands } from '../utils/run-script.js';
import { runAssignments } from '../utils/shell-assignments.js';
import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'trustedHostOption' | 'trustedHostVariable' | 'removeOption';

const VARIABLE = 'PIP_TRUSTED_HOST';

export default createRule<MessageIds, Options>({
  name: 'pip-no-trusted-host',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow pip `--trusted-host` and `PIP_TRUSTED_HOST`: they turn off TLS checks for a package index',
      recommended: true,
      sources: { checkov: ['CKV2_DOCKER_4', 'CKV2_DOCKER_16'] },
    },
    messages: {
      trustedHostOption:
        'pip --trusted-host {{host}} installs packages from {{host}} without checking its TLS certificate (or over plain HTTP): install the index\'s CA certificate and pass it with --cert instead.',
      trustedHostVariable:
        '{{name}} makes pip skip TLS certificate checks for {{host}}: install the index\'s CA certificate and point PIP_CERT at it instead.',
      removeOption: 'Remove --trusted-host {{host}} (pip then checks the certificate of the index).',
    },
    schema: [],
    defaultOptions: [],
    hasSuggestions: true,
    requiresShellParser: true,
  },
  create(context) {
    const reportVariable = (name: string, value: string | null, range: OffsetRange): void => {
      context.report({ range, messageId: 'trustedHostVariable', data: { name, host: value || 'any host' } });
    };
    const checkProperties = (instruction: Parameters<typeof instructionProperties>[0]): void => {
      for (const property of instructionProperties(instruction)) {
        if (property.name !== VARIABLE || property.value === null) continue;
        reportVariable(property.name, property.value, [property.nameRange[0], property.valueRange?.[1] ?? property.nameRange[1]]);
      }
    };
    return {
      ENV: checkProperties,
      ARG: checkProperties,
      ...runVisitors((instruction) => {
        for (const assignment of runAssignments(instruction)) {
          if (assignment.name === VARIABLE) reportVariable(assignment.name, assignment.value?.value ?? null, assignment.range);
        }
        for (const command of runCommands(instruction)) {
          if (!isPipCommand(command)) continue;
          for (const [index, word] of command.args.entries()) {
            if (word.value === '--') break;
            const joined = word.value.startsWith('--trusted-host=');
            if (word.value !== '--trusted-host' && !joined) continue;
            const valueWord = joined ? word : command.args[index + 1];
            const host = joined ? word.value.slice('--trusted-host='.length) : (valueWord?.value ?? '');
            const end = valueWord?.range[1] ?? word.range[1];
            const { text } = context.sourceFile;
            let start = word.range[0];
            while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
            context.report({
              range: [word.range[0], end],
              messageId: 'trustedHostOption',
              data: { host },
              // In exec form the two elements and their commas would need joining; only shell words are removed.
              suggest: command.form === 'shell' ? [{ messageId: 'removeOption', data: { host }, fix: (fixer) => fixer.removeRange([start, end]) }] : [],
            });
          }
        }
      }),
    };
  },
});
