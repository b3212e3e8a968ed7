import path from 'node:path';
import type { FileEdit, OffsetRange } from '@docmind-docker-lint/fixer';
import type { RuleFixer } from '../types/rule.js';

/** The one place where a rule's fix requests become file edits. */
export function createRuleFixer(filePath: string): RuleFixer {
  const edit = (file: string, range: OffsetRange, text: string): FileEdit => ({
    file: path.resolve(file),
    range: [range[0], range[1]],
    text,
  });
  return {
    replaceTextRange: (range, text) => edit(filePath, range, text),
    insertTextBeforeRange: (range, text) => edit(filePath, [range[0], range[0]], text),
    insertTextAfterRange: (range, text) => edit(filePath, [range[1], range[1]], text),
    removeRange: (range) => edit(filePath, range, ''),
    replaceTextRangeIn: (file, range, text) => edit(file, range, text),
    createFile: (file, text) => ({ ...edit(file, [0, 0], text), create: true }),
  };
}
