import type { OffsetRange } from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'emptyContinuation';

export default createRule<MessageIds, Options>({
  name: 'no-empty-continuation',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow blank lines inside a line continuation',
      recommended: true,
      sources: { buildkit: ['NoEmptyContinuation'] },
    },
    messages: {
      emptyContinuation: 'Blank line inside a line continuation: the builder skips it today, but empty continuation lines are deprecated and will become an error.',
    },
    schema: [],
    defaultOptions: [],
    fixable: 'whitespace',
  },
  create(context) {
    const source = context.sourceFile;
    return {
      Instruction(instruction) {
        const escape = instruction.dockerfile.escapeCharacter;
        const first = source.positionAt(instruction.range[0]).line - 1;
        const last = source.positionAt(instruction.range[1]).line - 1;
        let continues = endsWithEscape(source.lineText(first), escape);
        let blank: { first: number; last: number } | null = null;
        // Follow the continuation only while lines end with the escape character: what comes after
        // the logical line (heredoc bodies) may hold blank lines of its own.
        for (let line = first + 1; line <= last && continues; line++) {
          const text = source.lineText(line);
          const trimmed = text.trim();
          if (trimmed === '') {
            blank = blank ? { first: blank.first, last: line } : { first: line, last: line };
            continue;
          }
          if (blank) {
            const range: OffsetRange = [source.lineStarts[blank.first]!, source.lineEndOffset(blank.last)];
            const removal: OffsetRange = [source.lineStarts[blank.first]!, source.lineStarts[blank.last + 1]!];
            context.report({ range, messageId: 'emptyContinuation', fix: (fixer) => fixer.removeRange(removal) });
            blank = null;
          }
          // Comment lines inside a continuation are dropped by the builder and do not end it.
          if (!trimmed.startsWith('#')) continues = endsWithEscape(text, escape);
        }
      },
    };
  },
});

function endsWithEscape(text: string, escape: string): boolean {
  return text.trimEnd().endsWith(escape);
}
