import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const filename = 'compose.yaml';
const web = 'services:\n  web:\n    image: web:1\n    depends_on:\n      db:\n        condition: service_healthy\n';

new RuleTester().run('depends-on-require-healthcheck', rule, {
  valid: [
    { filename, code: `${web}  db:\n    image: postgres:17\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n` },
    { name: 'other conditions', filename, code: 'services:\n  web:\n    image: web:1\n    depends_on:\n      db: {condition: service_started}\n  db:\n    image: postgres:17\n' },
    { name: 'the healthcheck comes from the Dockerfile the service builds', filename, files: { 'db/Dockerfile': 'FROM postgres:17\nHEALTHCHECK CMD pg_isready\n' }, code: `${web}  db:\n    build: ./db\n` },
    { name: 'the healthcheck comes from the override file', filename, files: { 'compose.override.yaml': 'services:\n  db:\n    healthcheck:\n      test: pg_isready\n' }, code: `${web}  db:\n    image: postgres:17\n` },
    { name: 'the healthcheck comes through extends', filename, code: `${web}  base:\n    image: postgres:17\n    healthcheck: {test: pg_isready}\n  db:\n    extends: base\n` },
    { name: 'a Dockerfile that cannot be read is not judged', filename, code: `${web}  db:\n    build: ./db\n` },
    { name: 'an undefined service is another rule\'s business', filename, code: web },
    { name: 'an optional dependency', filename, code: 'services:\n  web:\n    image: web:1\n    depends_on:\n      db: {condition: service_healthy, required: false}\n  db:\n    image: postgres:17\n' },
  ],
  invalid: [
    {
      name: 'an image without a healthcheck; the suggestion only waits for the start',
      filename,
      code: `${web}  db:\n    image: postgres:17 # no healthcheck\n`,
      errors: [
        {
          messageId: 'noHealthcheck',
          data: { service: 'web', target: 'db', where: 'neither the service nor, as far as can be told here, its image' },
          line: 6,
          column: 20,
          endLine: 6,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'waitForStart',
              data: { target: 'db' },
              output: 'services:\n  web:\n    image: web:1\n    depends_on:\n      db:\n        condition: service_started\n  db:\n    image: postgres:17 # no healthcheck\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a healthcheck turned off in Compose',
      filename,
      code: `${web}  db:\n    image: postgres:17\n    healthcheck:\n      disable: true\n`,
      errors: [{ messageId: 'healthcheckDisabled', data: { service: 'web', target: 'db', where: 'its "healthcheck"' }, line: 6, column: 20, endLine: 6, endColumn: 35 }],
      output: null,
    },
    {
      name: 'a Dockerfile without HEALTHCHECK in the built stage',
      filename,
      files: { 'db/Dockerfile': 'FROM postgres:17 AS checked\nHEALTHCHECK CMD pg_isready\nFROM postgres:17\n' },
      code: `${web}  db:\n    build:\n      context: db\n`,
      errors: [{ messageId: 'noHealthcheck', data: { service: 'web', target: 'db', where: 'neither the service nor its Dockerfile' }, line: 6, column: 20, endLine: 6, endColumn: 35 }],
      output: null,
    },
  ],
});
