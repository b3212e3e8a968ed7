import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('no-chpasswd', rule, {
  valid: ['FROM debian:12\nRUN useradd --system --no-log-init app && passwd -l app\n', 'FROM debian:12\nRUN echo chpasswd\n'],
  invalid: [
    {
      code: "FROM debian:12\nRUN echo 'root:secret' | chpasswd\n",
      errors: [{ messageId: 'chpasswd', line: 2, column: 26, endLine: 2, endColumn: 34 }],
      output: null,
    },
    {
      name: 'with a folder, on a continued line, in a sh -c string',
      code: "FROM debian:12\nRUN useradd app \\\n && echo app:pw | /usr/sbin/chpasswd -e\nRUN sh -c 'echo a:b | chpasswd'\n",
      errors: [
        { messageId: 'chpasswd', line: 3, column: 19, endLine: 3, endColumn: 37 },
        { messageId: 'chpasswd', line: 4, column: 23, endLine: 4, endColumn: 31 },
      ],
      output: null,
    },
  ],
});
