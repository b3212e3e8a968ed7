import { describe, expect, it } from 'vitest';
import type { LintMessage, LintResult } from '@docmind-docker-lint/core';
import { formatJson } from './json.js';

const filePath = '/project/Dockerfile';
const source = 'FROM python:latest\nRUN pip install x\n';

const RESULT_KEYS = [
  'errorCount',
  'fatalErrorCount',
  'filePath',
  'fixableErrorCount',
  'fixableWarningCount',
  'messages',
  'suppressedMessages',
  'warningCount',
];
const MESSAGE_KEYS = ['column', 'endColumn', 'endLine', 'line', 'message', 'ruleId', 'severity'];

function result(messages: LintMessage[], extra: Partial<LintResult> = {}): LintResult {
  return {
    filePath,
    messages,
    suppressedMessages: [],
    errorCount: messages.filter((m) => m.severity === 2).length,
    warningCount: messages.filter((m) => m.severity === 1).length,
    fatalErrorCount: 0,
    fixableErrorCount: messages.filter((m) => m.severity === 2 && m.fix).length,
    fixableWarningCount: 0,
    source,
    ...extra,
  };
}

const problem: LintMessage = {
  ruleId: 'no-latest-tag',
  severity: 2,
  message: 'Image uses the latest tag.',
  messageId: 'latest',
  line: 1,
  column: 12,
  endLine: 1,
  endColumn: 19,
  range: [11, 18],
  related: [{ filePath: '/project/pyproject.toml', line: 1, column: 1, endLine: 1, endColumn: 2, message: 'here' }],
};

function parse(results: LintResult[]): Record<string, unknown>[] {
  return JSON.parse(formatJson(results, { cwd: '/project', rulesMeta: {}, color: false })) as Record<string, unknown>[];
}

describe('json formatter', () => {
  it("writes ESLint's fields and nothing internal", () => {
    const [json] = parse([result([{ ...problem, internal: true, fatal: true }], { bom: true })]);
    expect(Object.keys(json!).sort()).toEqual([...RESULT_KEYS, 'source'].sort());
    const [message] = json!.messages as Record<string, unknown>[];
    expect(Object.keys(message!).sort()).toEqual([...MESSAGE_KEYS, 'fatal', 'messageId'].sort());
    expect(json).toEqual({
      filePath,
      messages: [
        {
          ruleId: 'no-latest-tag',
          severity: 2,
          message: 'Image uses the latest tag.',
          messageId: 'latest',
          fatal: true,
          line: 1,
          column: 12,
          endLine: 1,
          endColumn: 19,
        },
      ],
      suppressedMessages: [],
      errorCount: 1,
      warningCount: 0,
      fatalErrorCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      source,
    });
  });

  it('merges the edits of a fix into one range of the file', () => {
    const fix = {
      edits: [
        { file: filePath, range: [23, 26] as const, text: 'python -m pip' },
        { file: filePath, range: [11, 18] as const, text: ':3.12' },
      ],
    };
    const [json] = parse([result([{ ...problem, fix }])]);
    const [message] = json!.messages as Record<string, unknown>[];
    expect(message!.fix).toEqual({ range: [11, 26], text: ':3.12\nRUN python -m pip' });
  });

  it('leaves out fixes and suggestions that edit or create another file', () => {
    const elsewhere = { edits: [{ file: '/project/.dockerignore', range: [0, 0] as const, text: '.env\n', create: true }] };
    const here = { edits: [{ file: filePath, range: [11, 18] as const, text: ':3.12' }] };
    const [json] = parse([
      result([
        {
          ...problem,
          fix: elsewhere,
          suggestions: [
            { desc: 'Ignore .env', messageId: 'ignore', fix: elsewhere },
            { desc: 'Pin 3.12', fix: here },
          ],
        },
      ]),
    ]);
    const [message] = json!.messages as Record<string, unknown>[];
    expect(message).not.toHaveProperty('fix');
    expect(message!.suggestions).toEqual([{ desc: 'Pin 3.12', fix: { range: [11, 18], text: ':3.12' } }]);
  });

  it('gives the fixed output instead of the source, and neither for a clean file', () => {
    const output = 'FROM python:3.12\nRUN pip install x\n';
    const [fixed, clean] = parse([result([], { output }), result([], { filePath: '/project/b/Dockerfile' })]);
    expect(fixed).toMatchObject({ output });
    expect(fixed).not.toHaveProperty('source');
    expect(Object.keys(clean!).sort()).toEqual(RESULT_KEYS);
  });

  it("adds the wrapped tool's code (SC2086) when the problem has one", () => {
    const finding: LintMessage = { ...problem, ruleId: 'shellcheck', messageId: 'finding', code: 'SC2086', related: [] };
    const [json] = parse([result([finding, problem])]);
    const [withCode, without] = json!.messages as Record<string, unknown>[];
    expect(withCode).toMatchObject({ ruleId: 'shellcheck', code: 'SC2086' });
    expect(Object.keys(withCode!).sort()).toEqual([...MESSAGE_KEYS, 'code', 'messageId'].sort());
    expect(without).not.toHaveProperty('code');
  });

  it('maps suppressed messages like messages', () => {
    const [json] = parse([result([], { suppressedMessages: [problem] })]);
    expect(json!.suppressedMessages).toEqual([
      { ruleId: 'no-latest-tag', severity: 2, message: 'Image uses the latest tag.', messageId: 'latest', line: 1, column: 12, endLine: 1, endColumn: 19 },
    ]);
  });
});
