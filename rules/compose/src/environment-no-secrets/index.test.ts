import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const filename = 'compose.yaml';

new RuleTester().run('environment-no-secrets', rule, {
  valid: [
    {
      name: 'variables, names that are not secrets, values passed through, files and switches',
      filename,
      code: [
        'services:',
        '  db:',
        '    image: postgres:17',
        '    environment:',
        '      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it in .env}',
        '      POSTGRES_USER: app',
        '      POSTGRES_PASSWORD_FILE: /run/secrets/db_password',
        '      API_TOKEN:',
        '      TOKEN_TTL: 3600',
        '      REDIS_AUTH: "false"',
        '      DB_PASSWORD: ""',
        '  web:',
        '    image: web:1',
        '    environment:',
        '      - SECRET_KEY=$SECRET_KEY',
        '      - GITHUB_TOKEN',
        '      - PUBLIC_KEY=ssh-ed25519 AAAA',
        '      - DATABASE_URL=postgres://db/app',
        '      - JWT_SECRET=/run/secrets/jwt',
        '  corpus-false-positives:',
        '    image: x:1',
        '    environment:',
        '      - VNC_NO_PASSWORD=1',
        '      - REGISTRY_AUTH=htpasswd',
        '      - SINGLE_USER_CREDENTIALS_USERNAME=admin',
        '      - ENCRYPTION_KEY=**********',
        '',
      ].join('\n'),
    },
    { name: 'allowedNames', filename, options: [{ secretNames: [], allowedNames: ['DEMO_*'] }], code: 'services:\n  a:\n    image: a:1\n    environment: {DEMO_PASSWORD: demo}\n' },
  ],
  invalid: [
    {
      name: 'map form: at the value, never showing it; the suggestion keeps the quoting, the comment and the other lines',
      filename,
      code: 'services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_USER: app\n      POSTGRES_PASSWORD: "hunter2" # change me\n      MYSQL_ROOT_PASSWORD: hunter3\n',
      errors: [
        {
          messageId: 'literalSecret',
          data: { service: 'db', name: 'POSTGRES_PASSWORD' },
          line: 6,
          column: 26,
          endLine: 6,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'useVariable',
              data: { name: 'POSTGRES_PASSWORD', variable: '${POSTGRES_PASSWORD}' },
              output: 'services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_USER: app\n      POSTGRES_PASSWORD: "${POSTGRES_PASSWORD}" # change me\n      MYSQL_ROOT_PASSWORD: hunter3\n',
            },
          ],
        },
        {
          messageId: 'literalSecret',
          data: { service: 'db', name: 'MYSQL_ROOT_PASSWORD' },
          line: 7,
          column: 28,
          endLine: 7,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'useVariable',
              data: { name: 'MYSQL_ROOT_PASSWORD', variable: '${MYSQL_ROOT_PASSWORD}' },
              output: 'services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_USER: app\n      POSTGRES_PASSWORD: "hunter2" # change me\n      MYSQL_ROOT_PASSWORD: ${MYSQL_ROOT_PASSWORD}\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'list form: at the value part; $$ is a literal dollar, not a variable',
      filename,
      code: "services:\n  web:\n    image: web:1\n    environment:\n      - DEBUG=1\n      - 'API_KEY=sk-$$abc'\n      - SECRET_KEY=dev\n",
      errors: [
        {
          messageId: 'literalSecret',
          data: { service: 'web', name: 'API_KEY' },
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'useVariable',
              data: { name: 'API_KEY', variable: '${API_KEY}' },
              output: "services:\n  web:\n    image: web:1\n    environment:\n      - DEBUG=1\n      - 'API_KEY=${API_KEY}'\n      - SECRET_KEY=dev\n",
            },
          ],
        },
        {
          messageId: 'literalSecret',
          data: { service: 'web', name: 'SECRET_KEY' },
          line: 7,
          column: 20,
          endLine: 7,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'useVariable',
              data: { name: 'SECRET_KEY', variable: '${SECRET_KEY}' },
              output: "services:\n  web:\n    image: web:1\n    environment:\n      - DEBUG=1\n      - 'API_KEY=sk-$$abc'\n      - SECRET_KEY=${SECRET_KEY}\n",
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'an anchored block that several services merge: once, the anchor kept',
      filename,
      code: 'x-env: &env\n  DB_PASSWORD: &pw s3cret\nservices:\n  a:\n    image: a:1\n    environment:\n      <<: *env\n  b:\n    image: b:1\n    environment: *env\n',
      errors: [
        {
          messageId: 'literalSecret',
          data: { service: 'a', name: 'DB_PASSWORD' },
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'useVariable',
              data: { name: 'DB_PASSWORD', variable: '${DB_PASSWORD}' },
              output: 'x-env: &env\n  DB_PASSWORD: &pw ${DB_PASSWORD}\nservices:\n  a:\n    image: a:1\n    environment:\n      <<: *env\n  b:\n    image: b:1\n    environment: *env\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'secretNames; a block scalar and a name that is no variable name get no suggestion',
      filename,
      options: [{ secretNames: ['*_DSN'], allowedNames: [] }],
      code: 'services:\n  a:\n    image: a:1\n    environment:\n      SENTRY_DSN: https://k@sentry.example/1\n      private.key: |\n        -----BEGIN KEY-----\n',
      errors: [
        {
          messageId: 'literalSecret',
          data: { service: 'a', name: 'SENTRY_DSN' },
          line: 5,
          column: 19,
          endLine: 5,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'useVariable',
              data: { name: 'SENTRY_DSN', variable: '${SENTRY_DSN}' },
              output: 'services:\n  a:\n    image: a:1\n    environment:\n      SENTRY_DSN: ${SENTRY_DSN}\n      private.key: |\n        -----BEGIN KEY-----\n',
            },
          ],
        },
        { messageId: 'literalSecret', data: { service: 'a', name: 'private.key' }, line: 6, column: 20, endLine: 7, endColumn: 28, suggestions: [] },
      ],
      output: null,
    },
  ],
});
