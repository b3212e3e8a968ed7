import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const filename = 'compose.yaml';

new RuleTester().run('no-privileged', rule, {
  valid: [
    { filename, code: 'services:\n  web:\n    image: nginx:1.27\n' },
    { filename, code: 'services:\n  web:\n    image: nginx:1.27\n    privileged: false\n' },
    { name: 'a variable that is not set is not judged', filename, code: 'services:\n  web:\n    image: nginx:1.27\n    privileged: ${PRIV}\n' },
  ],
  invalid: [
    {
      name: 'the value is reported; the suggestion removes the line and keeps comments',
      filename,
      code: 'services:\n  # runs docker in docker\n  dind:\n    image: docker:27-dind\n    privileged: true # needed?\n    restart: always\n',
      errors: [
        {
          messageId: 'privileged',
          data: { service: 'dind' },
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'removePrivileged',
              output: 'services:\n  # runs docker in docker\n  dind:\n    image: docker:27-dind\n    restart: always\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a value from the .env beside the file',
      filename,
      files: { '.env': 'PRIV=true\n' },
      code: 'services:\n  web:\n    image: nginx:1.27\n    privileged: "${PRIV}"\n',
      errors: [{ messageId: 'privileged', line: 4, column: 17, endLine: 4, endColumn: 26 }],
      output: null,
    },
    {
      name: 'once for an anchored block that several services merge',
      filename,
      code: 'x-base: &base\n  privileged: true\nservices:\n  a:\n    <<: *base\n    image: a:1\n  b:\n    <<: *base\n    image: b:1\n',
      errors: [{ messageId: 'privileged', data: { service: 'a' }, line: 2, column: 15, endLine: 2, endColumn: 19 }],
      output: null,
    },
  ],
});
