import { createHash } from 'node:crypto';
import type { LintMessage, LintResult } from '@docmind-docker-lint/core';
import { formatterOf, type StreamFormatter } from './formatter.js';
import { reportPath } from './report-path.js';

type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

/**
 * GitLab Code Quality JSON (a `codequality` report artifact), shown in merge requests. Each problem's
 * fingerprint hashes its rule id, its file's path, the text it points at and how many problems of the
 * same rule on the same text come before it in the file, and no line numbers: a problem keeps its
 * fingerprint when lines are added above it, so GitLab shows it as neither fixed nor new.
 */
export const gitlabStream: StreamFormatter = ({ cwd }, write) => {
  // `JSON.stringify(issues, null, 2)` written an issue at a time.
  let first = true;
  return {
    add(result) {
      const file = reportPath(cwd, result.filePath);
      const seen = new Map<string, number>();
      for (const message of result.messages) {
        const key = JSON.stringify([message.ruleId ?? '', file, offendingText(result, message)]);
        const occurrence = seen.get(key) ?? 0;
        seen.set(key, occurrence + 1);
        const issue = {
          type: 'issue',
          description: message.message,
          check_name: message.ruleId ?? 'docmind-docker-lint',
          fingerprint: createHash('sha256').update(`${key}\0${occurrence}`).digest('hex'),
          severity: severityOf(message),
          location: { path: file, lines: { begin: message.line, end: message.endLine } },
        };
        write((first ? '[\n  ' : ',\n  ') + JSON.stringify(issue, null, 2).replaceAll('\n', '\n  '));
        first = false;
      }
    },
    end() {
      write(first ? '[]\n' : '\n]\n');
    },
  };
};

export const formatGitlab = formatterOf(gitlabStream);

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
