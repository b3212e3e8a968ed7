import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const filename = 'compose.yaml';

new RuleTester().run('cap-drop-all', rule, {
  valid: [
    { filename, code: 'services:\n  web:\n    image: web:1\n    cap_drop: [ALL]\n    cap_add: [NET_BIND_SERVICE]\n' },
    { name: 'any case, with the CAP_ prefix', filename, code: 'services:\n  web:\n    image: web:1\n    cap_drop:\n      - cap_all\n' },
    { name: 'a privileged service is no-privileged\'s business', filename, code: 'services:\n  web:\n    image: web:1\n    privileged: true\n' },
    { name: 'from the override file', filename, files: { 'compose.override.yaml': 'services:\n  web:\n    cap_drop: [ALL]\n' }, code: 'services:\n  web:\n    image: web:1\n' },
    { name: 'through a merge key', filename, code: 'x-base: &base\n  cap_drop: [ALL]\nservices:\n  web:\n    <<: *base\n    image: web:1\n' },
    { name: 'an unknown variable is not judged', filename, code: 'services:\n  web:\n    image: web:1\n    cap_drop: [$DROP]\n' },
  ],
  invalid: [
    {
      name: 'at the service name; the suggestion adds the list below it',
      filename,
      code: 'services:\n    web:\n        # comment stays\n        image: &img web:1\n',
      errors: [
        {
          messageId: 'missingCapDrop',
          data: { service: 'web' },
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 8,
          suggestions: [{ messageId: 'addCapDropAll', output: 'services:\n    web:\n        cap_drop:\n            - ALL\n        # comment stays\n        image: &img web:1\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'a list without ALL: at its key; ALL joins the list',
      filename,
      code: 'services:\n  web:\n    image: web:1\n    cap_drop:\n      - NET_RAW  # no ping\n      - MKNOD\n    user: "1000"\n',
      errors: [
        {
          messageId: 'capDropWithoutAll',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 13,
          suggestions: [
            { messageId: 'addCapDropAll', output: 'services:\n  web:\n    image: web:1\n    cap_drop:\n      - NET_RAW  # no ping\n      - MKNOD\n      - ALL\n    user: "1000"\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'the last item at the end of a file without a final newline',
      filename,
      code: 'services:\n  web:\n    image: web:1\n    cap_drop:\n      - MKNOD',
      errors: [
        {
          messageId: 'capDropWithoutAll',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 13,
          suggestions: [{ messageId: 'addCapDropAll', output: 'services:\n  web:\n    image: web:1\n    cap_drop:\n      - MKNOD\n      - ALL' }],
        },
      ],
      output: null,
    },
    {
      name: 'an anchored list that other services share gets no suggestion',
      filename,
      code: 'services:\n  a:\n    image: a:1\n    cap_drop: &drops [MKNOD]\n  b:\n    image: b:1\n    cap_drop: *drops\n',
      errors: [
        { messageId: 'capDropWithoutAll', data: { service: 'a' }, line: 4, column: 5, endLine: 4, endColumn: 13, suggestions: [] },
        { messageId: 'capDropWithoutAll', data: { service: 'b' }, line: 7, column: 5, endLine: 7, endColumn: 13, suggestions: [] },
      ],
      output: null,
    },
  ],
});
