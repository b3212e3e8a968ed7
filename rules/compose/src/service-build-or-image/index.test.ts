import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const filename = 'compose.yaml';

new RuleTester().run('service-build-or-image', rule, {
  valid: [
    { filename, code: 'services:\n  a:\n    build: .\n  b:\n    image: x:1\n' },
    { name: 'pull_policy decides', filename, code: 'services:\n  a:\n    build: .\n    image: ghcr.io/acme/a:1\n    pull_policy: build\n' },
  ],
  invalid: [
    {
      filename,
      code: 'services:\n  db:\n    image: postgres:17\n    build: ./db\n',
      errors: [{ messageId: 'buildAndImage', data: { service: 'db', policies: '"build" or "missing"' }, line: 4, column: 5, endLine: 4, endColumn: 10 }],
      output: null,
    },
    {
      name: 'pull_policy is not enough without checkPullPolicy',
      filename,
      code: 'services:\n  a:\n    build: .\n    image: ghcr.io/acme/a:1\n    pull_policy: build\n',
      options: [{ checkPullPolicy: false }],
      errors: [{ messageId: 'buildAndImage', line: 3, column: 5, endLine: 3, endColumn: 10 }],
      output: null,
    },
  ],
});
