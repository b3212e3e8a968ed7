import type { LintMessage } from '@docmind-docker-lint/core';

/** `error` for problems at error severity and fatal ones, else `warning`. */
export function severityLabel(message: LintMessage): 'error' | 'warning' {
  return message.fatal || message.severity === 2 ? 'error' : 'warning';
}
