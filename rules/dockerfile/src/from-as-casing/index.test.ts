import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('from-as-casing', rule, {
  valid: [
    'FROM alpine:3.20 AS build\n',
    'from alpine:3.20 as build\n',
    'FROM alpine:3.20\n',
    // A mixed-case FROM has no case to match (instruction-casing reports it).
    'From alpine:3.20 as build\n',
    'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20 as build\n',
      errors: [{ messageId: 'asCasing', data: { as: 'as', expected: 'AS', from: 'FROM' }, line: 1, column: 18, endLine: 1, endColumn: 20 }],
      output: 'FROM alpine:3.20 AS build\n',
    },
    {
      code: 'from alpine:3.20 AS build\n',
      errors: [{ messageId: 'asCasing', data: { as: 'AS', expected: 'as', from: 'from' }, line: 1, column: 18, endLine: 1, endColumn: 20 }],
      output: 'from alpine:3.20 as build\n',
    },
    {
      name: 'after a --platform flag',
      code: 'FROM --platform=$BUILDPLATFORM golang:1.23 As build\n',
      errors: [{ messageId: 'asCasing', line: 1, column: 44, endLine: 1, endColumn: 46 }],
      output: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n',
    },
  ],
});
