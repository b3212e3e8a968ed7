import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('no-cd', rule, {
  valid: [
    'FROM alpine:3.20\nWORKDIR /opt\nRUN make\n',
    'FROM alpine:3.20\nRUN echo cd /opt\n',
    { name: 'a subshell keeps its cd', code: 'FROM alpine:3.20\nRUN (cd /src && make) && make -C /other\n' },
    { name: 'a command substitution keeps its cd', code: 'FROM alpine:3.20\nRUN ln -s "$(cd /opt && pwd)/bin" /usr/local/app\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nRUN cd /opt\n',
      errors: [{ messageId: 'cd', data: { target: '/opt' }, line: 2, column: 5, endLine: 2, endColumn: 7 }],
      output: null,
    },
    {
      name: 'in a chain on a continued line, and inside sh -c',
      code: 'FROM alpine:3.20\nRUN git clone https://example.com/app.git \\\n && cd app && make\nRUN sh -c "cd /tmp && ls"\n',
      errors: [
        { messageId: 'cd', data: { target: 'app' }, line: 3, column: 5, endLine: 3, endColumn: 7 },
        { messageId: 'cd', data: { target: '/tmp' }, line: 4, column: 12, endLine: 4, endColumn: 14 },
      ],
      output: null,
    },
    {
      name: 'in subshells too when allowInSubshell is off (as hadolint)',
      code: 'FROM alpine:3.20\nRUN (cd /src && make)\n',
      options: [{ allowInSubshell: false }],
      errors: [{ messageId: 'cd', data: { target: '/src' }, line: 2, column: 6, endLine: 2, endColumn: 8 }],
      output: null,
    },
    {
      name: 'ONBUILD RUN',
      code: 'FROM alpine:3.20\nONBUILD RUN cd /src\n',
      errors: [{ messageId: 'cd', data: { target: '/src' }, line: 2, column: 13, endLine: 2, endColumn: 15 }],
      output: null,
    },
  ],
});
