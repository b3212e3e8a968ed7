import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const filename = 'compose.yaml';

new RuleTester().run('no-links', rule, {
  valid: [{ filename, code: 'services:\n  web:\n    image: web:1\n    depends_on: [db]\n  db:\n    image: postgres:17\n' }],
  invalid: [
    {
      name: 'the key is reported; the suggestion renames it and keeps everything else',
      filename,
      code: 'services:\n  web:\n    image: web:1\n    links: # legacy\n      - db\n  db:\n    image: postgres:17\n',
      errors: [
        {
          messageId: 'links',
          data: { service: 'web' },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 10,
          suggestions: [{ messageId: 'useDependsOn', output: 'services:\n  web:\n    image: web:1\n    depends_on: # legacy\n      - db\n  db:\n    image: postgres:17\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'no suggestion with an alias, or when depends_on is already there; external_links too',
      filename,
      code: 'services:\n  web:\n    image: web:1\n    links: ["db:database"]\n    external_links: [proxy]\n  api:\n    image: api:1\n    depends_on: [db]\n    links: [db]\n  db:\n    image: postgres:17\n',
      errors: [
        { messageId: 'links', data: { service: 'web' }, line: 4, column: 5, endLine: 4, endColumn: 10, suggestions: [] },
        { messageId: 'externalLinks', data: { service: 'web' }, line: 5, column: 5, endLine: 5, endColumn: 19, suggestions: [] },
        { messageId: 'links', data: { service: 'api' }, line: 9, column: 5, endLine: 9, endColumn: 10, suggestions: [] },
      ],
      output: null,
    },
  ],
});
