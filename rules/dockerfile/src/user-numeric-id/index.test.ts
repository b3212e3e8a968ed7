import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('user-numeric-id', rule, {
  valid: [
    'FROM alpine:3.20\nUSER 10001\n',
    'FROM alpine:3.20\nUSER 10001:10001\n',
    { name: 'a variable is not known here', code: 'ARG APP_UID=10001\nFROM alpine:3.20\nARG APP_UID\nUSER ${APP_UID}:${APP_GID}\n' },
    { name: 'only the USER the container runs as counts', code: 'FROM alpine:3.20 AS build\nUSER builder\nFROM alpine:3.20\nUSER builder\nRUN make\nUSER 10001\n' },
    { name: 'Windows images name their users', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n' },
    'FROM alpine:3.20\nRUN id\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nUSER app\n',
      errors: [{ messageId: 'nonNumericUser', data: { user: 'app', ids: 'UID' }, line: 2, column: 6, endLine: 2, endColumn: 9 }],
      output: null,
    },
    {
      name: 'a named group',
      code: 'FROM alpine:3.20\nUSER 10001:app\n',
      errors: [{ messageId: 'nonNumericUser', data: { user: 'app', ids: 'GID' }, line: 2, column: 12, endLine: 2, endColumn: 15 }],
      output: null,
    },
    {
      name: 'both named, quoted, inherited from the stage the final one is built on',
      code: 'FROM alpine:3.20 AS base\nUSER "app:app"\nFROM base\nRUN id\n',
      errors: [{ messageId: 'nonNumericUser', data: { user: 'app:app', ids: 'UID and GID' }, line: 2, column: 7, endLine: 2, endColumn: 14 }],
      output: null,
    },
  ],
});
