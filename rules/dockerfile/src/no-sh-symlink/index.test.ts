import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('no-sh-symlink', rule, {
  valid: [
    'FROM debian:12\nSHELL ["/bin/bash", "-c"]\n',
    'FROM debian:12\nRUN ln -sf /bin/true /sbin/initctl\n',
    'FROM debian:12\nRUN ln -s foo bar && run-something /bin/sh\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN ln -sfv /bin/bash /bin/sh\n',
      errors: [{ messageId: 'shSymlink', line: 2, column: 23, endLine: 2, endColumn: 30 }],
      output: null,
    },
    {
      name: 'in a chain, with sudo, and in ONBUILD',
      code: 'FROM debian:12\nRUN apt-get install -y bash \\\n && sudo ln -sf bash /bin/sh\nONBUILD RUN ln -s /bin/dash /bin/sh\n',
      errors: [
        { messageId: 'shSymlink', line: 3, column: 22, endLine: 3, endColumn: 29 },
        { messageId: 'shSymlink', line: 4, column: 29, endLine: 4, endColumn: 36 },
      ],
      output: null,
    },
  ],
});
