import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('curl-no-insecure', rule, {
  valid: [
    'FROM debian:12\nRUN curl -fsSL https://example.com/a -o a\n',
    'FROM debian:12\nRUN wget -k https://example.com/a\n',
    'FROM debian:12\nRUN curl -fsSL https://example.com/a -- -k\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN curl -k https://example.com/a -o a\n',
      errors: [
        {
          messageId: 'insecure',
          data: { option: '-k' },
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 12,
          suggestions: [{ messageId: 'removeInsecure', output: 'FROM debian:12\nRUN curl https://example.com/a -o a\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'grouped flags and the long form',
      code: 'FROM debian:12\nRUN curl -fsSLk https://example.com/a | sh && curl --insecure -O https://example.com/b\n',
      errors: [
        {
          messageId: 'insecure',
          data: { option: '-fsSLk' },
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 16,
          suggestions: [{ messageId: 'removeInsecure', output: 'FROM debian:12\nRUN curl -fsSL https://example.com/a | sh && curl --insecure -O https://example.com/b\n' }],
        },
        {
          messageId: 'insecure',
          data: { option: '--insecure' },
          line: 2,
          column: 52,
          endLine: 2,
          endColumn: 62,
          suggestions: [{ messageId: 'removeInsecure', output: 'FROM debian:12\nRUN curl -fsSLk https://example.com/a | sh && curl -O https://example.com/b\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'exec form',
      code: 'FROM debian:12\nRUN ["curl", "-k", "-O", "https://example.com/a"]\n',
      errors: [
        {
          messageId: 'insecure',
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 18,
          suggestions: [{ messageId: 'removeInsecure', output: 'FROM debian:12\nRUN ["curl", "-O", "https://example.com/a"]\n' }],
        },
      ],
      output: null,
    },
  ],
});
