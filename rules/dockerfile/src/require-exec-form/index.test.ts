import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

/** A file's text from its lines, each ending with a line feed. */
const lines = (...text: string[]): string => text.map((line) => `${line}\n`).join('');

new RuleTester().run('require-exec-form', rule, {
  valid: [
    lines('FROM python:3.13-slim', 'ENTRYPOINT ["python", "-m", "app"]', 'CMD ["--port", "8000"]'),
    lines('FROM nginx:1.27', 'HEALTHCHECK --interval=30s CMD ["curl", "-f", "http://localhost/"]'),
    { name: 'HEALTHCHECK NONE runs nothing', code: lines('FROM nginx:1.27', 'HEALTHCHECK NONE') },
    { name: 'exec form over continued lines', code: lines('FROM alpine:3.20', 'CMD ["/bin/sh", "-c", \\', '     "echo a && echo b"]') },
    { name: 'a SHELL earlier in the stage', code: lines('FROM alpine:3.20', 'SHELL ["/bin/ash", "-eo", "pipefail", "-c"]', 'CMD echo "$HOME"') },
    { name: 'a SHELL in the stage it is built from', code: lines('FROM alpine:3.20 AS base', 'SHELL ["/bin/ash", "-c"]', 'FROM base', 'ENTRYPOINT ./run.sh') },
    { name: 'broken JSON is left to no-shell-in-json-cmd', code: lines('FROM python:3.13-slim', "CMD ['python', 'app.py']") },
    { name: 'HEALTHCHECK left out by the option', code: lines('FROM nginx:1.27', 'HEALTHCHECK CMD curl -f http://localhost/ || exit 1'), options: [{ instructions: ['CMD', 'ENTRYPOINT'] }] },
  ],
  invalid: [
    {
      name: 'plain words become a JSON array',
      code: lines('FROM python:3.13-slim', 'CMD gunicorn --bind 0.0.0.0:8000 app.wsgi:application'),
      errors: [{ messageId: 'shellForm', data: { keyword: 'CMD' }, line: 2, column: 5, endLine: 2, endColumn: 54, suggestions: [] }],
      output: lines('FROM python:3.13-slim', 'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.wsgi:application"]'),
    },
    {
      name: 'a leading exec is dropped, continuations are joined',
      code: lines('FROM node:22-slim', 'ENTRYPOINT exec node \\', '    server.js'),
      errors: [{ messageId: 'shellForm', data: { keyword: 'ENTRYPOINT' }, line: 2, column: 12, endLine: 3, endColumn: 14 }],
      output: lines('FROM node:22-slim', 'ENTRYPOINT ["node", "server.js"]'),
    },
    {
      name: 'the command of a HEALTHCHECK, after its flags',
      code: lines('FROM redis:7.4', 'HEALTHCHECK --interval=10s --retries=3 CMD redis-cli ping'),
      errors: [{ messageId: 'shellFormHealthcheck', line: 2, column: 44, endLine: 2, endColumn: 58 }],
      output: lines('FROM redis:7.4', 'HEALTHCHECK --interval=10s --retries=3 CMD ["redis-cli", "ping"]'),
    },
    {
      name: 'shell syntax: the shell is made explicit, as a suggestion',
      code: lines('FROM python:3.13-slim', 'CMD streamlit run app.py --server.port=$PORT'),
      errors: [
        {
          messageId: 'shellForm',
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 45,
          suggestions: [{ messageId: 'useExplicitShell', output: lines('FROM python:3.13-slim', 'CMD ["/bin/sh", "-c", "streamlit run app.py --server.port=$PORT"]') }],
        },
      ],
      output: null,
    },
    {
      name: 'quotes and operators over continued lines, in a HEALTHCHECK',
      code: lines('FROM nginx:1.27', 'HEALTHCHECK CMD curl -f "http://localhost/" \\', '  || exit 1'),
      errors: [
        {
          messageId: 'shellFormHealthcheck',
          line: 2,
          column: 17,
          endLine: 3,
          endColumn: 12,
          suggestions: [{ messageId: 'useExplicitShell', output: lines('FROM nginx:1.27', 'HEALTHCHECK CMD ["/bin/sh", "-c", "curl -f \\"http://localhost/\\"   || exit 1"]') }],
        },
      ],
      output: null,
    },
    {
      name: 'a builtin needs the shell',
      code: lines('FROM python:3.13-slim', 'CMD cd /app'),
      errors: [{ messageId: 'shellForm', line: 2, column: 5, endLine: 2, endColumn: 12, suggestions: [{ messageId: 'useExplicitShell', output: lines('FROM python:3.13-slim', 'CMD ["/bin/sh", "-c", "cd /app"]') }] }],
      output: null,
    },
    {
      name: 'a CMD under an exec-form ENTRYPOINT: its arguments would change, so only a suggestion',
      code: lines('FROM postgres:17', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD postgres -c max_connections=200'),
      errors: [
        {
          messageId: 'shellForm',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'useExecForm',
              data: { json: '["postgres", "-c", "max_connections=200"]' },
              output: lines('FROM postgres:17', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["postgres", "-c", "max_connections=200"]'),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'an ENTRYPOINT that a later CMD would be appended to: only a suggestion',
      code: lines('FROM alpine:3.20', 'ENTRYPOINT /usr/local/bin/serve', 'CMD ["--verbose"]'),
      errors: [
        {
          messageId: 'shellForm',
          line: 2,
          column: 12,
          endLine: 2,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'useExecForm',
              data: { json: '["/usr/local/bin/serve"]' },
              output: lines('FROM alpine:3.20', 'ENTRYPOINT ["/usr/local/bin/serve"]', 'CMD ["--verbose"]'),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'an ENTRYPOINT whose child stage sets CMD: only a suggestion',
      code: lines('FROM alpine:3.20 AS base', 'ENTRYPOINT serve', 'FROM base', 'CMD ["--port", "80"]'),
      errors: [
        {
          messageId: 'shellForm',
          line: 2,
          column: 12,
          endLine: 2,
          endColumn: 17,
          suggestions: [{ messageId: 'useExecForm', data: { json: '["serve"]' }, output: lines('FROM alpine:3.20 AS base', 'ENTRYPOINT ["serve"]', 'FROM base', 'CMD ["--port", "80"]') }],
        },
      ],
      output: null,
    },
    {
      name: 'a CMD under a shell-form ENTRYPOINT is ignored either way: fixed',
      code: lines('FROM alpine:3.20', 'ENTRYPOINT ./run.sh', 'CMD serve'),
      errors: [
        { messageId: 'shellForm', data: { keyword: 'ENTRYPOINT' }, line: 2, column: 12, endLine: 2, endColumn: 20, suggestions: [{ messageId: 'useExecForm', output: lines('FROM alpine:3.20', 'ENTRYPOINT ["./run.sh"]', 'CMD serve') }] },
        { messageId: 'shellForm', data: { keyword: 'CMD' }, line: 3, column: 5, endLine: 3, endColumn: 10, suggestions: [] },
      ],
      output: lines('FROM alpine:3.20', 'ENTRYPOINT ./run.sh', 'CMD ["serve"]'),
    },
    {
      name: 'Windows images have another default shell: reported without a rewrite',
      code: lines('FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'CMD ping localhost'),
      errors: [{ messageId: 'shellForm', line: 2, column: 5, endLine: 2, endColumn: 19, suggestions: [] }],
      output: null,
    },
  ],
});
