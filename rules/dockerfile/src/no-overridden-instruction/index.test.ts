import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

/** A file's text from its lines, each ending with a line feed. */
const lines = (...text: string[]): string => text.map((line) => `${line}\n`).join('');

new RuleTester().run('no-overridden-instruction', rule, {
  valid: [
    lines('FROM python:3.13-slim', 'ENTRYPOINT ["python", "-m", "app"]', 'CMD ["--port", "8000"]', 'HEALTHCHECK CMD ["python", "-m", "app.health"]'),
    { name: 'one per stage', code: lines('FROM node:22 AS build', 'CMD ["npm", "test"]', '', 'FROM node:22-slim', 'CMD ["node", "server.js"]') },
    { name: 'a stage may replace what its parent stage set', code: lines('FROM alpine:3.20 AS base', 'CMD ["sh"]', 'FROM base AS debug', 'CMD ["ash"]') },
    { name: 'ONBUILD CMD belongs to child images', code: lines('FROM alpine:3.20', 'ONBUILD CMD ["a"]', 'CMD ["b"]') },
    { name: 'instructions left out by the option', code: lines('FROM alpine:3.20', 'CMD ["a"]', 'CMD ["b"]'), options: [{ instructions: ['ENTRYPOINT'] }] },
  ],
  invalid: [
    {
      name: 'the earlier CMD is reported and can be removed',
      code: lines('FROM python:3.13-slim', 'CMD ["python", "app.py"]', 'COPY . /app', 'CMD ["gunicorn", "app:app"]'),
      errors: [
        {
          messageId: 'overridden',
          data: { keyword: 'CMD', line: 4 },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 25,
          suggestions: [{ messageId: 'removeInstruction', data: { keyword: 'CMD', line: 4 }, output: lines('FROM python:3.13-slim', 'COPY . /app', 'CMD ["gunicorn", "app:app"]') }],
        },
      ],
      output: null,
    },
    {
      name: 'every earlier one is reported, each pointing at the last',
      code: lines('FROM debian:12', 'ENTRYPOINT ["/a"]', 'ENTRYPOINT ["/b"]', 'ENTRYPOINT ["/c"]'),
      errors: [
        { messageId: 'overridden', data: { keyword: 'ENTRYPOINT', line: 4 }, line: 2, column: 1, endLine: 2, endColumn: 18 },
        { messageId: 'overridden', data: { keyword: 'ENTRYPOINT', line: 4 }, line: 3, column: 1, endLine: 3, endColumn: 18 },
      ],
      output: null,
    },
    {
      name: 'a HEALTHCHECK over several lines, indented, with CRLF line ends',
      code: 'FROM nginx:1.27\r\n  HEALTHCHECK --interval=30s \\\r\n    CMD ["curl", "-f", "http://localhost/"]\r\nHEALTHCHECK NONE\r\n',
      errors: [
        {
          messageId: 'overridden',
          data: { keyword: 'HEALTHCHECK', line: 4 },
          line: 2,
          column: 3,
          endLine: 3,
          endColumn: 44,
          suggestions: [{ messageId: 'removeInstruction', data: { keyword: 'HEALTHCHECK', line: 4 }, output: 'FROM nginx:1.27\r\nHEALTHCHECK NONE\r\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'stages are judged apart',
      code: lines('FROM alpine:3.20 AS a', 'CMD ["a"]', 'FROM alpine:3.20 AS b', 'CMD ["b1"]', 'CMD ["b2"]'),
      errors: [{ messageId: 'overridden', data: { keyword: 'CMD', line: 5 }, line: 4, column: 1, endLine: 4, endColumn: 11 }],
      output: null,
    },
  ],
});
