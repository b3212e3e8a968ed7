import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const filename = 'compose.yaml';

new RuleTester().run('ports-no-public-database', rule, {
  valid: [
    { filename, code: 'services:\n  db:\n    image: postgres:17\n    ports: ["127.0.0.1:5432:5432", "[::1]:5433:5432"]\n' },
    { name: 'web ports are another rule\'s business', filename, code: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["80:80"]\n' },
    { name: 'a host address from a variable', filename, code: 'services:\n  db:\n    image: postgres:17\n    ports: ["${BIND}:5432:5432"]\n' },
    { name: 'not published, only exposed to the network', filename, code: 'services:\n  db:\n    image: postgres:17\n    expose: ["5432"]\n' },
  ],
  invalid: [
    {
      name: 'a plain short port; the suggestion binds it to loopback and keeps the comment',
      filename,
      code: 'services:\n  db:\n    image: postgres:17\n    ports:\n      - 15432:5432 # for local tools\n',
      errors: [
        {
          messageId: 'publicDatabase',
          data: { service: 'db', product: 'PostgreSQL', target: '5432' },
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 19,
          suggestions: [{ messageId: 'bindToLoopback', output: 'services:\n  db:\n    image: postgres:17\n    ports:\n      - 127.0.0.1:15432:5432 # for local tools\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'quoted, an explicit 0.0.0.0, a random host port and the long syntax',
      filename,
      code: [
        'services:',
        '  cache:',
        '    image: redis:7.2',
        '    ports:',
        '      - "6379:6379"',
        '      - 0.0.0.0:6380:6379',
        '      - "6379"',
        '      - target: 6379',
        '        published: "16379"',
        '',
      ].join('\n'),
      errors: [
        { messageId: 'publicDatabase', line: 5, column: 9, endLine: 5, endColumn: 20, suggestions: [{ messageId: 'bindToLoopback', output: 'services:\n  cache:\n    image: redis:7.2\n    ports:\n      - "127.0.0.1:6379:6379"\n      - 0.0.0.0:6380:6379\n      - "6379"\n      - target: 6379\n        published: "16379"\n' }] },
        { messageId: 'publicDatabase', line: 6, column: 9, endLine: 6, endColumn: 26, suggestions: [] },
        { messageId: 'publicDatabase', line: 7, column: 9, endLine: 7, endColumn: 15, suggestions: [] },
        { messageId: 'publicDatabase', line: 9, column: 20, endLine: 9, endColumn: 27, suggestions: [] },
      ],
      output: null,
    },
  ],
});
