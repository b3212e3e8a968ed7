import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const filename = 'compose.yaml';

new RuleTester().run('ports-require-quotes', rule, {
  valid: [
    { filename, code: 'services:\n  web:\n    image: w:1\n    ports: ["80:80", \'443:443\']\n    expose: ["9000"]\n' },
    { name: 'the long syntax', filename, code: 'services:\n  web:\n    image: w:1\n    ports:\n      - target: 80\n        published: 8080\n' },
    { name: 'expose left out', filename, code: 'services:\n  web:\n    image: w:1\n    expose: [9000]\n', options: [{ portsSections: ['ports'] }] },
  ],
  invalid: [
    {
      name: 'plain ports get double quotes; comments stay',
      filename,
      code: 'services:\n  web:\n    image: w:1\n    ports:\n      - 22:22 # ssh\n      - "80:80"\n    expose: [9000]\n',
      errors: [
        { messageId: 'unquoted', data: { port: '22:22' }, line: 5, column: 9, endLine: 5, endColumn: 14 },
        { messageId: 'unquoted', data: { port: '9000' }, line: 7, column: 14, endLine: 7, endColumn: 18 },
      ],
      output: 'services:\n  web:\n    image: w:1\n    ports:\n      - "22:22" # ssh\n      - "80:80"\n    expose: ["9000"]\n',
    },
    {
      name: 'single quotes when asked',
      filename,
      code: 'services:\n  web:\n    image: w:1\n    ports: ["80:80", 443:443]\n',
      options: [{ quoteType: 'single' }],
      errors: [
        { messageId: 'wrongQuotes', data: { port: '80:80', quotes: 'single' }, line: 4, column: 13, endLine: 4, endColumn: 20 },
        { messageId: 'unquoted', line: 4, column: 22, endLine: 4, endColumn: 29 },
      ],
      output: "services:\n  web:\n    image: w:1\n    ports: ['80:80', '443:443']\n",
    },
  ],
});
