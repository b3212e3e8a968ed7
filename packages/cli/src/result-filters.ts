import type { LintMessage, LintResult } from '@docmind-docker-lint/core';

/** The start of the core's message for a named path that is not there (or lies outside the root). */
const MISSING_PATH_MESSAGE = 'No such file or folder inside the project root';

/** A result that stands for a named path that does not exist rather than for a linted file. */
export function isMissingPath(result: LintResult): boolean {
  return result.messages.some(
    (message) => message.fatal && message.ruleId === null && message.message.startsWith(MISSING_PATH_MESSAGE),
  );
}

/** A result without its warnings (`--quiet`), its counts to match. */
export function errorsOnly(result: LintResult): LintResult {
  const isError = (message: LintMessage): boolean => message.severity === 2;
  return {
    ...result,
    messages: result.messages.filter(isError),
    suppressedMessages: result.suppressedMessages.filter(isError),
    warningCount: 0,
    fixableWarningCount: 0,
  };
}

/** Problems a rule could not check because it threw: internal errors, reported with exit code 2. */
export function internalErrors(result: LintResult): LintMessage[] {
  return result.messages.filter((message) => message.internal);
}
