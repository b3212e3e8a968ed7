import type { TreeShellWord } from '../utils/shell-word.js';
import { runVisitors } from '../utils/run-instruction.js';
import { runCommands } from '../utils/run-script.js';
import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'strictSslOff' | 'enableStrictSsl';

const OFF = /^(false|0|no)$/i;

export default createRule<MessageIds, Options>({
  name: 'npm-no-insecure-ssl',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `npm`/`yarn config set strict-ssl false`: it turns off TLS certificate checks for the package registry',
      recommended: true,
      sources: { checkov: ['CKV2_DOCKER_13'] },
    },
    messages: {
      strictSslOff:
        "{{tool}} with strict-ssl off accepts any certificate from the registry, so packages (and their install scripts) can be swapped on the way. Set the registry's CA with `{{tool}} config set cafile` instead.",
      enableStrictSsl: 'Set strict-ssl to true.',
    },
    schema: [],
    defaultOptions: [],
    hasSuggestions: true,
    requiresShellParser: true,
  },
  create(context) {
    return runVisitors((instruction) => {
      for (const command of runCommands(instruction)) {
        if (command.program !== 'npm' && command.program !== 'yarn' && command.program !== 'pnpm') continue;
        const setting = strictSslSetting(command.args);
        if (!setting) continue;
        const { key, value, offset } = setting;
        context.report({
          range: [key.range[0], value.range[1]],
          messageId: 'strictSslOff',
          data: { tool: command.program },
          suggest:
            value.literal && value.raw === value.value
              ? [
                  {
                    messageId: 'enableStrictSsl',
                    fix: (fixer) => fixer.replaceTextRange([value.range[0] + offset, value.range[1]], 'true'),
                  },
                ]
              : [],
        });
      }
    });
  },
});

/**
 * `config set strict-ssl false`, `set strict-ssl=false`, `config set strict-ssl false -g`: the key word,
 * the word holding the value, and where in that word the value starts.
 */
function strictSslSetting(args: readonly TreeShellWord[]): { key: TreeShellWord; value: TreeShellWord; offset: number } | undefined {
  const values = args.map((word) => word.value);
  const setIndex = values[0] === 'config' && values[1] === 'set' ? 2 : values[0] === 'set' ? 1 : -1;
  if (setIndex < 0) return undefined;
  const rest = args.slice(setIndex).filter((word) => !word.value.startsWith('-'));
  const [key, next] = rest;
  if (!key) return undefined;
  const joined = /^strict-ssl=(.*)$/.exec(key.value);
  if (joined) return OFF.test(joined[1]!) ? { key, value: key, offset: 'strict-ssl='.length } : undefined;
  if (key.value !== 'strict-ssl' || !next || !OFF.test(next.value)) return undefined;
  return { key, value: next, offset: 0 };
}
