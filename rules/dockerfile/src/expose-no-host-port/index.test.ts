import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('expose-no-host-port', rule, {
  valid: ['FROM alpine:3.20\nEXPOSE 80 8000-8010/tcp ${PORT}\n'],
  invalid: [
    {
      code: 'FROM alpine:3.20\nEXPOSE 127.0.0.1:80:80 [::1]:8080:8080/udp 5000:5000 8000\n',
      errors: [
        { messageId: 'hostPart', data: { item: '127.0.0.1:80:80', hostPart: '127.0.0.1:80:' }, line: 2, column: 8, endLine: 2, endColumn: 23 },
        { messageId: 'hostPart', data: { item: '[::1]:8080:8080/udp', hostPart: '[::1]:8080:' }, line: 2, column: 24, endLine: 2, endColumn: 43 },
        { messageId: 'hostPart', data: { item: '5000:5000', hostPart: '5000:' }, line: 2, column: 44, endLine: 2, endColumn: 53 },
      ],
      output: 'FROM alpine:3.20\nEXPOSE 80 8080/udp 5000 8000\n',
    },
    {
      name: 'with a variable the split is a guess: no fix',
      code: 'FROM alpine:3.20\nEXPOSE ${HOST_PORT}:80\n',
      errors: [{ messageId: 'hostPart', line: 2, column: 8, endLine: 2, endColumn: 23 }],
      output: null,
    },
  ],
});
