import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('copy-from-defined-stage', rule, {
  valid: [
    'FROM golang:1.23 AS build\nRUN make\nFROM alpine:3.20\nCOPY --from=build /out /app\n',
    'FROM golang:1.23\nRUN make\nFROM alpine:3.20\nCOPY --from=0 /out /app\n',
    // Image references, and values only known at build time.
    'FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\nCOPY --from=ghcr.io/acme/tools /bin/tool /bin/tool\n',
    'FROM alpine:3.20\nCOPY --from=${TOOLS_IMAGE} /bin/tool /bin/tool\n',
    // Copying from the own stage is copy-from-no-self's problem.
    'FROM alpine:3.20 AS app\nCOPY --from=app /a /b\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nCOPY --from=builder /out /app\n',
      errors: [{ messageId: 'undefinedStage', data: { value: 'builder' }, line: 2, column: 13, endLine: 2, endColumn: 20 }],
      output: null,
    },
    {
      name: 'a stage defined further down',
      code: 'FROM alpine:3.20\nCOPY --from=build /out /app\nFROM golang:1.23 AS build\n',
      errors: [{ messageId: 'laterStage', data: { value: 'build', line: 3 }, line: 2, column: 13, endLine: 2, endColumn: 18 }],
      output: null,
    },
    {
      name: 'an index with no stage',
      code: 'FROM alpine:3.20\nCOPY --from=3 /out /app\n',
      errors: [{ messageId: 'undefinedStage', line: 2, column: 13, endLine: 2, endColumn: 14 }],
      output: null,
    },
    {
      name: 'allowIndex: false fixes an index to the stage name',
      code: 'FROM golang:1.23 AS build\nRUN make\nFROM alpine:3.20\nCOPY --from=0 /out /app\n',
      options: [{ allowIndex: false }],
      errors: [{ messageId: 'indexReference', data: { value: '0', hint: "; use its name 'build'" }, line: 4, column: 13, endLine: 4, endColumn: 14 }],
      output: 'FROM golang:1.23 AS build\nRUN make\nFROM alpine:3.20\nCOPY --from=build /out /app\n',
    },
    {
      name: 'allowIndex: false, and the stage has no name',
      code: 'FROM golang:1.23\nRUN make\nFROM alpine:3.20\nCOPY --from=0 /out /app\n',
      options: [{ allowIndex: false }],
      errors: [{ messageId: 'indexReference', data: { value: '0', hint: '; give stage 0 a name with AS' }, line: 4, column: 13, endLine: 4, endColumn: 14 }],
      output: null,
    },
  ],
});
