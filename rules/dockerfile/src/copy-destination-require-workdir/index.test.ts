import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('copy-destination-require-workdir', rule, {
  valid: [
    'FROM alpine:3.20\nCOPY app.sh /usr/local/bin/app.sh\n',
    'FROM alpine:3.20\nWORKDIR /app\nCOPY . .\n',
    { name: 'variables and Windows drives', code: 'FROM alpine:3.20\nCOPY a.sh $APP_HOME\nCOPY b.sh "${APP_HOME}/bin/"\nCOPY d.ipynb "${HOME}"/d.ipynb\nCOPY c.ps1 c:\\tools\\c.ps1\n' },
    { name: 'WORKDIR of the stage it is built on', code: 'FROM alpine:3.20 AS base\nWORKDIR /app\nFROM base\nCOPY . .\n' },
    { name: 'ONBUILD WORKDIR before ONBUILD COPY', code: 'FROM alpine:3.20\nONBUILD WORKDIR /app\nONBUILD COPY . .\n' },
    { name: 'exec form', code: 'FROM alpine:3.20\nCOPY ["a b.txt", "/srv/"]\n' },
    {
      // Corpus: moby/buildkit hack/dockerfiles/archutil.Dockerfile (`FROM scratch AS exits`).
      name: 'scratch has no working directory of its own: relative paths start at /',
      code: 'FROM golang:1.23 AS build\nFROM scratch AS exits\nCOPY --from=build /src/exit amd64\nFROM exits AS all\nCOPY --from=build /src/exit arm64\n',
    },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nCOPY app.sh bin/app.sh\n',
      errors: [{ messageId: 'relativeDestination', data: { keyword: 'COPY', destination: 'bin/app.sh' }, line: 2, column: 13, endLine: 2, endColumn: 23 }],
      output: null,
    },
    {
      name: 'a WORKDIR in another stage does not count; quoted, ADD and exec form',
      code: 'FROM alpine:3.20 AS build\nWORKDIR /src\nFROM alpine:3.20\nCOPY --from=build /src/out "out"\nADD app.tar.gz .\nCOPY ["a.txt", "b/"]\n',
      errors: [
        { messageId: 'relativeDestination', data: { keyword: 'COPY', destination: '"out"' }, line: 4, column: 28, endLine: 4, endColumn: 33 },
        { messageId: 'relativeDestination', data: { keyword: 'ADD', destination: '.' }, line: 5, column: 16, endLine: 5, endColumn: 17 },
        { messageId: 'relativeDestination', data: { keyword: 'COPY', destination: '"b/"' }, line: 6, column: 16, endLine: 6, endColumn: 20 },
      ],
      output: null,
    },
    {
      name: 'a WORKDIR after the COPY, and ONBUILD WORKDIR before a plain COPY',
      code: 'FROM alpine:3.20\nONBUILD WORKDIR /app\nCOPY a b\nWORKDIR /app\n',
      errors: [{ messageId: 'relativeDestination', data: { keyword: 'COPY', destination: 'b' }, line: 3, column: 8, endLine: 3, endColumn: 9 }],
      output: null,
    },
    {
      name: 'ONBUILD COPY and a heredoc',
      code: 'FROM alpine:3.20\nONBUILD COPY --chown=app a b\nCOPY <<EOF run.sh\necho hi\nEOF\n',
      errors: [
        { messageId: 'relativeDestination', data: { keyword: 'COPY', destination: 'b' }, line: 2, column: 28, endLine: 2, endColumn: 29 },
        { messageId: 'relativeDestination', data: { keyword: 'COPY', destination: 'run.sh' }, line: 3, column: 12, endLine: 3, endColumn: 18 },
      ],
      output: null,
    },
  ],
});
