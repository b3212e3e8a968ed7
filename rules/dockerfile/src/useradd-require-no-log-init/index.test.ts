import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('useradd-require-no-log-init', rule, {
  valid: [
    'FROM debian:12\nRUN useradd app\n',
    'FROM debian:12\nRUN useradd -u 10001 app\n',
    'FROM debian:12\nRUN useradd -l -u 123456 app\n',
    'FROM debian:12\nRUN useradd --no-log-init --uid=123456 app\n',
    { name: '-l among grouped flags', code: 'FROM debian:12\nRUN useradd -lm -u 123456 app\n' },
    { name: 'a UID from a variable is not known here', code: 'FROM debian:12\nRUN useradd -u "$APP_UID" app\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN useradd -u 123456 app\n',
      errors: [{ messageId: 'missingNoLogInit', data: { uid: '123456' }, line: 2, column: 13, endLine: 2, endColumn: 22 }],
      output: 'FROM debian:12\nRUN useradd -l -u 123456 app\n',
    },
    {
      name: 'the other spellings of the UID, in a chain, in exec form',
      code: 'FROM debian:12\nRUN groupadd -g 700000 app && useradd --uid=700000 -g app app\nRUN ["useradd", "-u700000", "svc"]\n',
      errors: [
        { messageId: 'missingNoLogInit', data: { uid: '700000' }, line: 2, column: 39, endLine: 2, endColumn: 51 },
        { messageId: 'missingNoLogInit', data: { uid: '700000' }, line: 3, column: 17, endLine: 3, endColumn: 27 },
      ],
      output: 'FROM debian:12\nRUN groupadd -g 700000 app && useradd -l --uid=700000 -g app app\nRUN ["useradd", "-l", "-u700000", "svc"]\n',
    },
  ],
});
