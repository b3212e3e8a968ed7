import type { OffsetRange } from '@docmind-docker-lint/core';
import { runVisitors } from '../utils/run-instruction.js';
import { runCommands } from '../utils/run-script.js';
import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'sslVerifyOff' | 'enableSslVerify';

/** Package managers of the yum family, and yum's config tool. */
const PROGRAMS = new Set(['yum', 'dnf', 'microdnf', 'tdnf', 'yum-config-manager', 'dnf-3', 'dnf5']);
const OFF = /^(0|false|no|off)$/i;

export default createRule<MessageIds, Options>({
  name: 'yum-no-insecure-ssl',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `sslverify=0` in yum/dnf options (`--setopt`, `config-manager`): it turns off TLS certificate checks for repositories',
      recommended: true,
      sources: { checkov: ['CKV2_DOCKER_15'] },
    },
    messages: {
      sslVerifyOff:
        "{{program}} with sslverify off accepts any certificate from the repository, so packages can be swapped on the way. Add the repository's CA certificate (sslcacert) instead.",
      enableSslVerify: 'Set sslverify to 1.',
    },
    schema: [],
    defaultOptions: [],
    hasSuggestions: true,
    requiresShellParser: true,
  },
  create(context) {
    return runVisitors((instruction) => {
      for (const command of runCommands(instruction)) {
        if (!PROGRAMS.has(command.program)) continue;
        for (const [index, word] of command.args.entries()) {
          if (word.value === '--') break;
          const joined = word.value.startsWith('--setopt=');
          const optionWord = joined ? word : word.value === '--setopt' ? command.args[index + 1] : undefined;
          if (!optionWord) continue;
          const setting = joined ? word.value.slice('--setopt='.length) : optionWord.value;
          const match = /^([\w.*-]*\.)?sslverify=(.*)$/i.exec(setting);
          if (!match || !OFF.test(match[2]!)) continue;
          const valueLength = match[2]!.length;
          const plain = optionWord.literal && optionWord.raw === optionWord.value;
          const valueRange: OffsetRange = [optionWord.range[1] - valueLength, optionWord.range[1]];
          context.report({
            range: [word.range[0], optionWord.range[1]],
            messageId: 'sslVerifyOff',
            data: { program: command.program },
            suggest: plain ? [{ messageId: 'enableSslVerify', fix: (fixer) => fixer.replaceTextRange(valueRange, '1') }] : [],
          });
        }
      }
    });
  },
});
