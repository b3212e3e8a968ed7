import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('stage-name-casing', rule, {
  valid: [
    'FROM alpine:3.20 AS build-base\n',
    'FROM alpine:3.20\n',
    // Image names are not stage names.
    'FROM Registry.example.com/Team/app:1\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20 AS BuilderBase\nRUN make\n',
      errors: [{ messageId: 'stageNameCasing', data: { name: 'BuilderBase', expected: 'builderbase' }, line: 1, column: 21, endLine: 1, endColumn: 32 }],
      output: 'FROM alpine:3.20 AS builderbase\nRUN make\n',
    },
    {
      name: 'references to the stage are recased with it',
      code: [
        'FROM golang:1.23 AS Build',
        'RUN go build -o /out/app .',
        'FROM Build AS Test',
        'RUN --mount=type=cache,from=Build,target=/cache go test ./...',
        'FROM alpine:3.20',
        'COPY --from=Build /out/app /usr/local/bin/app',
        'COPY --from=0 /out/app /opt/app',
        '',
      ].join('\n'),
      errors: [
        { messageId: 'stageNameCasing', line: 1, column: 21, endLine: 1, endColumn: 26 },
        { messageId: 'stageNameCasing', line: 3, column: 15, endLine: 3, endColumn: 19 },
      ],
      output: [
        'FROM golang:1.23 AS build',
        'RUN go build -o /out/app .',
        'FROM build AS test',
        'RUN --mount=type=cache,from=build,target=/cache go test ./...',
        'FROM alpine:3.20',
        'COPY --from=build /out/app /usr/local/bin/app',
        'COPY --from=0 /out/app /opt/app',
        '',
      ].join('\n'),
    },
  ],
});
