import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const filename = 'compose.yaml';

new RuleTester().run('read-only-root', rule, {
  valid: [
    { filename, code: 'services:\n  web:\n    image: web:1\n    read_only: true\n    tmpfs: [/tmp]\n' },
    { name: 'a quoted true', filename, code: 'services:\n  web:\n    image: web:1\n    read_only: "true"\n' },
    { name: 'through a merge key', filename, code: 'x-base: &base\n  read_only: true\nservices:\n  web:\n    <<: *base\n    image: web:1\n' },
    { name: 'from the override file', filename, files: { 'compose.override.yaml': 'services:\n  web:\n    read_only: true\n' }, code: 'services:\n  web:\n    image: web:1\n' },
    { name: 'an unknown variable is not judged', filename, code: 'services:\n  web:\n    image: web:1\n    read_only: ${RO}\n' },
  ],
  invalid: [
    {
      name: 'missing: at the service name; the suggestion adds a line, comments and anchors kept',
      filename,
      code: 'x-img: &img web:1\nservices:\n  web:   # the site\n    # pinned\n    image: *img\n',
      errors: [
        {
          messageId: 'writableRoot',
          data: { service: 'web' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 6,
          suggestions: [{ messageId: 'setReadOnly', output: 'x-img: &img web:1\nservices:\n  web:   # the site\n    read_only: true\n    # pinned\n    image: *img\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'false: at the value, which the suggestion replaces',
      filename,
      code: 'services:\n  web:\n    image: web:1\n    read_only: false # for now\n',
      errors: [
        {
          messageId: 'readOnlyOff',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 21,
          suggestions: [{ messageId: 'setReadOnly', output: 'services:\n  web:\n    image: web:1\n    read_only: true # for now\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'false from an anchor: reported once, without a suggestion',
      filename,
      code: 'x-base: &base\n  read_only: false\nservices:\n  a:\n    <<: *base\n    image: a:1\n  b:\n    <<: *base\n    image: b:1\n',
      errors: [{ messageId: 'readOnlyOff', data: { service: 'a' }, line: 2, column: 14, endLine: 2, endColumn: 19, suggestions: [] }],
      output: null,
    },
    {
      name: 'a flow mapping gets no suggestion',
      filename,
      code: 'services:\n  web: {image: web:1}\n',
      errors: [{ messageId: 'writableRoot', line: 2, column: 3, endLine: 2, endColumn: 6, suggestions: [] }],
      output: null,
    },
  ],
});
