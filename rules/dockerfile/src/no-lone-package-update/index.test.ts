import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const F = 'FROM debian:12\n';

new RuleTester().run('no-lone-package-update', rule, {
  valid: [
    `${F}RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n`,
    { name: 'a heredoc script that installs too', code: `${F}RUN <<EOF\nset -e\napt-get update\napt-get install -y gettext\nEOF\n` },
    { name: 'a RUN that does more than refreshing', code: `FROM alpine:3.20\nRUN apk update && ./install-tools.sh\n` },
  ],
  invalid: [
    {
      code: `${F}RUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n`,
      errors: [
        {
          messageId: 'loneUpdate',
          data: { command: 'apt-get update' },
          line: 2,
          column: 13,
          endLine: 2,
          endColumn: 19,
          suggestions: [{ messageId: 'mergeWithNext', data: { script: 'apt-get update' }, output: `${F}RUN apt-get update && apt-get install -y --no-install-recommends curl\n` }],
        },
      ],
      output: null,
    },
    {
      name: 'the next RUN keeps its flags and continuation lines',
      code: `FROM alpine:3.20\nRUN set -x; apk update\n\nRUN --mount=type=cache,target=/var/cache/apk \\\n    apk add curl\n`,
      errors: [
        {
          messageId: 'loneUpdate',
          data: { command: 'apk update' },
          line: 2,
          column: 17,
          endLine: 2,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'mergeWithNext',
              data: { script: 'set -x; apk update' },
              output: `FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk \\\n    set -x; apk update && apk add curl\n`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'no suggestion when the next instruction is not an install of the same family',
      code: `${F}RUN apt-get update\nCOPY . /app\nRUN apt-get install -y curl\nFROM opensuse/leap:15.6\nRUN zypper refresh\nRUN pip install flask==3.0.3\n`,
      errors: [
        { messageId: 'loneUpdate', data: { command: 'apt-get update' }, line: 2, column: 13, endLine: 2, endColumn: 19, suggestions: [] },
        { messageId: 'loneUpdate', data: { command: 'zypper refresh' }, line: 6, column: 12, endLine: 6, endColumn: 19, suggestions: [] },
      ],
      output: null,
    },
  ],
});
