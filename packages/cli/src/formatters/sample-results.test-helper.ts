import type { AnyRule, LintMessage, LintResult } from '@docmind-docker-lint/core';
import type { FormatterContext } from './formatter.js';

/**
 * A fixed set of results every formatter test reads: a Dockerfile with an error (with a fix), a
 * warning (with a suggestion and a fix in another file, markup and line breaks in its message), an
 * unused directive (no rule) and a silenced problem; a Compose file that does not parse; a clean file.
 */
export const cwd = '/project';

export const dockerfileSource = 'FROM python:latest\nRUN pip install "x<2" && echo ok\n';

const latest: LintMessage = {
  ruleId: 'no-latest-tag',
  severity: 2,
  message: 'Image "python:latest" uses the latest tag.',
  messageId: 'latest',
  line: 1,
  column: 12,
  endLine: 1,
  endColumn: 19,
  range: [11, 18],
  fix: { edits: [{ file: '/project/Dockerfile', range: [11, 18], text: ':1' }] },
};

const root: LintMessage = {
  ruleId: 'require-user',
  severity: 1,
  message: 'Runs as root: add "USER app" & <don\'t> skip it, 100%,\nreally.',
  messageId: 'root',
  line: 2,
  column: 1,
  endLine: 2,
  endColumn: 33,
  range: [19, 51],
  suggestions: [
    {
      desc: 'Add "USER app".',
      messageId: 'addUser',
      fix: {
        edits: [
          { file: '/project/Dockerfile', range: [51, 51], text: '\nUSER app' },
          { file: '/project/.dockerignore', range: [0, 0], text: '.env\n', create: true },
        ],
      },
    },
  ],
  related: [{ filePath: '/project/pyproject.toml', line: 3, column: 1, endLine: 3, endColumn: 20, message: 'The project is here.' }],
};

const unusedDirective: LintMessage = {
  ruleId: null,
  severity: 1,
  message: "Unused docmind-docker-lint-disable directive (no problems were reported from 'keyword-case').",
  line: 2,
  column: 1,
  endLine: 2,
  endColumn: 1,
  range: [19, 19],
};

const silenced: LintMessage = { ...latest, line: 1, column: 1, endColumn: 5, range: [0, 4], ruleId: 'keyword-case', severity: 1, message: 'Silenced.' };

const parseError: LintMessage = {
  ruleId: null,
  severity: 2,
  fatal: true,
  message: 'Compose file is not valid YAML: unexpected end of the stream.',
  line: 3,
  column: 5,
  endLine: 3,
  endColumn: 5,
  range: [20, 20],
};

function result(filePath: string, messages: LintMessage[], extra: Partial<LintResult> = {}): LintResult {
  const errors = messages.filter((message) => message.severity === 2);
  const warnings = messages.filter((message) => message.severity === 1);
  return {
    filePath,
    messages,
    suppressedMessages: [],
    errorCount: errors.length,
    warningCount: warnings.length,
    fatalErrorCount: messages.filter((message) => message.fatal).length,
    fixableErrorCount: errors.filter((message) => message.fix).length,
    fixableWarningCount: warnings.filter((message) => message.fix).length,
    ...extra,
  };
}

export const sampleResults: LintResult[] = [
  result('/project/Dockerfile', [latest, root, unusedDirective], { source: dockerfileSource, suppressedMessages: [silenced] }),
  result('/project/services/api/compose.yaml', [parseError], { source: 'services:\n  api:\n    image: [\n' }),
  result('/project/clean/Dockerfile', [], { source: 'FROM python:3.12\n' }),
];

const meta = (type: 'problem' | 'suggestion' | 'layout', description: string, extra: object = {}): AnyRule['meta'] => ({
  type,
  docs: { description, url: `https://example.test/rules/${description.length}`, ...extra },
  messages: {},
  schema: [],
  defaultOptions: [],
});

export const sampleContext: FormatterContext = {
  cwd,
  color: false,
  rulesMeta: {
    'no-latest-tag': { ...meta('problem', 'Pin images to a tag other than latest.', { recommended: true }), fixable: 'code' },
    'require-user': { ...meta('suggestion', 'Images should not run as root.'), hasSuggestions: true },
    'keyword-case': meta('layout', 'Write instruction keywords in upper case.'),
  },
};
