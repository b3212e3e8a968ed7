import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('no-ignore-pragma', rule, {
  valid: [
    'FROM alpine:3.20\n# hadolint shell=powershell\nRUN echo hi\n',
    'FROM alpine:3.20\n# an ordinary comment about hadolint\nRUN echo hi\n',
    '# syntax=docker/dockerfile:1\n# check=error=true\nFROM alpine:3.20\n',
    { code: 'FROM alpine:3.20\n# hadolint ignore=DL3018\nRUN apk add curl\n', options: [{ kinds: ['buildkit'] }] },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\n# hadolint ignore=DL3018\nRUN apk add curl\n',
      errors: [{ messageId: 'ignorePragma', line: 2, column: 1, endLine: 2, endColumn: 25 }],
      output: null,
    },
    {
      name: 'every kind',
      code: [
        '# check=skip=JSONArgsRecommended',
        '# hadolint global ignore=DL3006',
        'FROM alpine:3.20',
        '# docmind-docker-lint-disable-next-line no-maintainer -- legacy image',
        'MAINTAINER jane',
        '',
      ].join('\n'),
      errors: [
        { messageId: 'ignorePragma', line: 1, column: 1, endLine: 1, endColumn: 33 },
        { messageId: 'ignorePragma', line: 2, column: 1, endLine: 2, endColumn: 32 },
        { messageId: 'ignorePragma', line: 4, column: 1, endLine: 4, endColumn: 70 },
      ],
      output: null,
    },
  ],
});
