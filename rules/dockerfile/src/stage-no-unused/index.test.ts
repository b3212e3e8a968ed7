import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('stage-no-unused', rule, {
  valid: [
    'FROM alpine:3.20\n',
    'FROM golang:1.23 AS build\nRUN make\nFROM alpine:3.20\nCOPY --from=build /out /app\n',
    'FROM busybox:1.37 AS tools\nFROM alpine:3.20 AS base\nFROM base AS app\nRUN --mount=type=bind,from=tools,target=/t true\n',
    // A stage named further down is still built.
    'FROM alpine:3.20\nCOPY --from=later /a /b\nFROM busybox:1.37 AS later\nFROM alpine:3.20 AS app\nCOPY --from=0 /b /c\n',
    'FROM golang:1.23\nFROM alpine:3.20\nCOPY --from=0 /out /app\n',
    // A stage chosen by a variable could be any of them.
    'ARG VARIANT=slim\nFROM debian:12 AS slim\nFROM debian:12 AS full\nFROM ${VARIANT}\n',
    { code: 'FROM alpine:3.20 AS test\nRUN make test\nFROM alpine:3.20 AS app\n', options: [{ targets: ['test'] }] },
    {
      name: 'a Compose build.target is an entry point',
      code: 'FROM alpine:3.20 AS dev\nFROM alpine:3.20 AS app\n',
      files: { 'compose.yaml': 'services:\n  app:\n    build:\n      context: .\n      target: dev\n' },
    },
  ],
  invalid: [
    {
      code: 'FROM golang:1.23 AS build\nRUN make\nFROM alpine:3.20 AS test\nFROM alpine:3.20\nCOPY --from=build /out /app\n',
      errors: [{ messageId: 'unusedStage', data: { stage: "Stage 'test'" }, line: 3, column: 21, endLine: 3, endColumn: 25 }],
      output: null,
    },
    {
      name: 'an unnamed stage is reported at its FROM',
      code: 'FROM golang:1.23\nRUN make\nFROM alpine:3.20\n',
      errors: [{ messageId: 'unusedStage', data: { stage: 'Stage 0' }, line: 1, column: 1, endLine: 1, endColumn: 5 }],
      output: null,
    },
  ],
});
