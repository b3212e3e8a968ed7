import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('expose-port-range', rule, {
  valid: [
    'FROM alpine:3.20\nEXPOSE 0 80 65535/udp 40000-60000/tcp\n',
    'FROM alpine:3.20\nEXPOSE ${PORT} 40000-${LAST_PORT}\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nEXPOSE 80 80000\n',
      errors: [{ messageId: 'outOfRange', data: { port: '80000' }, line: 2, column: 11, endLine: 2, endColumn: 16 }],
      output: null,
    },
    {
      code: 'FROM alpine:3.20\nEXPOSE 40000-80000/tcp\n',
      errors: [{ messageId: 'outOfRange', data: { port: '40000-80000' }, line: 2, column: 8, endLine: 2, endColumn: 19 }],
      output: null,
    },
    {
      code: 'FROM alpine:3.20\nEXPOSE 9000-8000\n',
      errors: [{ messageId: 'reversedRange', line: 2, column: 8, endLine: 2, endColumn: 17 }],
      output: null,
    },
  ],
});
