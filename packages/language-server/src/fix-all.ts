import type { LintMessage } from '@docmind-docker-lint/core';
import { runFixPasses, type Fix } from '@docmind-docker-lint/fixer';

/**
 * The text of a document after all its safe fixes, applied as the CLI's `--fix` applies them: pass after
 * pass (up to 10, stopping on a cycle), re-linting the fixed text between passes. Only fixes confined to
 * the document take part (the applier refuses edits of files it was not given), since an editor's
 * fix-all, often run on save, should not create or change other files. `undefined` when nothing changes
 * or `isCancelled` turned true.
 */
export function fixAllText(
  filePath: string,
  text: string,
  firstMessages: readonly LintMessage[],
  relint: (text: string) => readonly LintMessage[],
  isCancelled: () => boolean = () => false,
): string | undefined {
  const fixesOf = (messages: readonly LintMessage[]): Fix[] =>
    messages.flatMap((message) => (message.ruleId && message.fix ? [message.fix] : []));
  const outcome = runFixPasses(new Map([[filePath, { text, bom: false }]]), (files, pass) => {
    if (isCancelled()) return [];
    if (pass === 1) return fixesOf(firstMessages);
    const current = files.get(filePath);
    return current ? fixesOf(relint(current.text)) : [];
  });
  if (isCancelled() || !outcome.changedPaths.has(filePath)) return undefined;
  return outcome.files.get(filePath)?.text;
}
