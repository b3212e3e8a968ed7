import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const filename = 'compose.yaml';

new RuleTester().run('volume-propagation', rule, {
  valid: [
    { filename, code: 'services:\n  media:\n    image: media:1\n    volumes:\n      - /mnt/usb:/media:ro,rslave\n      - type: bind\n        source: /mnt\n        target: /mnt\n        bind: {propagation: rprivate}\n' },
    { name: 'a mode word elsewhere in the entry', filename, code: 'services:\n  a:\n    image: a:1\n    volumes: [/srv/shared:/data/rshared:ro]\n' },
    { name: 'an unknown variable is not judged', filename, code: 'services:\n  a:\n    image: a:1\n    volumes: ["/srv:/srv:${MODE}"]\n' },
  ],
  invalid: [
    {
      name: 'short syntax: at the mode; the suggestion makes it one-way and keeps the rest of the line',
      filename,
      code: 'services:\n  rclone:\n    image: rclone:1\n    volumes:\n      - "/mnt/cloud:/data:rw,rshared" # FUSE mount for the host\n      - ./conf:/config\n',
      errors: [
        {
          messageId: 'sharedPropagation',
          data: { service: 'rclone', mode: 'rshared', replacement: 'rslave' },
          line: 5,
          column: 30,
          endLine: 5,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useSlave',
              data: { replacement: 'rslave' },
              output: 'services:\n  rclone:\n    image: rclone:1\n    volumes:\n      - "/mnt/cloud:/data:rw,rslave" # FUSE mount for the host\n      - ./conf:/config\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'long syntax: at the propagation value',
      filename,
      code: 'services:\n  a:\n    image: a:1\n    volumes:\n      - type: bind\n        source: /mnt\n        target: /mnt\n        bind:\n          propagation: shared\n',
      errors: [
        {
          messageId: 'sharedPropagation',
          data: { service: 'a', mode: 'shared', replacement: 'slave' },
          line: 9,
          column: 24,
          endLine: 9,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'useSlave',
              data: { replacement: 'slave' },
              output: 'services:\n  a:\n    image: a:1\n    volumes:\n      - type: bind\n        source: /mnt\n        target: /mnt\n        bind:\n          propagation: slave\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a value from .env: the whole entry, no suggestion',
      filename,
      files: { '.env': 'MODE=shared\n' },
      code: 'services:\n  a:\n    image: a:1\n    volumes: ["/mnt:/mnt:${MODE}"]\n',
      errors: [{ messageId: 'sharedPropagation', data: { service: 'a', mode: 'shared', replacement: 'slave' }, line: 4, column: 15, endLine: 4, endColumn: 34, suggestions: [] }],
      output: null,
    },
  ],
});
