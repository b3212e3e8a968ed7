import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const filename = 'compose.yaml';

new RuleTester().run('ports-unique', rule, {
  valid: [
    { filename, code: 'services:\n  a:\n    image: x:1\n    ports: ["8080:80", "8081:80"]\n  b:\n    image: x:1\n    ports: ["9000:9000"]\n' },
    { name: 'tcp and udp on the same port', filename, code: 'services:\n  dns:\n    image: x:1\n    ports: ["53:53/tcp", "53:53/udp"]\n' },
    { name: 'the same port on an IPv4 and an IPv6 address', filename, code: 'services:\n  a:\n    image: x:1\n    ports: ["0.0.0.0:80:80", "[::]:80:80"]\n' },
    { name: 'the same port on two specific addresses', filename, code: 'services:\n  a:\n    image: x:1\n    ports: ["127.0.0.1:80:80"]\n  b:\n    image: x:1\n    ports: ["10.0.0.2:80:80"]\n' },
    { name: 'container ports only', filename, code: 'services:\n  a:\n    image: x:1\n    ports: ["80", 80]\n' },
    { name: 'ports from variables that are not known', filename, code: 'services:\n  a:\n    image: x:1\n    ports: ["${PORT}:80"]\n  b:\n    image: x:1\n    ports: ["${PORT}:80"]\n' },
    { name: 'alternatives in disjoint profiles', filename, code: 'services:\n  a:\n    image: x:1\n    profiles: [dev]\n    ports: ["80:80"]\n  b:\n    image: x:1\n    profiles: [prod]\n    ports: ["80:80"]\n' },
  ],
  invalid: [
    {
      name: 'the same port twice in one service and across services',
      filename,
      code: 'services:\n  web:\n    image: x:1\n    ports:\n      - 8080:80\n      - "8080:81"\n  api:\n    image: x:1\n    ports:\n      - target: 3000\n        published: "8080"\n',
      errors: [
        { messageId: 'duplicatePort', data: { port: 8080, protocol: 'tcp', other: 'this service ("web")' }, line: 6, column: 9, endLine: 6, endColumn: 18 },
        { messageId: 'duplicatePort', data: { port: 8080, protocol: 'tcp', other: 'service "web"' }, line: 11, column: 20, endLine: 11, endColumn: 26 },
      ],
      output: null,
    },
    {
      name: 'a range overlapping a single port; all interfaces overlapping one address',
      filename,
      code: 'services:\n  a:\n    image: x:1\n    ports: ["9000-9010:9000-9010", "127.0.0.1:9005:80"]\n',
      errors: [{ messageId: 'duplicatePort', data: { port: 9005, protocol: 'tcp', other: 'this service ("a")' }, line: 4, column: 36, endLine: 4, endColumn: 55 }],
      output: null,
    },
    {
      name: 'a port from .env',
      filename,
      code: 'services:\n  a:\n    image: x:1\n    ports: ["${PORT}:80"]\n  b:\n    image: x:1\n    ports: ["8000:80"]\n',
      files: { '.env': 'PORT=8000\n' },
      errors: [{ messageId: 'duplicatePort', line: 7, column: 13, endLine: 7, endColumn: 22 }],
      output: null,
    },
  ],
});
