import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const filename = 'compose.yaml';

new RuleTester().run('no-new-privileges', rule, {
  valid: [
    { filename, code: 'services:\n  web:\n    image: web:1\n    security_opt:\n      - no-new-privileges:true\n' },
    { name: 'without a value it is on', filename, code: 'services:\n  web:\n    image: web:1\n    security_opt: [no-new-privileges]\n' },
    { name: 'the = spelling', filename, code: 'services:\n  web:\n    image: web:1\n    security_opt: ["no-new-privileges=true"]\n' },
    { name: 'through a merge key', filename, code: 'x-hardened: &hardened\n  security_opt: [no-new-privileges:true]\nservices:\n  web:\n    <<: *hardened\n    image: web:1\n' },
    { name: 'from the override file', filename, files: { 'compose.override.yaml': 'services:\n  web:\n    security_opt: [no-new-privileges:true]\n' }, code: 'services:\n  web:\n    image: web:1\n' },
    { name: 'an override file is a fragment', filename: 'compose.override.yaml', files: { 'compose.yaml': 'services: {}\n' }, code: 'services:\n  web:\n    image: web:1\n' },
    { name: 'an unknown variable is not judged', filename, code: 'services:\n  web:\n    image: web:1\n    security_opt: ["${SECURITY_OPT}"]\n' },
  ],
  invalid: [
    {
      name: 'no security_opt: the suggestion adds the key below the name, comments and anchors kept',
      filename,
      code: 'x-env: &env {A: "1"}\nservices:\n  web: # the site\n    # pinned\n    image: web:1\n    environment: *env\n',
      errors: [
        {
          messageId: 'missingNoNewPrivileges',
          data: { service: 'web' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'addNoNewPrivileges',
              output: 'x-env: &env {A: "1"}\nservices:\n  web: # the site\n    security_opt:\n      - no-new-privileges:true\n    # pinned\n    image: web:1\n    environment: *env\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a block list gets an item after its last one, with its indentation and line ending',
      filename,
      code: 'services:\r\n  web:\r\n    image: web:1\r\n    security_opt:\r\n    - apparmor:docker-default # profile\r\n    restart: always\r\n',
      errors: [
        {
          messageId: 'missingNoNewPrivileges',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'addNoNewPrivileges',
              output: 'services:\r\n  web:\r\n    image: web:1\r\n    security_opt:\r\n    - apparmor:docker-default # profile\r\n    - no-new-privileges:true\r\n    restart: always\r\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a flow list gets one more item',
      filename,
      code: 'services:\n  web:\n    image: web:1\n    security_opt: [label:type:web_t]\n',
      errors: [
        {
          messageId: 'missingNoNewPrivileges',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 6,
          suggestions: [{ messageId: 'addNoNewPrivileges', output: 'services:\n  web:\n    image: web:1\n    security_opt: [label:type:web_t, no-new-privileges:true]\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'no suggestion when the list is merged in from an anchor other services share',
      filename,
      code: 'x-opts: &opts\n  security_opt: [apparmor:docker-default]\nservices:\n  web:\n    <<: *opts\n    image: web:1\n',
      errors: [{ messageId: 'missingNoNewPrivileges', line: 4, column: 3, endLine: 4, endColumn: 6, suggestions: [] }],
      output: null,
    },
    {
      name: 'no suggestion for a flow mapping',
      filename,
      code: 'services:\n  web: {image: web:1}\n',
      errors: [{ messageId: 'missingNoNewPrivileges', line: 2, column: 3, endLine: 2, endColumn: 6, suggestions: [] }],
      output: null,
    },
    {
      name: 'turned off: at the entry',
      filename,
      code: 'services:\n  web:\n    image: web:1\n    security_opt:\n      - no-new-privileges:false\n',
      errors: [{ messageId: 'noNewPrivilegesOff', data: { service: 'web' }, line: 5, column: 9, endLine: 5, endColumn: 32 }],
      output: null,
    },
  ],
});
