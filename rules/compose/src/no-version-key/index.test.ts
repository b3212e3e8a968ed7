import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const filename = 'compose.yaml';

new RuleTester().run('no-version-key', rule, {
  valid: [
    { filename, code: 'services:\n  web:\n    image: nginx:1.27\n' },
    { name: 'a version inside a service is something else', filename, code: 'services:\n  web:\n    image: nginx:1.27\n    labels:\n      version: "2"\n' },
  ],
  invalid: [
    {
      name: 'the key and its line go; comments and the rest stay byte for byte',
      filename,
      code: '# Production stack\nversion: "3.8" # legacy\n\nx-common: &common\n  restart: always\nservices:\n  web:\n    <<: *common\n    image: nginx:1.27\n',
      errors: [{ messageId: 'obsoleteVersion', line: 2, column: 1, endLine: 2, endColumn: 8 }],
      output: '# Production stack\n\nx-common: &common\n  restart: always\nservices:\n  web:\n    <<: *common\n    image: nginx:1.27\n',
    },
    {
      name: 'at the end of a file without a final newline',
      filename,
      code: "services:\n  web:\n    image: nginx:1.27\nversion: '2'",
      errors: [{ messageId: 'obsoleteVersion', line: 4, column: 1, endLine: 4, endColumn: 8 }],
      output: 'services:\n  web:\n    image: nginx:1.27\n',
    },
    {
      name: 'a version written as a block is reported, not fixed',
      filename,
      code: 'version:\n  - 3\nservices: {}\n',
      errors: [{ messageId: 'obsoleteVersion', line: 1, column: 1, endLine: 1, endColumn: 8 }],
      output: null,
    },
  ],
});
