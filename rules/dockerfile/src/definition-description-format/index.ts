import type { CommentNode, InstructionNode, OffsetRange, SuggestionReport } from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';
import { instructionProperties } from '../utils/instruction-properties.js';

export type Options = [];
export type MessageIds = 'descriptionName' | 'recaseName' | 'prefixName' | 'detachComment';

/** Comments that are instructions to a tool rather than descriptions. */
const PRAGMA = /^#\s*(?:hadolint\s|docmind-docker-lint-|(?:syntax|escape|check)\s*=)/i;

export default createRule<MessageIds, Options>({
  name: 'definition-description-format',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require the comment right above a named stage or an `ARG` to start with that name',
      recommended: false,
      sources: { buildkit: ['InvalidDefinitionDescription'] },
    },
    messages: {
      descriptionName:
        'The comment above this {{keyword}} is read as its description and should start with {{expected}}; put a bare `#` line between them if it is not a description.',
      recaseName: "Write the name as '{{name}}'.",
      prefixName: "Start the comment with '{{name}}'.",
      detachComment: 'Put a bare `#` line between the comment and the instruction.',
    },
    schema: [],
    defaultOptions: [],
    fixable: 'code',
    hasSuggestions: true,
  },
  create(context) {
    const source = context.sourceFile;

    /** The comment the builder reads as the description: the nearest one above, across blank lines, unless a bare `#` or an instruction comes first. */
    const descriptionOf = (instruction: InstructionNode): CommentNode | null => {
      const byLine = new Map(instruction.dockerfile.comments.map((comment) => [source.positionAt(comment.range[0]).line - 1, comment]));
      for (let line = source.positionAt(instruction.range[0]).line - 2; line >= 0; line--) {
        if (source.lineText(line).trim() === '') continue;
        const comment = byLine.get(line);
        if (!comment || comment.text.replace(/^#/, '').trim() === '' || PRAGMA.test(comment.text)) return null;
        return comment;
      }
      return null;
    };

    /** `at` is the name being described: the stage name, or the ARG's names. */
    const check = (instruction: InstructionNode, names: readonly string[], at: OffsetRange): void => {
      if (names.length === 0) return;
      const comment = descriptionOf(instruction);
      if (!comment) return;
      const body = comment.text.replace(/^#/, '');
      const trimmed = body.trim();
      const first = trimmed.split(' ')[0]!;
      if (names.includes(first)) return;
      const firstStart = comment.range[0] + 1 + body.indexOf(trimmed);
      const firstRange: OffsetRange = [firstStart, firstStart + first.length];
      const recased = names.find((name) => name.toLowerCase() === first.toLowerCase());
      const lineStart = source.lineStarts[source.positionAt(instruction.range[0]).line - 1]!;
      const suggest: SuggestionReport<MessageIds>[] = [];
      if (names.length === 1) {
        suggest.push({ messageId: 'prefixName', data: { name: names[0]! }, fix: (fixer) => fixer.insertTextBeforeRange(firstRange, `${names[0]!} `) });
      }
      suggest.push({ messageId: 'detachComment', fix: (fixer) => fixer.insertTextBeforeRange([lineStart, lineStart], `#${source.eol}`) });
      context.report({
        range: at,
        messageId: 'descriptionName',
        data: { keyword: instruction.keyword, expected: names.length === 1 ? `'${names[0]!}'` : `one of its names (${names.join(', ')})` },
        // The first word already is the name but for its case: that is unambiguous to repair.
        fix: recased === undefined ? null : (fixer) => fixer.replaceTextRange(firstRange, recased),
        suggest: recased === undefined ? suggest : [],
      });
    };

    return {
      FROM(instruction) {
        // The builder lowercases stage names before comparing.
        const { name, nameRange } = instruction.stage ?? {};
        if (name && nameRange) check(instruction, [name.toLowerCase()], nameRange);
      },
      ARG(instruction) {
        const properties = instructionProperties(instruction);
        const first = properties[0];
        const last = properties.at(-1);
        if (!first || !last) return;
        check(
          instruction,
          properties.map((property) => property.name),
          [first.nameRange[0], properties.length === 1 ? first.nameRange[1] : (last.valueRange ?? last.nameRange)[1]],
        );
      },
    };
  },
});
