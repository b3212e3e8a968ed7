import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const filename = 'compose.yaml';

new RuleTester().run('container-name-unique', rule, {
  valid: [
    { filename, code: 'services:\n  a:\n    image: x:1\n    container_name: one\n  b:\n    image: x:1\n    container_name: two\n' },
    {
      name: 'services in disjoint profiles are alternatives',
      filename,
      code: 'services:\n  dev:\n    image: x:1\n    container_name: app\n    profiles: [dev]\n  prod:\n    image: x:1\n    container_name: app\n    profiles: [prod]\n',
    },
    { name: 'names from variables that are not known', filename, code: 'services:\n  a:\n    image: x:1\n    container_name: ${A_NAME}\n  b:\n    image: x:1\n    container_name: ${A_NAME}\n' },
  ],
  invalid: [
    {
      filename,
      code: 'services:\n  db:\n    image: postgres:17\n    container_name: mydb\n  cache:\n    image: redis:7.2\n    container_name: "mydb"\n',
      errors: [{ messageId: 'duplicateName', data: { service: 'cache', name: 'mydb', other: 'db' }, line: 7, column: 21, endLine: 7, endColumn: 27 }],
      output: null,
    },
    {
      name: 'a profiled service clashes with one that always runs',
      filename,
      code: 'services:\n  db:\n    image: postgres:17\n    container_name: mydb\n  debug:\n    image: postgres:17\n    container_name: mydb\n    profiles: [debug]\n',
      errors: [{ messageId: 'duplicateName', line: 7, column: 21, endLine: 7, endColumn: 25 }],
      output: null,
    },
  ],
});
