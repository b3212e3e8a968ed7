import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LintMessage, LintResult } from '@docmind-docker-lint/core';
import { formatGitlab } from './gitlab.js';
import { sampleContext, sampleResults } from './sample-results.test-helper.js';

interface Issue {
  readonly check_name: string;
  readonly fingerprint: string;
  readonly location: { readonly path: string; readonly lines: { readonly begin: number; readonly end: number } };
}

function issues(results: LintResult[]): Issue[] {
  return JSON.parse(formatGitlab(results, sampleContext)) as Issue[];
}

/** A Dockerfile with a `:latest` problem on every `FROM x:latest` line. */
function latestProblems(source: string): LintResult {
  const messages: LintMessage[] = [];
  for (const match of source.matchAll(/:latest/gu)) {
    const line = source.slice(0, match.index).split('\n').length;
    const column = match.index - source.lastIndexOf('\n', match.index - 1);
    messages.push({
      ruleId: 'no-latest-tag',
      severity: 2,
      message: 'Uses latest.',
      line,
      column,
      endLine: line,
      endColumn: column + 7,
      range: [match.index, match.index + 7],
    });
  }
  return {
    filePath: '/project/Dockerfile',
    messages,
    suppressedMessages: [],
    errorCount: messages.length,
    warningCount: 0,
    fatalErrorCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    source,
  };
}

const sha = (parts: unknown[], occurrence: number): string =>
  createHash('sha256').update(`${JSON.stringify(parts)}\0${occurrence}`).digest('hex');

describe('gitlab formatter', () => {
  it('writes Code Quality issues with severities, paths, lines and fingerprints', () => {
    expect(JSON.parse(formatGitlab(sampleResults, sampleContext))).toEqual([
      {
        type: 'issue',
        description: 'Image "python:latest" uses the latest tag.',
        check_name: 'no-latest-tag',
        fingerprint: sha(['no-latest-tag', 'Dockerfile', ':latest'], 0),
        severity: 'major',
        location: { path: 'Dockerfile', lines: { begin: 1, end: 1 } },
      },
      {
        type: 'issue',
        description: 'Runs as root: add "USER app" & <don\'t> skip it, 100%,\nreally.',
        check_name: 'require-user',
        fingerprint: sha(['require-user', 'Dockerfile', 'RUN pip install "x<2" && echo ok'], 0),
        severity: 'minor',
        location: { path: 'Dockerfile', lines: { begin: 2, end: 2 } },
      },
      {
        type: 'issue',
        description: "Unused docmind-docker-lint-disable directive (no problems were reported from 'keyword-case').",
        check_name: 'docmind-docker-lint',
        // No extent: the trimmed line it sits on stands for the text.
        fingerprint: sha(['', 'Dockerfile', 'RUN pip install "x<2" && echo ok'], 0),
        severity: 'minor',
        location: { path: 'Dockerfile', lines: { begin: 2, end: 2 } },
      },
      {
        type: 'issue',
        description: 'Compose file is not valid YAML: unexpected end of the stream.',
        check_name: 'docmind-docker-lint',
        fingerprint: sha(['', 'services/api/compose.yaml', 'image: ['], 0),
        severity: 'blocker',
        location: { path: 'services/api/compose.yaml', lines: { begin: 3, end: 3 } },
      },
    ]);
    expect(formatGitlab(sampleResults, sampleContext)).toMatch(/^\[\n {2}\{\n {4}"type": "issue",/u);
  });

  it('keeps fingerprints when lines are added above, and tells repeated problems apart by occurrence', () => {
    const before = issues([latestProblems('FROM a:latest\nFROM b:latest\nFROM a:latest\n')]);
    const after = issues([latestProblems('# a comment\n\nFROM a:latest\nFROM b:latest\nFROM a:latest\n')]);
    expect(after.map((issue) => issue.location.lines.begin)).toEqual([3, 4, 5]);
    expect(after.map((issue) => issue.fingerprint)).toEqual(before.map((issue) => issue.fingerprint));
    expect(new Set(before.map((issue) => issue.fingerprint)).size).toBe(3);
  });

  it('gives the same problem in another file another fingerprint', () => {
    const here = latestProblems('FROM a:latest\n');
    const there = { ...here, filePath: '/project/other/Dockerfile' };
    const [first, second] = issues([here, there]);
    expect(first!.fingerprint).not.toBe(second!.fingerprint);
  });

  it('writes an empty array for a clean run', () => {
    expect(formatGitlab([sampleResults[2]!], sampleContext)).toBe('[]\n');
  });
});
