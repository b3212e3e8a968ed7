import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const filename = 'compose.yaml';

new RuleTester().run('ports-require-host-ip', rule, {
  valid: [
    { filename, code: 'services:\n  a:\n    image: x:1\n    ports: ["127.0.0.1:8080:80", "[::1]:8443:443", "80"]\n' },
    { name: 'a host address from a variable counts as bound', filename, code: 'services:\n  a:\n    image: x:1\n    ports: ["${HOST_IP}:${PORT:-3000}:3000", "$HOST:$SMTP:1025"]\n' },
    { name: 'the long syntax with host_ip', filename, code: 'services:\n  a:\n    image: x:1\n    ports:\n      - target: 80\n        published: 8080\n        host_ip: 127.0.0.1\n' },
  ],
  invalid: [
    {
      filename,
      code: 'services:\n  web:\n    image: x:1\n    ports:\n      - 8080:80 # public\n      - "5432:5432"\n      - target: 443\n        published: 8443\n',
      errors: [
        {
          messageId: 'unboundPort',
          data: { service: 'web', port: 8080 },
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 16,
          suggestions: [{ messageId: 'bindToLoopback', output: 'services:\n  web:\n    image: x:1\n    ports:\n      - 127.0.0.1:8080:80 # public\n      - "5432:5432"\n      - target: 443\n        published: 8443\n' }],
        },
        {
          messageId: 'unboundPort',
          data: { service: 'web', port: 5432 },
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 20,
          suggestions: [{ messageId: 'bindToLoopback', output: 'services:\n  web:\n    image: x:1\n    ports:\n      - 8080:80 # public\n      - "127.0.0.1:5432:5432"\n      - target: 443\n        published: 8443\n' }],
        },
        { messageId: 'unboundPort', data: { service: 'web', port: 8443 }, line: 8, column: 20, endLine: 8, endColumn: 24, suggestions: [] },
      ],
      output: null,
    },
  ],
});
