import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('expose-protocol-casing', rule, {
  valid: ['FROM alpine:3.20\nEXPOSE 80 443/tcp 53/udp\n', 'FROM alpine:3.20\nEXPOSE ${PORT}/tcp\n'],
  invalid: [
    {
      code: 'FROM alpine:3.20\nEXPOSE 80/TcP 8080/TCP 8081/udp\n',
      errors: [
        { messageId: 'protocolCasing', data: { item: '80/TcP', expected: 'tcp' }, line: 2, column: 11, endLine: 2, endColumn: 14 },
        { messageId: 'protocolCasing', data: { item: '8080/TCP', expected: 'tcp' }, line: 2, column: 20, endLine: 2, endColumn: 23 },
      ],
      output: 'FROM alpine:3.20\nEXPOSE 80/tcp 8080/tcp 8081/udp\n',
    },
  ],
});
