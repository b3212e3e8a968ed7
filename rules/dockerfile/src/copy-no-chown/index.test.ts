import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('copy-no-chown', rule, {
  valid: ['FROM python:3.12\nCOPY app /app\n', 'FROM python:3.12\nCOPY --chmod=0555 app /app\n'],
  invalid: [
    {
      code: 'FROM python:3.12\nCOPY --chown=app:app app /app\n',
      errors: [{ messageId: 'chown', data: { owner: 'app:app' }, line: 2, column: 6, endLine: 2, endColumn: 21 }],
      output: null,
    },
    {
      name: 'ADD and ONBUILD COPY',
      code: 'FROM python:3.12\nADD --chown=1000 app.tar /app/\nONBUILD COPY --chown=1000 . /src/\n',
      errors: [
        { messageId: 'chown', data: { owner: '1000' }, line: 2, column: 5, endLine: 2, endColumn: 17 },
        { messageId: 'chown', data: { owner: '1000' }, line: 3, column: 14, endLine: 3, endColumn: 26 },
      ],
      output: null,
    },
  ],
});
