import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('no-empty-continuation', rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache \\\n    curl \\\n    git\n',
    // A comment line inside a continuation is fine.
    'FROM alpine:3.20\nRUN apk add --no-cache \\\n    # the HTTP client\n    curl\n',
    // Blank lines between instructions, and inside a heredoc body, are not continuations.
    'FROM alpine:3.20\n\nRUN echo hi\n',
    'FROM alpine:3.20\nRUN <<EOF\nset -e\n\necho hi\nEOF\n',
    // Another escape character.
    '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n    C:\\\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nEXPOSE \\\n\n80\n',
      errors: [{ messageId: 'emptyContinuation', line: 3, column: 1, endLine: 3, endColumn: 1 }],
      output: 'FROM alpine:3.20\nEXPOSE \\\n80\n',
    },
    {
      name: 'several blank lines, with spaces, and a comment line in between',
      code: 'FROM alpine:3.20\nRUN apk add \\\n  \n\n    # git\n\n    git\n',
      errors: [
        { messageId: 'emptyContinuation', line: 3, column: 1, endLine: 4, endColumn: 1 },
        { messageId: 'emptyContinuation', line: 6, column: 1, endLine: 6, endColumn: 1 },
      ],
      output: 'FROM alpine:3.20\nRUN apk add \\\n    # git\n    git\n',
    },
    {
      name: 'CRLF line endings',
      code: 'FROM alpine:3.20\r\nCOPY a \\\r\n\r\n  /b\r\n',
      errors: [{ messageId: 'emptyContinuation', line: 3, column: 1, endLine: 3, endColumn: 1 }],
      output: 'FROM alpine:3.20\r\nCOPY a \\\r\n  /b\r\n',
    },
  ],
});
