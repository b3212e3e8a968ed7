import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const filename = 'compose.yaml';

new RuleTester().run('ports-sorted', rule, {
  valid: [{ filename, code: 'services:\n  web:\n    image: w:1\n    ports: ["80:80", "443:443", "8080:8080"]\n' }],
  invalid: [
    {
      name: 'numbers compare as numbers; quotes and comments move with their item',
      filename,
      code: 'services:\n  web:\n    image: w:1\n    ports:\n      - "8080:8080" # admin\n      - 443:443\n      - \'80:80\'\n',
      errors: [
        { messageId: 'unsorted', data: { service: 'web', name: '443:443', before: '8080:8080' }, line: 6, column: 9, endLine: 6, endColumn: 16 },
        { messageId: 'unsorted', data: { service: 'web', name: '80:80', before: '443:443' }, line: 7, column: 9, endLine: 7, endColumn: 16 },
      ],
      output: 'services:\n  web:\n    image: w:1\n    ports:\n      - \'80:80\'\n      - 443:443\n      - "8080:8080" # admin\n',
    },
  ],
});
