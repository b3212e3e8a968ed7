import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const filename = 'compose.yaml';

new RuleTester().run('top-level-keys-order', rule, {
  valid: [
    { filename, code: 'x-b: 1\nx-a: 2\nname: demo\nservices: {}\nmodels: {}\nvolumes: {}\n' },
    { name: 'a custom order', filename, code: 'services: {}\nname: demo\n', options: [{ order: ['services', 'name'] }] },
  ],
  invalid: [
    {
      name: 'not fixed when an alias would move above its anchor',
      filename,
      code: 'services:\n  web: &web\n    image: w:1\nx-copy: *web\n',
      errors: [{ messageId: 'outOfOrder', data: { name: 'x-copy', before: 'services' }, line: 4, column: 1, endLine: 4, endColumn: 7 }],
      output: null,
    },
    {
      name: 'blocks move with their comments; the file header stays',
      filename,
      code: '# header\nvolumes:\n  data: {} # keep\nservices:\n  web:\n    image: w:1\nname: demo\n',
      errors: [
        { messageId: 'outOfOrder', data: { name: 'services', before: 'volumes' }, line: 4, column: 1, endLine: 4, endColumn: 9 },
        { messageId: 'outOfOrder', data: { name: 'name', before: 'services' }, line: 7, column: 1, endLine: 7, endColumn: 5 },
      ],
      output: '# header\nname: demo\nservices:\n  web:\n    image: w:1\nvolumes:\n  data: {} # keep\n',
    },
  ],
});
