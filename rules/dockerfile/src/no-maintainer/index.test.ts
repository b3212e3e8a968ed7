import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('no-maintainer', rule, {
  valid: ['FROM alpine:3.20\nLABEL org.opencontainers.image.authors="jane@example.com"\n'],
  invalid: [
    {
      code: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n',
      errors: [{ messageId: 'maintainer', data: { labelKey: 'org.opencontainers.image.authors' }, line: 2, column: 1, endLine: 2, endColumn: 39 }],
      output: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n',
    },
    {
      name: 'wrapping quotes are dropped; quotes, $ and the escape character inside are escaped',
      code: 'FROM alpine:3.20\nmaintainer "Jane $HOME \\"JD\\" Doe"\n',
      errors: [{ messageId: 'maintainer', line: 2, column: 1, endLine: 2, endColumn: 35 }],
      output: 'FROM alpine:3.20\nlabel org.opencontainers.image.authors="\\"Jane \\$HOME \\\\\\"JD\\\\\\" Doe\\""\n',
    },
    {
      name: 'a configured label key',
      code: 'FROM alpine:3.20\nMAINTAINER "Jane Doe"\n',
      options: [{ labelKey: 'maintainer' }],
      errors: [{ messageId: 'maintainer', data: { labelKey: 'maintainer' }, line: 2, column: 1, endLine: 2, endColumn: 22 }],
      output: 'FROM alpine:3.20\nLABEL maintainer="Jane Doe"\n',
    },
  ],
});
