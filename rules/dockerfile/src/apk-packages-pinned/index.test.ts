import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const F = 'FROM alpine:3.20\n';

new RuleTester().run('apk-packages-pinned', rule, {
  valid: [
    `${F}RUN apk add --no-cache curl=8.9.1-r2 'git~2.45' "bash>=5.2" musl=~1.2 ./local-1.0.apk\n`,
    { name: 'values of --virtual and --repository are not packages', code: `${F}RUN apk add --virtual .build-deps -X https://dl-cdn.alpinelinux.org/alpine/edge/testing gcc=13.2.1_git20240309-r0\n` },
    `${F}RUN apk add --no-cache $PACKAGES && apk del curl\n`,
  ],
  invalid: [
    {
      code: `${F}RUN apk add --no-cache curl=8.9.1-r2 git\n`,
      errors: [{ messageId: 'unpinned', data: { package: 'git' }, line: 2, column: 38, endLine: 2, endColumn: 41 }],
      output: null,
    },
    {
      name: 'continued lines, sh -c, exec form, ONBUILD',
      code: `${F}RUN apk add --no-cache \\\n    bash \\\n    make=4.4.1-r2\nRUN sh -c 'apk add vim'\nRUN ["apk", "add", "gcc"]\nONBUILD RUN apk --update add musl-dev\n`,
      errors: [
        { messageId: 'unpinned', data: { package: 'bash' }, line: 3, column: 5, endLine: 3, endColumn: 9 },
        { messageId: 'unpinned', data: { package: 'vim' }, line: 5, column: 20, endLine: 5, endColumn: 23 },
        { messageId: 'unpinned', data: { package: 'gcc' }, line: 6, column: 20, endLine: 6, endColumn: 25 },
        { messageId: 'unpinned', data: { package: 'musl-dev' }, line: 7, column: 30, endLine: 7, endColumn: 38 },
      ],
      output: null,
    },
  ],
});
