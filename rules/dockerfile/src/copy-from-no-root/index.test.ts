import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('copy-from-no-root', rule, {
  valid: [
    'FROM alpine:3.20\nCOPY / /\n',
    'FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /out /\n',
    'FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build / /rootfs\n',
  ],
  invalid: [
    {
      code: 'FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build / /\n',
      errors: [{ messageId: 'wholeFilesystem', data: { from: 'build' }, line: 3, column: 19, endLine: 3, endColumn: 20 }],
      output: null,
    },
    {
      name: 'quoted, and in JSON form',
      code: 'FROM scratch\nCOPY --from=busybox:1.37 "/" "/"\nCOPY --from=busybox:1.37 ["/", "/"]\n',
      errors: [
        { messageId: 'wholeFilesystem', line: 2, column: 26, endLine: 2, endColumn: 29 },
        { messageId: 'wholeFilesystem', line: 3, column: 27, endLine: 3, endColumn: 30 },
      ],
      output: null,
    },
  ],
});
