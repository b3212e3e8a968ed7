import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const filename = 'compose.yaml';

new RuleTester().run('depends-on-sorted', rule, {
  valid: [{ filename, code: 'services:\n  web:\n    image: w:1\n    depends_on: [cache, db]\n' }],
  invalid: [
    {
      name: 'the list form, with a comment on an item',
      filename,
      code: 'services:\n  web:\n    image: w:1\n    depends_on:\n      - db # primary\n      - cache\n',
      errors: [{ messageId: 'unsorted', data: { service: 'web', name: 'cache', before: 'db' }, line: 6, column: 9, endLine: 6, endColumn: 14 }],
      output: 'services:\n  web:\n    image: w:1\n    depends_on:\n      - cache\n      - db # primary\n',
    },
    {
      name: 'the map form, in flow style',
      filename,
      code: 'services:\n  web:\n    image: w:1\n    depends_on: {db: {condition: service_healthy}, cache: {condition: service_started}}\n',
      errors: [{ messageId: 'unsorted', line: 4, column: 52, endLine: 4, endColumn: 57 }],
      output: 'services:\n  web:\n    image: w:1\n    depends_on: {cache: {condition: service_started}, db: {condition: service_healthy}}\n',
    },
  ],
});
