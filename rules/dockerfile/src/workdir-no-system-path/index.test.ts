import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('workdir-no-system-path', rule, {
  valid: [
    'FROM alpine:3.20\nWORKDIR /app\n',
    'FROM alpine:3.20\nWORKDIR /devtools\n',
    'FROM alpine:3.20\nWORKDIR /srv/proc\n',
    { name: 'variables and relative paths are not known here', code: 'FROM alpine:3.20\nWORKDIR $DIR/proc\nWORKDIR proc\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nWORKDIR /proc/self\n',
      errors: [{ messageId: 'systemWorkdir', data: { path: '/proc/self', folder: '/proc' }, line: 2, column: 9, endLine: 2, endColumn: 19 }],
      output: null,
    },
    {
      name: 'the folder itself, quoted, and paths that normalise into one',
      code: 'FROM alpine:3.20\nWORKDIR "/boot"\nWORKDIR /srv/../dev/\n',
      errors: [
        { messageId: 'systemWorkdir', data: { path: '"/boot"', folder: '/boot' }, line: 2, column: 9, endLine: 2, endColumn: 16 },
        { messageId: 'systemWorkdir', data: { path: '/srv/../dev/', folder: '/dev' }, line: 3, column: 9, endLine: 3, endColumn: 21 },
      ],
      output: null,
    },
  ],
});
