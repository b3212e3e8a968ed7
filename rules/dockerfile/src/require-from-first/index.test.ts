import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('require-from-first', rule, {
  valid: [
    'FROM alpine:3.20\nLABEL a=b\n',
    '# syntax=docker/dockerfile:1\nARG VERSION=3.20\nFROM alpine:${VERSION}\n',
    '# a comment\nFROM alpine:3.20\n',
    '',
  ],
  invalid: [
    {
      code: 'LABEL a=b\nFROM alpine:3.20\n',
      errors: [{ messageId: 'beforeFrom', data: { keyword: 'LABEL' }, line: 1, column: 1, endLine: 1, endColumn: 6 }],
      output: null,
    },
    {
      name: 'after global ARGs; only the first is reported',
      code: 'ARG VERSION=3.20\nRUN echo hi\nENV A=1\nFROM alpine:${VERSION}\n',
      errors: [{ messageId: 'beforeFrom', data: { keyword: 'RUN' }, line: 2, column: 1, endLine: 2, endColumn: 4 }],
      output: null,
    },
  ],
});
