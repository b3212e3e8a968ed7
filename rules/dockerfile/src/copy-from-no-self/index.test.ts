import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('copy-from-no-self', rule, {
  valid: [
    'FROM golang:1.23 AS build\nRUN make\nFROM alpine:3.20 AS run\nCOPY --from=build /out /app\n',
    'FROM alpine:3.20 AS app\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n',
    'COPY --from=app /a /b\n',
  ],
  invalid: [
    {
      code: 'FROM node:22 AS app\nCOPY --from=app /a /b\n',
      errors: [{ messageId: 'ownStage', data: { value: 'app' }, line: 2, column: 13, endLine: 2, endColumn: 16 }],
      output: null,
    },
    {
      name: 'by index, and without case',
      code: 'FROM node:22 AS app\nFROM alpine:3.20 AS run\nCOPY --from=1 /a /b\nCOPY --from=RUN /c /d\n',
      errors: [
        { messageId: 'ownStage', data: { value: '1' }, line: 3, column: 13, endLine: 3, endColumn: 14 },
        { messageId: 'ownStage', data: { value: 'RUN' }, line: 4, column: 13, endLine: 4, endColumn: 16 },
      ],
      output: null,
    },
  ],
});
