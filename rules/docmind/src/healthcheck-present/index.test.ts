import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lintProject, lintText, type LintMessage } from '@docmind-docker-lint/core';
import { RuleTester } from '@docmind-docker-lint/rule-tester';
import { describe, expect, it } from 'vitest';
import rule from './index.js';

/** A file's text from its lines, each ending with a line feed. */
const lines = (...text: string[]): string => text.map((line) => `${line}\n`).join('');

/** The suggested HEALTHCHECK for Streamlit on a port. */
const streamlitCheck = (port: number): string =>
  `HEALTHCHECK CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:${port}/_stcore/health')"]`;

const COMPOSE_APP = lines('services:', '  app:', '    build: .', '    ports:', '      - "8501:8501"');
const COMPOSE_APP_WITH_HEALTHCHECK = lines(
  'services:',
  '  app:',
  '    build: .',
  '    healthcheck:',
  '      test: ["CMD", "curl", "-f", "http://127.0.0.1:8000/health"]',
);
const STREAMLIT_STAGE = ['FROM python:3.13-slim', 'EXPOSE 8501', 'CMD ["streamlit", "run", "app.py"]'];

new RuleTester().run('healthcheck-present', rule, {
  valid: [
    { name: 'a HEALTHCHECK beside EXPOSE', code: lines(...STREAMLIT_STAGE.slice(0, 2), streamlitCheck(8501), STREAMLIT_STAGE[2]!) },
    { name: 'HEALTHCHECK NONE is an explicit opt-out', code: lines('FROM node:22-slim', 'EXPOSE 3000', 'HEALTHCHECK NONE', 'CMD ["node", "server.js"]') },
    { name: 'a batch job neither exposes a port nor starts a server', code: lines('FROM python:3.13-slim', 'CMD ["python", "-m", "app.ingest"]') },
    { name: 'a build stage that runs node is not the image', code: lines('FROM node:22 AS assets', 'RUN npm run build', 'CMD ["node", "build.js"]', '', 'FROM nginx:1.27', 'COPY --from=assets /dist /usr/share/nginx/html') },
    {
      name: 'a stage inherits the HEALTHCHECK of the stage it is built from',
      code: lines('FROM python:3.13-slim AS base', streamlitCheck(8501), '', 'FROM base', 'EXPOSE 8501', 'CMD ["streamlit", "run", "app.py"]'),
    },
    { name: 'every Compose service that builds the image has a healthcheck', code: lines(...STREAMLIT_STAGE), files: { 'compose.yaml': COMPOSE_APP_WITH_HEALTHCHECK } },
    {
      name: 'a Compose healthcheck from a merge key',
      code: lines(...STREAMLIT_STAGE),
      files: {
        'compose.yaml': lines(
          'x-checked: &checked',
          '  healthcheck:',
          '    test: ["CMD-SHELL", "curl -f http://127.0.0.1:8501/_stcore/health"]',
          'services:',
          '  app:',
          '    <<: *checked',
          '    build: .',
        ),
      },
    },
    {
      name: 'a Compose healthcheck from an alias, in string form',
      code: lines(...STREAMLIT_STAGE),
      files: {
        'compose.yaml': lines(
          'x-check: &check',
          '  test: curl -f http://127.0.0.1:8501/_stcore/health',
          'services:',
          '  app:',
          '    build: .',
          '    healthcheck: *check',
        ),
      },
    },
    {
      name: 'a Compose healthcheck from a service of the same file it extends',
      code: lines(...STREAMLIT_STAGE),
      files: {
        'compose.yaml': lines(
          'services:',
          '  base:',
          '    image: example/base:1',
          '    healthcheck:',
          '      test: ["CMD", "true"]',
          '  app:',
          '    extends: base',
          '    build: .',
        ),
      },
    },
    {
      name: 'a service that extends one in another file may get its healthcheck there',
      code: lines(...STREAMLIT_STAGE),
      files: { 'compose.yaml': lines('services:', '  app:', '    extends:', '      file: common.yaml', '      service: web', '    build: .') },
    },
    {
      name: 'the servers option replaces the default list',
      code: lines('FROM node:22-slim', 'CMD ["node", "server.js"]'),
      options: [{ servers: ['streamlit'] }],
    },
    {
      name: 'an ENTRYPOINT resets the CMD inherited from the stage it is built from',
      code: lines('FROM python:3.13-slim AS web', 'CMD ["uvicorn", "app:app"]', '', 'FROM web', 'ENTRYPOINT ["python", "-m", "app.migrate"]'),
    },
    { name: 'python without -m runs a script, not a known server', code: lines('FROM python:3.13-slim', 'CMD ["python", "streamlit_helper.py"]') },
    {
      // Corpus: nodejs/docker-node 22/alpine3.23/Dockerfile, the official image's REPL default.
      name: 'node without a script opens the REPL, not a server',
      code: lines('FROM alpine:3.23', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD [ "node" ]'),
    },
    { name: 'node with options only still opens the REPL', code: lines('FROM node:22-slim', 'CMD node --max-old-space-size=512') },
  ],
  invalid: [
    {
      name: 'node with options and a script serves',
      code: lines('FROM node:22-slim', 'CMD ["node", "--enable-source-maps", "server.js"]'),
      errors: [{ messageId: 'missingHealthcheck', data: { stage: 'The final stage', what: 'with `node`' }, line: 2, column: 6, endLine: 2, endColumn: 12, suggestions: [] }],
      output: null,
    },
    {
      name: 'node -e runs code given on the command line',
      code: lines('FROM node:22-slim', 'CMD ["node", "-e", "require(\'./server\')"]'),
      errors: [{ messageId: 'missingHealthcheck', data: { stage: 'The final stage', what: 'with `node`' }, line: 2, column: 6, endLine: 2, endColumn: 12, suggestions: [] }],
      output: null,
    },
    {
      name: 'EXPOSE and a Streamlit CMD: reported at the port, Streamlit check suggested before CMD',
      code: lines('FROM python:3.13-slim', 'WORKDIR /app', 'EXPOSE 8501', 'CMD ["streamlit", "run", "app.py"]'),
      errors: [
        {
          messageId: 'missingHealthcheck',
          data: { stage: 'The final stage', what: 'on port 8501' },
          line: 3,
          column: 8,
          endLine: 3,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'addStreamlitHealthcheck',
              data: { port: 8501 },
              output: lines('FROM python:3.13-slim', 'WORKDIR /app', 'EXPOSE 8501', streamlitCheck(8501), 'CMD ["streamlit", "run", "app.py"]'),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'the port of --server.port wins over EXPOSE; blank lines around CMD are kept',
      code: lines('FROM python:3.13-slim', '', 'EXPOSE 8501', '', 'CMD ["streamlit", "run", "app.py", "--server.port", "8080"]'),
      errors: [
        {
          messageId: 'missingHealthcheck',
          line: 3,
          column: 8,
          endLine: 3,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'addStreamlitHealthcheck',
              data: { port: 8080 },
              output: lines('FROM python:3.13-slim', '', 'EXPOSE 8501', '', streamlitCheck(8080), '', 'CMD ["streamlit", "run", "app.py", "--server.port", "8080"]'),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'without EXPOSE: reported at the server word of a shell-form CMD behind uv run',
      code: lines('FROM python:3.13-slim', 'ENV STREAMLIT_SERVER_PORT=9000', 'CMD uv run --frozen streamlit run app.py'),
      errors: [
        {
          messageId: 'missingHealthcheck',
          data: { stage: 'The final stage', what: 'with `streamlit`' },
          line: 3,
          column: 21,
          endLine: 3,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'addStreamlitHealthcheck',
              data: { port: 9000 },
              output: lines('FROM python:3.13-slim', 'ENV STREAMLIT_SERVER_PORT=9000', streamlitCheck(9000), 'CMD uv run --frozen streamlit run app.py'),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a non-Streamlit server: reported at its exec-form element, nothing suggested',
      code: lines('FROM python:3.13-slim', 'CMD ["/app/.venv/bin/uvicorn", "app:app", "--host", "0.0.0.0"]'),
      errors: [{ messageId: 'missingHealthcheck', data: { stage: 'The final stage', what: 'with `uvicorn`' }, line: 2, column: 6, endLine: 2, endColumn: 30, suggestions: [] }],
      output: null,
    },
    {
      name: 'a launcher option with a value is stepped over',
      code: lines('FROM python:3.13-slim', 'CMD uv run --env-file .env uvicorn app:app'),
      errors: [{ messageId: 'missingHealthcheck', data: { stage: 'The final stage', what: 'with `uvicorn`' }, line: 2, column: 28, endLine: 2, endColumn: 35 }],
      output: null,
    },
    {
      name: 'a sh -c script: reported at the script; a port from a variable is not used',
      code: lines('FROM python:3.13-slim', 'CMD ["sh", "-c", "exec streamlit run app.py --server.port=$PORT"]'),
      errors: [
        {
          messageId: 'missingHealthcheck',
          data: { stage: 'The final stage', what: 'with `streamlit`' },
          line: 2,
          column: 18,
          endLine: 2,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'addStreamlitHealthcheck',
              data: { port: 8501 },
              output: lines('FROM python:3.13-slim', streamlitCheck(8501), 'CMD ["sh", "-c", "exec streamlit run app.py --server.port=$PORT"]'),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'python -m http.server',
      code: lines('FROM python:3.13-alpine', 'CMD python3 -u -m http.server 8000'),
      errors: [{ messageId: 'missingHealthcheck', data: { stage: 'The final stage', what: 'with `http.server`' }, line: 2, column: 19, endLine: 2, endColumn: 30 }],
      output: null,
    },
    {
      name: 'an init ENTRYPOINT runs the CMD: the server is named in the CMD',
      code: lines('FROM python:3.13-slim', 'ENTRYPOINT ["tini", "--"]', 'CMD ["gunicorn", "app:app"]'),
      errors: [{ messageId: 'missingHealthcheck', data: { stage: 'The final stage', what: 'with `gunicorn`' }, line: 3, column: 6, endLine: 3, endColumn: 16 }],
      output: null,
    },
    {
      name: 'an exec-form ENTRYPOINT gets the exec-form CMD as arguments (the port for the suggestion)',
      code: lines('FROM python:3.13-slim', 'ENTRYPOINT ["python", "-m", "streamlit", "run"]', 'CMD ["app.py", "--server.port=8502"]'),
      errors: [
        {
          messageId: 'missingHealthcheck',
          data: { stage: 'The final stage', what: 'with `streamlit`' },
          line: 2,
          column: 29,
          endLine: 2,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'addStreamlitHealthcheck',
              data: { port: 8502 },
              output: lines('FROM python:3.13-slim', streamlitCheck(8502), 'ENTRYPOINT ["python", "-m", "streamlit", "run"]', 'CMD ["app.py", "--server.port=8502"]'),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a one-element exec form holding a command line is read for what it means',
      code: lines('FROM python:3.13-slim', 'EXPOSE 8080/tcp', '# start the app', 'CMD [". .venv/bin/activate && streamlit run app.py"]'),
      errors: [
        {
          messageId: 'missingHealthcheck',
          data: { stage: 'The final stage', what: 'on port 8080/tcp' },
          line: 2,
          column: 8,
          endLine: 2,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'addStreamlitHealthcheck',
              data: { port: 8080 },
              output: lines('FROM python:3.13-slim', 'EXPOSE 8080/tcp', streamlitCheck(8080), '# start the app', 'CMD [". .venv/bin/activate && streamlit run app.py"]'),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'several ports: the range covers them all',
      code: lines('FROM node:22-slim', 'EXPOSE 3000 9229', 'CMD ["node", "server.js"]'),
      errors: [{ messageId: 'missingHealthcheck', data: { stage: 'The final stage', what: 'on ports 3000, 9229' }, line: 2, column: 8, endLine: 2, endColumn: 17, suggestions: [] }],
      output: null,
    },
    {
      name: 'EXPOSE alone marks a server',
      code: lines('FROM registry.example.com/app:1', 'EXPOSE 8000'),
      errors: [{ messageId: 'missingHealthcheck', data: { stage: 'The final stage', what: 'on port 8000' }, line: 2, column: 8, endLine: 2, endColumn: 12 }],
      output: null,
    },
    {
      name: 'an inherited CMD: reported where it is written, the check appended to the final stage',
      code: lines('FROM python:3.13-slim AS base', 'CMD ["streamlit", "run", "app.py"]', '', 'FROM base AS runtime', 'COPY app.py .'),
      errors: [
        {
          messageId: 'missingHealthcheck',
          data: { stage: 'The final stage `runtime`', what: 'with `streamlit`' },
          line: 2,
          column: 6,
          endLine: 2,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'addStreamlitHealthcheck',
              data: { port: 8501 },
              output: lines('FROM python:3.13-slim AS base', 'CMD ["streamlit", "run", "app.py"]', '', 'FROM base AS runtime', 'COPY app.py .', streamlitCheck(8501)),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a HEALTHCHECK in a stage the image is not built from does not count',
      code: lines('FROM python:3.13-slim AS build', 'HEALTHCHECK NONE', '', 'FROM python:3.13-slim', 'EXPOSE 8000', 'CMD ["uvicorn", "app:app"]'),
      errors: [{ messageId: 'missingHealthcheck', line: 5, column: 8, endLine: 5, endColumn: 12 }],
      output: null,
    },
    {
      name: 'a Compose service without healthcheck: the problem names it',
      code: lines(...STREAMLIT_STAGE),
      files: { 'compose.yaml': COMPOSE_APP },
      errors: [
        {
          messageId: 'missingComposeHealthcheck',
          data: { stage: 'The final stage', what: 'on port 8501', services: '`app`' },
          line: 2,
          column: 8,
          endLine: 2,
          endColumn: 12,
          suggestions: [{ messageId: 'addStreamlitHealthcheck', output: lines(...STREAMLIT_STAGE.slice(0, 2), streamlitCheck(8501), STREAMLIT_STAGE[2]!) }],
        },
      ],
      output: null,
    },
    {
      name: 'a disabled Compose healthcheck, and one without a test, do not check the image',
      code: lines(...STREAMLIT_STAGE),
      files: {
        'compose.yaml': lines(
          'services:',
          '  app:',
          '    build: .',
          '    healthcheck:',
          '      disable: true',
          '  worker:',
          '    build: .',
          '    healthcheck:',
          '      test: ["NONE"]',
          '  web:',
          '    build: .',
          '    healthcheck:',
          '      interval: 10s',
          '  checked:',
          '    build: .',
          '    healthcheck:',
          '      test: ["CMD", "true"]',
        ),
      },
      errors: [
        { messageId: 'missingComposeHealthcheck', data: { stage: 'The final stage', what: 'on port 8501', services: '`app`, `worker`, `web`' }, line: 2, column: 8, endLine: 2, endColumn: 12 },
      ],
      output: null,
    },
    {
      name: 'allowComposeHealthcheck: false asks for a HEALTHCHECK in the image itself',
      code: lines(...STREAMLIT_STAGE),
      files: { 'compose.yaml': COMPOSE_APP_WITH_HEALTHCHECK },
      options: [{ allowComposeHealthcheck: false }],
      errors: [{ messageId: 'missingHealthcheck', data: { stage: 'The final stage', what: 'on port 8501' }, line: 2, column: 8, endLine: 2, endColumn: 12 }],
      output: null,
    },
    {
      name: 'two Compose targets that both serve: two problems',
      code: lines(
        'FROM python:3.13-slim AS dev',
        'EXPOSE 5678',
        'CMD ["python", "-m", "debugpy", "--listen", "0.0.0.0:5678", "-m", "streamlit", "run", "app.py"]',
        '',
        'FROM python:3.13-slim AS prod',
        'CMD ["streamlit", "run", "app.py"]',
      ),
      files: {
        'compose.yaml': lines('services:', '  dev:', '    build:', '      context: .', '      target: dev', '  prod:', '    build:', '      context: .', '      target: prod'),
      },
      errors: [
        { messageId: 'missingComposeHealthcheck', data: { stage: 'Stage `dev`', what: 'on port 5678', services: '`dev`' }, line: 2, column: 8, endLine: 2, endColumn: 12, suggestions: [] },
        {
          messageId: 'missingComposeHealthcheck',
          data: { stage: 'The final stage `prod`', what: 'with `streamlit`', services: '`prod`' },
          line: 6,
          column: 6,
          endLine: 6,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'addStreamlitHealthcheck',
              data: { port: 8501 },
              output: lines(
                'FROM python:3.13-slim AS dev',
                'EXPOSE 5678',
                'CMD ["python", "-m", "debugpy", "--listen", "0.0.0.0:5678", "-m", "streamlit", "run", "app.py"]',
                '',
                'FROM python:3.13-slim AS prod',
                streamlitCheck(8501),
                'CMD ["streamlit", "run", "app.py"]',
              ),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'the servers option adds a program of your own',
      code: lines('FROM debian:bookworm-slim', 'CMD ["gosu", "app", "/usr/local/bin/my-api", "--port", "7000"]'),
      options: [{ servers: ['my-api'] }],
      errors: [{ messageId: 'missingHealthcheck', data: { stage: 'The final stage', what: 'with `my-api`' }, line: 2, column: 21, endLine: 2, endColumn: 44 }],
      output: null,
    },
    {
      name: 'CRLF line breaks and an indented CMD are kept',
      code: 'FROM python:3.13-slim\r\nEXPOSE 8501\r\n  CMD streamlit run app.py\r\n',
      errors: [
        {
          messageId: 'missingHealthcheck',
          line: 2,
          column: 8,
          endLine: 2,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'addStreamlitHealthcheck',
              output: `FROM python:3.13-slim\r\nEXPOSE 8501\r\n  ${streamlitCheck(8501)}\r\n  CMD streamlit run app.py\r\n`,
            },
          ],
        },
      ],
      output: null,
    },
  ],
});

describe('healthcheck-present', () => {
  const PLUGINS = [{ meta: { name: 't' }, rules: { 'healthcheck-present': rule } }];
  const RULES = { 'healthcheck-present': 'error' } as const;

  it('points at the Compose services that lack a healthcheck and at a HEALTHCHECK in another stage', async () => {
    const cwd = path.resolve('/virtual-project');
    const [result] = await lintText(lines('FROM python:3.13-slim AS build', 'HEALTHCHECK NONE', '', 'FROM python:3.13-slim', ...STREAMLIT_STAGE.slice(1)), {
      cwd,
      filePath: 'Dockerfile',
      files: { 'compose.yaml': COMPOSE_APP },
      plugins: PLUGINS,
      useConfigFiles: false,
      rules: RULES,
    });
    expect(result!.messages.map((message) => message.related?.map(({ filePath, line, column, message: text }) => [path.basename(filePath), line, column, text]))).toEqual([
      [
        ['Dockerfile', 2, 1, 'This HEALTHCHECK is in stage build, which the image is not built FROM, so the image does not have it.'],
        ['compose.yaml', 2, 3, 'Service `app` builds this image without a `healthcheck` that runs a test.'],
      ],
    ]);
  });

  describe('on the example projects', () => {
    const EXAMPLES = path.resolve(import.meta.dirname, '../../../../examples');
    const lintExample = async (name: string): Promise<(LintMessage & { readonly file: string })[]> => {
      const results = await lintProject({ cwd: path.resolve(EXAMPLES, name), plugins: PLUGINS, useConfigFiles: false, rules: RULES });
      return results.flatMap((result) => result.messages.map((message) => ({ ...message, file: path.basename(result.filePath) })));
    };

    it('reports the broken app at its EXPOSE and suggests the Streamlit check before CMD', async () => {
      const messages = await lintExample('broken-streamlit-app');
      expect(messages.map((message) => [message.file, message.messageId, message.line, message.column, message.endColumn])).toEqual([
        ['Dockerfile', 'missingComposeHealthcheck', 11, 8, 12],
      ]);
      const [suggestion] = messages[0]!.suggestions ?? [];
      const edit = suggestion!.fix.edits[0]!;
      const cwd = path.resolve(EXAMPLES, 'broken-streamlit-app');
      const original = readFileSync(path.join(cwd, 'Dockerfile'), 'utf8');
      const fixed = original.slice(0, edit.range[0]) + edit.text + original.slice(edit.range[1]);
      expect(fixed).toBe(original.replace('\nCMD ', `\n${streamlitCheck(8501)}\n\nCMD `));
      const [relinted] = await lintText(fixed, { cwd, filePath: 'Dockerfile', plugins: PLUGINS, useConfigFiles: false, rules: RULES });
      expect(relinted!.messages).toEqual([]);
    });

    it('finds nothing in the hardened app', async () => {
      expect(await lintExample('hardened-streamlit-app')).toEqual([]);
    });
  });
});
