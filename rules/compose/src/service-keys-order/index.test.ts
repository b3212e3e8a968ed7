import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const filename = 'compose.yaml';

new RuleTester().run('service-keys-order', rule, {
  valid: [
    { name: 'the merge key first, then the default order', filename, code: 'x-c: &c\n  restart: always\nservices:\n  web:\n    <<: *c\n    image: w:1\n    profiles: [dev]\n    ports: ["80:80"]\n    command: run\n    stop_signal: SIGINT\n' },
    { name: 'unlisted keys keep their order at the end', filename, code: 'services:\n  web:\n    image: w:1\n    tty: true\n    stdin_open: true\n' },
  ],
  invalid: [
    {
      name: 'keys move with their comments and values; other services stay',
      filename,
      code: [
        'services:',
        '  web:',
        '    ports:',
        '      - "80:80" # public',
        '    # the image we ship',
        '    image: nginx:1.27',
        '    environment:',
        '      A: "1"',
        '  db:',
        '    image: postgres:17',
        '',
      ].join('\n'),
      errors: [
        { messageId: 'outOfOrder', data: { service: 'web', name: 'image', before: 'ports' }, line: 6, column: 5, endLine: 6, endColumn: 10 },
        { messageId: 'outOfOrder', data: { service: 'web', name: 'environment', before: 'ports' }, line: 7, column: 5, endLine: 7, endColumn: 16 },
      ],
      output: [
        'services:',
        '  web:',
        '    # the image we ship',
        '    image: nginx:1.27',
        '    environment:',
        '      A: "1"',
        '    ports:',
        '      - "80:80" # public',
        '  db:',
        '    image: postgres:17',
        '',
      ].join('\n'),
    },
  ],
});
