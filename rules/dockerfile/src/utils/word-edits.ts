import type { FileEdit, RuleFixer } from '@docmind-docker-lint/core';
import type { ShellCommand } from './shell-command.js';
import type { ShellWord } from './shell-word.js';

/** Words that need no quoting anywhere: in a shell, inside `'...'` or `"..."`, and inside a JSON string. */
const PLAIN_WORD = /^[\w@%+=:,./-]+$/;

/**
 * Inserts a plain word (an option such as `-y` or `--no-cache`) after a word of a command: ` -y` in a
 * shell script (also one nested in `sh -c '...'` or a JSON string), `, "-y"` among exec-form elements.
 */
export function insertWordAfter(fixer: RuleFixer, command: ShellCommand, after: ShellWord, word: string): FileEdit {
  if (!PLAIN_WORD.test(word)) throw new Error(`insertWordAfter: "${word}" would need quoting.`);
  return fixer.insertTextAfterRange(after.range, command.form === 'exec' ? `, "${word}"` : ` ${word}`);
}

/**
 * Removes a word of a command with the blanks before it (in exec form, the element and the comma
 * before it). `text` is the Dockerfile text. Not for the command name (the first word).
 */
export function removeWord(fixer: RuleFixer, command: ShellCommand, word: ShellWord, text: string): FileEdit {
  let start = word.range[0];
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  if (command.form === 'exec' && text[start - 1] === ',') {
    start--;
    while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  }
  return fixer.removeRange([start, word.range[1]]);
}
