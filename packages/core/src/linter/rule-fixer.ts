import path from 'node:path';
import type { FileEdit, OffsetRange } from '@docmind-docker-lint/fixer';
import type { RuleFixer } from '../types/rule.js';

/** The one place where a rule's fix requests become file edits. */
export function createRuleFixer(filePath: string): RuleFixer {
  // One string for the linted file's edits: its path (`path.resolve` builds a new, concatenated one per call).
  const resolved = path.resolve(filePath);
  const ownPath = flat(resolved === filePath ? filePath : resolved);
  const edit = (file: string, range: OffsetRange, text: string): FileEdit => ({
    file: file === filePath ? ownPath : flat(path.resolve(file)),
    range: [range[0], range[1]],
    text: flat(text),
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

/**
 * The same string, stored flat. Fix texts are often built by concatenation (`a + b` in a loop, and
 * `path.resolve`), which V8 keeps as a tree of pieces, each piece holding on to the text it was sliced
 * from: several times the size of the text. Results keep their fixes until the end of a run. Reading a
 * character makes V8 flatten the string in place.
 */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}
