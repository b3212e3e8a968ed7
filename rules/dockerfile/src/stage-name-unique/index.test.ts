import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('stage-name-unique', rule, {
  valid: ['FROM golang:1.23 AS build\nFROM alpine:3.20 AS run\n', 'FROM alpine:3.20\nFROM alpine:3.20\n'],
  invalid: [
    {
      code: 'FROM debian:12 AS builder\nRUN make\nFROM golang:1.23 AS builder\n',
      errors: [{ messageId: 'duplicateName', data: { name: 'builder', line: 1 }, line: 3, column: 21, endLine: 3, endColumn: 28 }],
      output: null,
    },
    {
      name: 'names are compared without case',
      code: 'FROM debian:12 AS build\nFROM golang:1.23 AS Build\nFROM alpine:3.20 AS BUILD\n',
      errors: [
        { messageId: 'duplicateName', data: { name: 'Build', line: 1 }, line: 2, column: 21, endLine: 2, endColumn: 26 },
        { messageId: 'duplicateName', data: { name: 'BUILD', line: 1 }, line: 3, column: 21, endLine: 3, endColumn: 26 },
      ],
      output: null,
    },
  ],
});
