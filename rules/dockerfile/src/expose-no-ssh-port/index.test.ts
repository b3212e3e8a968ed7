import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('expose-no-ssh-port', rule, {
  valid: ['FROM alpine:3.20\nEXPOSE 8080 2222\n', 'FROM alpine:3.20\nEXPOSE 22/udp\n', 'FROM alpine:3.20\nEXPOSE ${SSH_PORT}\n'],
  invalid: [
    {
      code: 'FROM alpine:3.20\nEXPOSE 8080 22\n',
      errors: [{ messageId: 'sshPort', data: { item: '22' }, line: 2, column: 13, endLine: 2, endColumn: 15 }],
      output: null,
    },
    {
      code: 'FROM alpine:3.20\nEXPOSE 22/tcp 20-25\n',
      errors: [
        { messageId: 'sshPort', data: { item: '22/tcp' }, line: 2, column: 8, endLine: 2, endColumn: 10 },
        { messageId: 'sshPort', data: { item: '20-25' }, line: 2, column: 15, endLine: 2, endColumn: 20 },
      ],
      output: null,
    },
  ],
});
