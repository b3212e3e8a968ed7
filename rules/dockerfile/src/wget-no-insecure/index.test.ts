import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('wget-no-insecure', rule, {
  valid: ['FROM debian:12\nRUN wget -q https://example.com/a\n', 'FROM debian:12\nRUN curl --no-check-certificate\n'],
  invalid: [
    {
      code: 'FROM debian:12\nRUN wget -q --no-check-certificate https://example.com/a\n',
      errors: [
        {
          messageId: 'noCheckCertificate',
          line: 2,
          column: 13,
          endLine: 2,
          endColumn: 35,
          suggestions: [{ messageId: 'removeOption', output: 'FROM debian:12\nRUN wget -q https://example.com/a\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'on a continued line inside sh -c',
      code: "FROM debian:12\nRUN sh -c 'wget \\\n  --no-check-certificate https://example.com/a'\n",
      errors: [
        {
          messageId: 'noCheckCertificate',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 25,
          suggestions: [{ messageId: 'removeOption', output: "FROM debian:12\nRUN sh -c 'wget \\\n https://example.com/a'\n" }],
        },
      ],
      output: null,
    },
  ],
});
