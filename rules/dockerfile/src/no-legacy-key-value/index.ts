import type { InstructionNode } from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';
import { instructionProperties } from '../utils/instruction-properties.js';

export type Options = [];
export type MessageIds = 'legacyFormat';

export default createRule<MessageIds, Options>({
  name: 'no-legacy-key-value',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require `ENV` and `LABEL` to be written as `key=value`, not the legacy `key value`',
      recommended: true,
      sources: { buildkit: ['LegacyKeyValueFormat'] },
    },
    messages: {
      legacyFormat: 'Write "{{keyword}} {{name}}=value": the legacy "{{keyword}} {{name}} value" form is deprecated and sets only one variable, whatever the spaces in the value.',
    },
    schema: [],
    defaultOptions: [],
    fixable: 'code',
  },
  create(context) {
    const source = context.sourceFile;
    const check = (instruction: InstructionNode): void => {
      const properties = instructionProperties(instruction);
      // The legacy form has exactly one property, without `=`; `ENV key` alone is a build error.
      const property = properties.length === 1 ? properties[0]! : null;
      if (!property || property.assigned || property.valueRange === null) return;
      const name = property.nameRange;
      const value = property.valueRange;
      const escape = instruction.dockerfile.escapeCharacter;
      // The fix replaces the separator with `="`: it must hold nothing but blanks and continuations.
      const separator = source.slice([name[1], value[0]]).split(escape).join('');
      const quotable = /^\s*$/.test(separator) && canQuote(source.slice(value), escape);
      context.report({
        range: [name[0], value[1]],
        messageId: 'legacyFormat',
        data: { keyword: source.slice(instruction.keywordRange), name: source.slice(name) },
        fix: quotable
          ? (fixer) => [fixer.replaceTextRange([name[1], value[0]], '="'), fixer.insertTextAfterRange(value, '"')]
          : null,
      });
    };
    return { ENV: check, LABEL: check };
  },
});

/**
 * Whether `"<value>"` means what the legacy value meant. The builder reads both with the same word
 * rules, except that quotes and escapes behave differently inside double quotes, and a comment line
 * inside the continuation would end up inside the quotes.
 */
function canQuote(value: string, escape: string): boolean {
  const lines = value.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const body = index < lines.length - 1 ? line.replace(new RegExp(`${escapeRegExp(escape)}[ \\t]*$`), '') : line;
    if (index < lines.length - 1 && body === line) return false;
    if (index > 0 && /^\s*(#|$)/.test(line)) return false;
    if (/["'\\`]/.test(body) || body.includes(escape)) return false;
  }
  return true;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
