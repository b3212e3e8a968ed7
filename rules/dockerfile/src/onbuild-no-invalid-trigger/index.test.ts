import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('onbuild-no-invalid-trigger', rule, {
  valid: ['FROM alpine:3.20\nONBUILD RUN make\nONBUILD COPY . /src\n', 'FROM alpine:3.20\nMAINTAINER jane\n'],
  invalid: [
    {
      code: 'FROM alpine:3.20\nONBUILD ONBUILD RUN make\n',
      errors: [{ messageId: 'invalidTrigger', data: { trigger: 'ONBUILD' }, line: 2, column: 9, endLine: 2, endColumn: 16 }],
      output: null,
    },
    {
      code: 'FROM alpine:3.20\nONBUILD from debian:12\nONBUILD MAINTAINER jane\n',
      errors: [
        { messageId: 'invalidTrigger', data: { trigger: 'FROM' }, line: 2, column: 9, endLine: 2, endColumn: 13 },
        { messageId: 'invalidTrigger', data: { trigger: 'MAINTAINER' }, line: 3, column: 9, endLine: 3, endColumn: 19 },
      ],
      output: null,
    },
  ],
});
