import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const F = 'FROM alpine:3.20\n';

new RuleTester().run('apk-add-no-cache', rule, {
  valid: [
    `${F}RUN apk add --no-cache curl\n`,
    `${F}RUN apk --no-cache add curl && apk del curl\n`,
    { name: 'a cache mount', code: `${F}RUN --mount=type=cache,target=/var/cache/apk apk add -U curl\n` },
    { name: 'a tmpfs mount on a parent folder', code: `${F}RUN --mount=type=tmpfs,dst=/var/cache/ apk add curl\n` },
    { name: 'the cache removed afterwards', code: `${F}RUN apk add -U curl && rm -rf /var/cache/apk/*\n` },
    `${F}RUN apk update && apk add curl && apk cache clean\n`,
    `${F}RUN apk del curl && apk info\n`,
    {
      // Corpus: docker-library/ruby 3.4/alpine3.23/Dockerfile (run-time dependencies of a build already installed).
      name: '--no-network downloads nothing',
      code: `${F}RUN apk add --no-cache --virtual .build gcc; \\\n    apk add --no-network --virtual .rundeps $runDeps; \\\n    apk del --no-network .build\n`,
    },
    { name: 'PowerShell is not analysed', code: 'FROM alpine:3.20\nSHELL ["pwsh", "-c"]\nRUN apk add curl\n' },
  ],
  invalid: [
    {
      code: `${F}RUN apk add curl\n`,
      errors: [{ messageId: 'missingNoCache', line: 2, column: 9, endLine: 2, endColumn: 12 }],
      output: `${F}RUN apk add --no-cache curl\n`,
    },
    {
      name: 'a cache mount elsewhere does not help; continued lines, global options',
      code: `${F}RUN --mount=type=cache,target=/root/.cache \\\n    apk -U \\\n      add --virtual .build gcc\n`,
      errors: [{ messageId: 'missingNoCache', line: 4, column: 7, endLine: 4, endColumn: 10 }],
      output: `${F}RUN --mount=type=cache,target=/root/.cache \\\n    apk -U \\\n      add --no-cache --virtual .build gcc\n`,
    },
    {
      name: 'sh -c strings, exec form, ONBUILD, heredocs',
      code: `${F}RUN sh -c "apk add curl"\nRUN ["apk", "add", "git"]\nONBUILD RUN apk add make\nRUN <<EOF\napk add bash\nEOF\n`,
      errors: [
        { messageId: 'missingNoCache', line: 2, column: 16, endLine: 2, endColumn: 19 },
        { messageId: 'missingNoCache', line: 3, column: 13, endLine: 3, endColumn: 18 },
        { messageId: 'missingNoCache', line: 4, column: 17, endLine: 4, endColumn: 20 },
        { messageId: 'missingNoCache', line: 6, column: 5, endLine: 6, endColumn: 8 },
      ],
      output: `${F}RUN sh -c "apk add --no-cache curl"\nRUN ["apk", "add", "--no-cache", "git"]\nONBUILD RUN apk add --no-cache make\nRUN <<EOF\napk add --no-cache bash\nEOF\n`,
    },
    {
      name: 'removing the cache before the install does not help',
      code: `${F}RUN rm -rf /var/cache/apk/* && apk add curl\n`,
      errors: [{ messageId: 'missingNoCache', line: 2, column: 36, endLine: 2, endColumn: 39 }],
      output: `${F}RUN rm -rf /var/cache/apk/* && apk add --no-cache curl\n`,
    },
  ],
});
