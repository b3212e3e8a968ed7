import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('no-curl-and-wget', rule, {
  valid: [
    'FROM debian:12\nRUN wget -q https://example.com/a\nRUN wget -q https://example.com/b\n',
    'FROM debian:12 AS fetch\nRUN wget -q https://example.com/a\nFROM debian:12\nRUN curl -fsSO https://example.com/b\n',
    'FROM debian:12\nRUN apt-get install -y curl wget\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN wget -q https://example.com/a\nRUN curl -fsSO https://example.com/b\nRUN echo done\nRUN wget -q https://example.com/c\n',
      errors: [
        { messageId: 'bothTools', data: { other: 'wget' }, line: 3, column: 5, endLine: 3, endColumn: 9 },
        { messageId: 'bothTools', data: { other: 'curl' }, line: 5, column: 5, endLine: 5, endColumn: 9 },
      ],
      output: null,
    },
    {
      name: 'both in one RUN',
      code: 'FROM debian:12\nRUN wget -q https://example.com/a && curl -fsSO https://example.com/b\n',
      errors: [{ messageId: 'bothTools', data: { other: 'wget' }, line: 2, column: 38, endLine: 2, endColumn: 42 }],
      output: null,
    },
  ],
});
