import { describe, expect, it } from 'vitest';
import type { LintMessage, LintResult } from '@docmind-docker-lint/core';
import { formatStylish } from './stylish.js';

const cwd = '/project';

function message(overrides: Partial<LintMessage> & Pick<LintMessage, 'line' | 'column' | 'severity' | 'message'>): LintMessage {
  return { ruleId: 'some-rule', endLine: overrides.line, endColumn: overrides.column + 1, range: [0, 1], ...overrides };
}

function result(filePath: string, messages: LintMessage[]): LintResult {
  const errors = messages.filter((m) => m.severity === 2);
  const warnings = messages.filter((m) => m.severity === 1);
  return {
    filePath,
    messages,
    suppressedMessages: [],
    errorCount: errors.length,
    warningCount: warnings.length,
    fatalErrorCount: messages.filter((m) => m.fatal).length,
    fixableErrorCount: errors.filter((m) => m.fix).length,
    fixableWarningCount: warnings.filter((m) => m.fix).length,
  };
}

const fix = { edits: [{ file: '/project/Dockerfile', range: [0, 1] as const, text: 'x' }] };

describe('stylish formatter', () => {
  it('prints nothing for a clean run', () => {
    expect(formatStylish([result('/project/Dockerfile', [])], { cwd, rulesMeta: {}, color: false })).toBe('');
  });

  it('groups problems by relative path, aligns the columns and sums up', () => {
    const output = formatStylish(
      [
        result('/project/Dockerfile', [
          message({ line: 1, column: 6, severity: 2, message: 'Image "python:latest" uses the latest tag.', ruleId: 'no-latest-tag', fix }),
          message({ line: 12, column: 10, severity: 1, message: 'The image runs as root', ruleId: 'require-user' }),
        ]),
        result('/project/clean/Dockerfile', []),
        result('/project/services/compose.yaml', [
          message({ line: 3, column: 5, severity: 2, message: 'Unexpected token', ruleId: null, fatal: true }),
        ]),
      ],
      { cwd, rulesMeta: {}, color: false },
    );
    expect(output).toBe(
      [
        '',
        'Dockerfile',
        '   1:6   error    Image "python:latest" uses the latest tag  no-latest-tag',
        '  12:10  warning  The image runs as root                     require-user',
        '',
        'services/compose.yaml',
        '  3:5  error  Unexpected token',
        '',
        '\u2716 3 problems (2 errors, 1 warning)',
        '  1 error and 0 warnings potentially fixable with the `--fix` option.',
        '',
      ].join('\n'),
    );
  });

  it('uses the singular for one problem and leaves out the fixable line when nothing is fixable', () => {
    const output = formatStylish(
      [result('/project/Dockerfile', [message({ line: 2, column: 1, severity: 1, message: 'Warned', ruleId: 'r' })])],
      { cwd, rulesMeta: {}, color: false },
    );
    expect(output).toBe('\nDockerfile\n  2:1  warning  Warned  r\n\n\u2716 1 problem (0 errors, 1 warning)\n');
  });

  it('keeps the absolute path of a file outside the working folder', () => {
    const output = formatStylish(
      [result('/elsewhere/Dockerfile', [message({ line: 1, column: 1, severity: 2, message: 'Bad', ruleId: 'r' })])],
      { cwd, rulesMeta: {}, color: false },
    );
    expect(output.split('\n')[1]).toBe('/elsewhere/Dockerfile');
  });

  it('colours the path, severities, positions and summary when asked', () => {
    const output = formatStylish(
      [result('/project/Dockerfile', [message({ line: 1, column: 1, severity: 2, message: 'Bad', ruleId: 'r' })])],
      { cwd, rulesMeta: {}, color: true },
    );
    expect(output).toContain('\u001b[4mDockerfile\u001b[24m');
    expect(output).toContain('\u001b[31merror\u001b[39m');
    expect(output).toContain('\u001b[2m1:1\u001b[22m');
    expect(output).toContain('\u001b[31m\u001b[1m\u2716 1 problem (1 error, 0 warnings)');
  });
});
