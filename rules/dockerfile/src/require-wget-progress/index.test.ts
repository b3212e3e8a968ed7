import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('require-wget-progress', rule, {
  valid: [
    'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/a\n',
    'FROM debian:12\nRUN wget -qO- https://example.com/a | tar xz\n',
    'FROM debian:12\nRUN wget -nv https://example.com/a && wget --no-verbose https://example.com/b\n',
    'FROM debian:12\nRUN wget -o /tmp/log https://example.com/a && wget --append-output=/tmp/log https://example.com/b\n',
    'FROM debian:12\nRUN curl -fsSLO https://example.com/a\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN wget https://example.com/a\n',
      errors: [{ messageId: 'noProgress', line: 2, column: 5, endLine: 2, endColumn: 9 }],
      output: 'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/a\n',
    },
    {
      name: 'in a chain, with -O, in a sh -c string and in exec form',
      code: "FROM debian:12\nRUN cd /tmp && wget -O a.tgz https://example.com/a\nRUN sh -c 'wget https://example.com/b'\nRUN [\"wget\", \"https://example.com/c\"]\n",
      errors: [
        { messageId: 'noProgress', line: 2, column: 16, endLine: 2, endColumn: 20 },
        { messageId: 'noProgress', line: 3, column: 12, endLine: 3, endColumn: 16 },
        { messageId: 'noProgress', line: 4, column: 6, endLine: 4, endColumn: 12 },
      ],
      output:
        "FROM debian:12\nRUN cd /tmp && wget --progress=dot:giga -O a.tgz https://example.com/a\nRUN sh -c 'wget --progress=dot:giga https://example.com/b'\nRUN [\"wget\", \"--progress=dot:giga\", \"https://example.com/c\"]\n",
    },
  ],
});
