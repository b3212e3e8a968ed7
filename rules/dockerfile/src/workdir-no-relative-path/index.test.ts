import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('workdir-no-relative-path', rule, {
  valid: [
    'FROM alpine:3.20\nWORKDIR /app\n',
    'FROM alpine:3.20\nWORKDIR "/usr/local"\n',
    { name: 'a variable: its value is not known here', code: 'FROM alpine:3.20\nWORKDIR ${APP_HOME}\n' },
    { name: 'Windows drives', code: "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR 'C:\\app'\nWORKDIR c:/tools\n" },
    { name: 'relative to an earlier WORKDIR of the stage', code: 'FROM alpine:3.20\nWORKDIR /app\nWORKDIR src\n' },
    { name: 'relative to the WORKDIR of the stage it is built on', code: 'FROM alpine:3.20 AS base\nWORKDIR /app\nFROM base AS test\nWORKDIR tests/\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nWORKDIR app/\n',
      errors: [{ messageId: 'relativeWorkdir', data: { path: 'app/' }, line: 2, column: 9, endLine: 2, endColumn: 13 }],
      output: null,
    },
    {
      name: 'quoted',
      code: 'FROM alpine:3.20\nWORKDIR "relative/dir"\n',
      errors: [{ messageId: 'relativeWorkdir', data: { path: '"relative/dir"' }, line: 2, column: 9, endLine: 2, endColumn: 23 }],
      output: null,
    },
    {
      name: 'only the first relative WORKDIR of a stage, in every stage not built on another',
      code: 'FROM alpine:3.20 AS base\nWORKDIR /app\nFROM alpine:3.20\nWORKDIR srv\nWORKDIR www\n',
      errors: [{ messageId: 'relativeWorkdir', data: { path: 'srv' }, line: 4, column: 9, endLine: 4, endColumn: 12 }],
      output: null,
    },
  ],
});
