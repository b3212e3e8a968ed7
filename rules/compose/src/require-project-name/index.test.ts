import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('require-project-name', rule, {
  valid: [
    { filename: 'compose.yaml', code: 'name: shop\nservices:\n  web:\n    image: x:1\n' },
    { name: 'override files are fragments', filename: 'compose.override.yaml', code: 'services:\n  web:\n    ports: ["80:80"]\n' },
  ],
  invalid: [
    {
      name: 'reported on the first key',
      filename: 'compose.yaml',
      code: '# stack\nservices:\n  web:\n    image: x:1\n',
      errors: [{ messageId: 'missingName', line: 2, column: 1, endLine: 2, endColumn: 9 }],
      output: null,
    },
  ],
});
