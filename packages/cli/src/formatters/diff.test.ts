import { describe, expect, it } from 'vitest';
import type { LintResult } from '@docmind-docker-lint/core';
import { formatDiff } from './diff.js';

function result(filePath: string, texts: { source?: string; output?: string }): LintResult {
  return {
    filePath,
    messages: [],
    suppressedMessages: [],
    errorCount: 0,
    warningCount: 0,
    fatalErrorCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    ...texts,
  };
}

describe('diff formatter', () => {
  it('diffs changed files, a created one against /dev/null, and skips unchanged ones', () => {
    const output = formatDiff(
      [
        result('/project/Dockerfile', { source: 'FROM python\nCOPY . .\n', output: 'FROM python:3.12\nCOPY . .\n' }),
        result('/project/same/Dockerfile', { source: 'FROM x\n', output: 'FROM x\n' }),
        result('/project/unfixed/Dockerfile', { source: 'FROM x\n' }),
        result('/project/.dockerignore', { output: '.env\n' }),
      ],
      { cwd: '/project', rulesMeta: {}, color: false },
    );
    expect(output).toBe(
      [
        '--- a/Dockerfile',
        '+++ b/Dockerfile',
        '@@ -1,2 +1,2 @@',
        '-FROM python',
        '+FROM python:3.12',
        ' COPY . .',
        '--- /dev/null',
        '+++ b/.dockerignore',
        '@@ -0,0 +1,1 @@',
        '+.env',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing when nothing changed', () => {
    expect(formatDiff([result('/project/Dockerfile', { source: 'FROM x\n' })], { cwd: '/project', rulesMeta: {}, color: false })).toBe('');
  });
});
