import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('no-legacy-key-value', rule, {
  valid: [
    'FROM alpine:3.20\nENV APP_HOME=/app\nLABEL org.opencontainers.image.title="app"\n',
    'FROM alpine:3.20\nENV A=1 B="two words"\n',
    // ARG a b declares two arguments: it is not the legacy form.
    'FROM alpine:3.20\nARG first second\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nENV APP_HOME /app\n',
      errors: [{ messageId: 'legacyFormat', data: { keyword: 'ENV', name: 'APP_HOME' }, line: 2, column: 5, endLine: 2, endColumn: 18 }],
      output: 'FROM alpine:3.20\nENV APP_HOME="/app"\n',
    },
    {
      name: 'the whole rest of the line is the value',
      code: 'FROM alpine:3.20\nLABEL description A small web app\n',
      errors: [{ messageId: 'legacyFormat', data: { keyword: 'LABEL', name: 'description' }, line: 2, column: 7, endLine: 2, endColumn: 34 }],
      output: 'FROM alpine:3.20\nLABEL description="A small web app"\n',
    },
    {
      name: 'variables expand the same inside double quotes',
      code: 'FROM alpine:3.20\nENV PATH /opt/app/bin:$PATH\n',
      errors: [{ messageId: 'legacyFormat', line: 2, column: 5, endLine: 2, endColumn: 28 }],
      output: 'FROM alpine:3.20\nENV PATH="/opt/app/bin:$PATH"\n',
    },
    {
      name: 'a continued value keeps its lines, and gains no leading spaces',
      code: 'FROM alpine:3.20\nENV DEPS \\\n    curl \\\n    git\n',
      errors: [{ messageId: 'legacyFormat', line: 2, column: 5, endLine: 4, endColumn: 8 }],
      output: 'FROM alpine:3.20\nENV DEPS="curl \\\n    git"\n',
    },
    {
      name: 'quotes in the value: no fix',
      code: 'FROM alpine:3.20\nENV GREETING "hello" world\n',
      errors: [{ messageId: 'legacyFormat', line: 2, column: 5, endLine: 2, endColumn: 27 }],
      output: null,
    },
    {
      name: 'a comment inside the continuation: no fix',
      code: 'FROM alpine:3.20\nENV DEPS \\\n# the client\n    curl\n',
      errors: [{ messageId: 'legacyFormat', line: 2, column: 5, endLine: 4, endColumn: 9 }],
      output: null,
    },
  ],
});
