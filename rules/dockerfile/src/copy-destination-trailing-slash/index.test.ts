import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('copy-destination-trailing-slash', rule, {
  valid: [
    'FROM alpine:3.20\nCOPY package.json /app\n',
    'FROM alpine:3.20\nCOPY package.json yarn.lock /app/\n',
    'FROM alpine:3.20\nCOPY a b "/app/"\n',
    'FROM alpine:3.20\nCOPY ["a", "b", "/app/"]\n',
    { name: 'a variable may end with a slash', code: 'FROM alpine:3.20\nCOPY a b $DEST\nCOPY a b ${DEST}\n' },
    { name: 'a Windows folder', code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY a b C:\\app\\\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nCOPY package.json yarn.lock /app\n',
      errors: [{ messageId: 'missingSlash', data: { keyword: 'COPY', count: '2', destination: '/app' }, line: 2, column: 29, endLine: 2, endColumn: 33 }],
      output: 'FROM alpine:3.20\nCOPY package.json yarn.lock /app/\n',
    },
    {
      name: 'quoted: the slash goes inside the quotes',
      code: 'FROM alpine:3.20\nCOPY --chown=app a b "dest"\n',
      errors: [{ messageId: 'missingSlash', data: { keyword: 'COPY', count: '2', destination: '"dest"' }, line: 2, column: 22, endLine: 2, endColumn: 28 }],
      output: 'FROM alpine:3.20\nCOPY --chown=app a b "dest/"\n',
    },
    {
      name: 'exec form, ADD and ONBUILD COPY',
      code: 'FROM alpine:3.20\nCOPY ["package.json", "yarn.lock", "myapp"]\nADD a.tar b.tar /opt\nONBUILD COPY a b c\n',
      errors: [
        { messageId: 'missingSlash', data: { keyword: 'COPY', count: '2', destination: '"myapp"' }, line: 2, column: 36, endLine: 2, endColumn: 43 },
        { messageId: 'missingSlash', data: { keyword: 'ADD', count: '2', destination: '/opt' }, line: 3, column: 17, endLine: 3, endColumn: 21 },
        { messageId: 'missingSlash', data: { keyword: 'COPY', count: '2', destination: 'c' }, line: 4, column: 18, endLine: 4, endColumn: 19 },
      ],
      output: 'FROM alpine:3.20\nCOPY ["package.json", "yarn.lock", "myapp/"]\nADD a.tar b.tar /opt/\nONBUILD COPY a b c/\n',
    },
    {
      name: 'two heredocs',
      code: 'FROM alpine:3.20\nCOPY <<one <<two /etc/app\nfirst\none\nsecond\ntwo\n',
      errors: [{ messageId: 'missingSlash', data: { keyword: 'COPY', count: '2', destination: '/etc/app' }, line: 2, column: 18, endLine: 2, endColumn: 26 }],
      output: 'FROM alpine:3.20\nCOPY <<one <<two /etc/app/\nfirst\none\nsecond\ntwo\n',
    },
  ],
});
