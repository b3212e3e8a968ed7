import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const filename = 'compose.yaml';

new RuleTester().run('require-restart-policy', rule, {
  valid: [
    { filename, code: 'services:\n  web:\n    image: web:1\n    restart: unless-stopped\n' },
    { name: 'deploy.restart_policy', filename, code: 'services:\n  web:\n    image: web:1\n    deploy:\n      restart_policy: {condition: on-failure}\n' },
    { name: 'a job others wait to finish', filename, code: 'services:\n  migrate:\n    image: app:1\n  web:\n    image: app:1\n    restart: always\n    depends_on:\n      migrate: {condition: service_completed_successfully}\n' },
    { name: 'the policy comes from the override file', filename, files: { 'compose.override.yaml': 'services:\n  web:\n    restart: always\n' }, code: 'services:\n  web:\n    image: web:1\n' },
    { name: 'an override file is a fragment', filename: 'compose.override.yaml', files: { 'compose.yaml': 'services: {}\n' }, code: 'services:\n  web:\n    image: web:1\n' },
    { name: 'through a merge key', filename, code: 'x-base: &base\n  restart: always\nservices:\n  web:\n    <<: *base\n    image: web:1\n' },
  ],
  invalid: [
    {
      name: 'at the service name; the suggestion adds a line with the service\'s indentation',
      filename,
      code: 'services:\n  web:   # the site\n    # pinned\n    image: web:1\n',
      errors: [
        {
          messageId: 'missingRestart',
          data: { service: 'web' },
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          suggestions: [{ messageId: 'addRestart', output: 'services:\n  web:   # the site\n    restart: unless-stopped\n    # pinned\n    image: web:1\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'a flow mapping gets no suggestion',
      filename,
      code: 'services:\n  web: {image: web:1}\n',
      errors: [{ messageId: 'missingRestart', line: 2, column: 3, endLine: 2, endColumn: 6, suggestions: [] }],
      output: null,
    },
  ],
});
