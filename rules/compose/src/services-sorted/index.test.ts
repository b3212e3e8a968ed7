import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const filename = 'compose.yaml';

new RuleTester().run('services-sorted', rule, {
  valid: [{ filename, code: 'services:\n  api:\n    image: a:1\n  web:\n    image: w:1\n' }],
  invalid: [
    {
      name: 'moves whole services with their comments; anchors, aliases and other lines stay byte for byte',
      filename,
      code: [
        '# top comment',
        'name: demo',
        'x-common: &common',
        '  restart: always',
        'services:',
        '  # the web app',
        '  web:',
        '    <<: *common',
        '    image: "nginx:1.27"   # pinned',
        '',
        '  db:',
        '    <<: *common',
        "    image: 'postgres:17'",
        '  cache:',
        '    image: redis:7.2',
        'volumes: {}',
        '',
      ].join('\n'),
      errors: [
        { messageId: 'unsorted', data: { name: 'db', before: 'web' }, line: 11, column: 3, endLine: 11, endColumn: 5 },
        { messageId: 'unsorted', data: { name: 'cache', before: 'db' }, line: 14, column: 3, endLine: 14, endColumn: 8 },
      ],
      output: [
        '# top comment',
        'name: demo',
        'x-common: &common',
        '  restart: always',
        'services:',
        '  cache:',
        '    image: redis:7.2',
        '',
        '  db:',
        '    <<: *common',
        "    image: 'postgres:17'",
        '  # the web app',
        '  web:',
        '    <<: *common',
        '    image: "nginx:1.27"   # pinned',
        'volumes: {}',
        '',
      ].join('\n'),
    },
    {
      name: 'not fixed when an alias would come before its anchor',
      filename,
      code: 'services:\n  web: &web\n    image: w:1\n  api: *web\n',
      errors: [{ messageId: 'unsorted', line: 4, column: 3, endLine: 4, endColumn: 6 }],
      output: null,
    },
  ],
});
