import { createHash } from 'node:crypto';
import type { LintMessage, LintResult } from '@docmind-docker-lint/core';
import type { Formatter } from './formatter.js';
import { reportPath } from './report-path.js';

type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

/**
 * GitLab Code Quality JSON (a `codequality` report artifact), shown in merge requests. Each problem's
 * fingerprint hashes its rule id, its file's path, the text it points at and how many problems of the
 * same rule on the same text come before it in the file, and no line numbers: a problem keeps its
 * fingerprint when lines are added above it, so GitLab shows it as neither fixed nor new.
 */
export const formatGitlab: Formatter = (results, { cwd }) => {
  const issues = results.flatMap((result) => {
    const file = reportPath(cwd, result.filePath);
    const seen = new Map<string, number>();
    return result.messages.map((message) => {
      const key = JSON.stringify([message.ruleId ?? '', file, offendingText(result, message)]);
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      return {
        type: 'issue',
        description: message.message,
        check_name: message.ruleId ?? 'docmind-docker-lint',
        fingerprint: createHash('sha256').update(`${key}\0${occurrence}`).digest('hex'),
        severity: severityOf(message),
        location: { path: file, lines: { begin: message.line, end: message.endLine } },
      };
    });
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
};

/**
 * The text a problem points at; for a problem without extent (an insertion point), the trimmed line
 * it sits on. The message stands in when the file's text is unknown.
 */
function offendingText(result: LintResult, message: LintMessage): string {
  const text = result.output ?? result.source;
  if (text === undefined) return message.message;
  const [start, end] = message.range;
  if (end > start) return text.slice(start, end);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', start);
  return text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).trim();
}

function severityOf(message: LintMessage): CodeQualitySeverity {
  if (message.fatal) return 'blocker';
  return message.severity === 2 ? 'major' : 'minor';
}
