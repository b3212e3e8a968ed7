import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const filename = 'compose.yaml';

new RuleTester().run('security-opt-no-unconfined', rule, {
  valid: [
    { filename, code: 'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:true\n      - seccomp:./seccomp.json\n      - label=type:container_t\n' },
  ],
  invalid: [
    {
      name: 'both separators, any case, at the item',
      filename,
      code: 'services:\n  tracer:\n    image: tracer:1\n    security_opt:\n      - seccomp:unconfined # strace\n      - "apparmor=unconfined"\n      - label:disable\n      - systempaths=unconfined\n',
      errors: [
        { messageId: 'unconfined', data: { service: 'tracer', what: 'the seccomp profile, which blocks dangerous system calls', entry: 'seccomp:unconfined' }, line: 5, column: 9, endLine: 5, endColumn: 27 },
        { messageId: 'unconfined', line: 6, column: 9, endLine: 6, endColumn: 30 },
        { messageId: 'unconfined', line: 7, column: 9, endLine: 7, endColumn: 22 },
        { messageId: 'unconfined', line: 8, column: 9, endLine: 8, endColumn: 31 },
      ],
      output: null,
    },
  ],
});
