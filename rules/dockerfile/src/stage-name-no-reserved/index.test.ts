import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('stage-name-no-reserved', rule, {
  valid: ['FROM scratch\n', 'FROM alpine:3.20 AS scratchpad\n', 'FROM alpine:3.20 AS build-context\n'],
  invalid: [
    {
      code: 'FROM alpine:3.20 AS scratch\nFROM alpine:3.20 AS Context\n',
      errors: [
        { messageId: 'reservedName', data: { name: 'scratch', meaning: '`FROM scratch` is the empty image' }, line: 1, column: 21, endLine: 1, endColumn: 28 },
        { messageId: 'reservedName', data: { name: 'Context', meaning: '`context` names the build context' }, line: 2, column: 21, endLine: 2, endColumn: 28 },
      ],
      output: null,
    },
  ],
});
