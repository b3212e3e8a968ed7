import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintProject, lintText, MemoryHost } from '@docmind-docker-lint/core';
import { RuleTester, VIRTUAL_ROOT } from '@docmind-docker-lint/rule-tester';
import { describe, expect, it } from 'vitest';
import rule from './index.js';

/** A Python project with a src layout: `src/docmind/app.py`, a server module and a CLI. */
const SRC_LAYOUT = {
  'pyproject.toml': '[project]\nname = "docmind"\n',
  'src/docmind/__init__.py': '',
  'src/docmind/app.py': 'import streamlit\n',
  'src/docmind/api.py': 'app = object()\n',
  'src/docmind/cli.py': 'def main(): ...\n',
};

const HARDENED = `FROM python:3.11-slim AS build
WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-install-project
COPY src ./src
RUN uv sync --frozen

FROM python:3.11-slim
WORKDIR /app
COPY --from=build /app /app
ENV PATH="/app/.venv/bin:$PATH"
CMD ["streamlit", "run", "src/docmind/app.py", "--server.port=8501"]
`;

new RuleTester().run('entrypoint-file-exists', rule, {
  valid: [
    {
      name: 'a file that a COPY of a build stage brings in through COPY --from',
      files: { ...SRC_LAYOUT, 'uv.lock': '' },
      code: HARDENED,
    },
    {
      name: 'the venv program the exec form calls by path is made by the build, the script is copied',
      files: SRC_LAYOUT,
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN uv sync --frozen\nCMD ["/app/.venv/bin/streamlit", "run", "src/docmind/app.py", "--server.port=8501"]\n',
    },
    {
      name: 'shell form after activating the venv, with cd into the source folder',
      files: SRC_LAYOUT,
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD . .venv/bin/activate && cd src/docmind && exec python app.py\n',
    },
    {
      name: 'modules of the project run by servers and python -m, through uv run',
      files: { ...SRC_LAYOUT, 'src/docmind/__main__.py': '' },
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["uv", "run", "--frozen", "--"]\nCMD ["uvicorn", "--host", "0.0.0.0", "docmind.api:app"]\n',
    },
    {
      name: 'python -m of a package with __main__.py',
      files: { ...SRC_LAYOUT, 'src/docmind/__main__.py': '' },
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY src ./src\nCMD ["python", "-m", "docmind"]\n',
    },
    {
      name: 'modules that are not in the build context are installed packages',
      files: SRC_LAYOUT,
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "-k", "uvicorn.workers.UvicornWorker", "myservice.wsgi:app"]\n',
    },
    {
      name: 'a RUN that names the file may create it',
      files: SRC_LAYOUT,
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN cp src/docmind/app.py app.py\nCMD ["streamlit", "run", "app.py"]\n',
    },
    {
      name: 'a RUN that clones or extracts into the working directory may create anything there',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN git clone https://example.com/app.git .\nCMD ["python", "main.py"]\n',
    },
    {
      name: 'a relative path without a known working directory',
      code: 'FROM python:3.12-slim\nCOPY . .\nCMD python app.py\n',
    },
    {
      name: 'a program looked up on PATH, and variables',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["python", "$APP_MODULE"]\n',
    },
    {
      name: 'an entrypoint script copied with --chmod, and one made executable by RUN chmod',
      files: { 'entrypoint.sh': '#!/bin/sh\nexec "$@"\n', 'scripts/start.sh': '#!/bin/sh\n' },
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY --chmod=755 entrypoint.sh /usr/local/bin/\nCOPY scripts ./scripts\nRUN chmod +x scripts/start.sh\nENTRYPOINT ["/usr/local/bin/entrypoint.sh"]\nCMD ["./scripts/start.sh"]\n',
    },
    {
      name: 'an entrypoint script that is executable in the build context',
      files: { 'entrypoint.sh': '#!/bin/sh\nexec "$@"\n' },
      modes: { 'entrypoint.sh': 0o755 },
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY entrypoint.sh .\nENTRYPOINT ["./entrypoint.sh"]\n',
    },
    {
      name: 'a script run by sh needs no execute bit',
      files: { 'entrypoint.sh': '#!/bin/sh\n' },
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY entrypoint.sh .\nENTRYPOINT ["sh", "./entrypoint.sh"]\n',
    },
    {
      name: 'only the stage the image is built from counts',
      files: SRC_LAYOUT,
      code: 'FROM python:3.12-slim AS test\nWORKDIR /app\nCOPY . .\nCMD ["python", "run_tests.py"]\n\nFROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "src/docmind/cli.py"]\n',
    },
    {
      name: 'a stage built FROM another inherits its files',
      files: SRC_LAYOUT,
      code: 'FROM python:3.12-slim AS base\nWORKDIR /app\nCOPY src ./src\n\nFROM base\nCMD ["python", "src/docmind/cli.py"]\n',
    },
    {
      name: 'a Compose command run from a bind mount is not in the image',
      filename: 'compose.yaml',
      files: { ...SRC_LAYOUT, Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY src ./src\n' },
      code: 'services:\n  app:\n    build: .\n    volumes:\n      - ./:/app\n    command: python app.py\n',
    },
    {
      name: 'ignore: paths and modules generated at build time',
      options: [{ ignore: ['app.py', 'generated/', 'docmind.settings'] }],
      files: SRC_LAYOUT,
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["sh", "-c", "python generated/run.py && python -m docmind.settings && streamlit run app.py"]\n',
    },
    {
      name: 'wildcard sources, a folder copied onto the working directory, COPY --from by index',
      files: { 'main.py': '', 'util.py': '', 'src/docmind/app.py': '' },
      code: 'FROM python:3.12-slim AS build\nWORKDIR /build\nCOPY src/ .\n\nFROM python:3.12-slim\nWORKDIR /app\nCOPY *.py ./\nCOPY --from=0 /build/docmind ./docmind\nCMD python main.py && streamlit run docmind/app.py\n',
    },
    {
      name: 'a heredoc script with --chmod, and an archive ADD extracts',
      files: { 'app.tar.gz': '' },
      code: 'FROM python:3.12-slim\nWORKDIR /app\nADD app.tar.gz .\nCOPY --chmod=755 <<EOF /start.sh\n#!/bin/sh\nexec "$@"\nEOF\nENTRYPOINT ["/start.sh"]\nCMD ["python", "main.py"]\n',
    },
    {
      name: 'a build context outside the linted folder cannot be read',
      files: { 'compose.yaml': 'services:\n  app:\n    build:\n      context: ..\n      dockerfile: virtual-project/Dockerfile\n' },
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "main.py"]\n',
    },
    {
      name: 'checkExecuteBit: false',
      options: [{ checkExecuteBit: false }],
      files: { 'entrypoint.sh': '#!/bin/sh\n' },
      code: 'FROM python:3.12-slim\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n',
    },
  ],
  invalid: [
    {
      name: 'a command line in one exec-form element (the broken example)',
      files: SRC_LAYOUT,
      code: 'FROM python:3.13-slim\nWORKDIR /app\nRUN pip install uv\nCOPY . .\nRUN uv sync\nCMD [". .venv/bin/activate && streamlit run app.py --server.port=8501"]\n',
      errors: [
        {
          messageId: 'missingFile',
          data: { path: 'app.py', contextPath: 'app.py' },
          line: 6,
          column: 45,
          endLine: 6,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'usePath',
              data: { replacement: 'src/docmind/app.py' },
              output:
                'FROM python:3.13-slim\nWORKDIR /app\nRUN pip install uv\nCOPY . .\nRUN uv sync\nCMD [". .venv/bin/activate && streamlit run src/docmind/app.py --server.port=8501"]\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'the exec form no-shell-in-json-cmd writes for it',
      files: SRC_LAYOUT,
      code: 'FROM python:3.13-slim\nWORKDIR /app\nCOPY . .\nRUN uv sync\nCMD ["/app/.venv/bin/streamlit", "run", "app.py", "--server.port=8501"]\n',
      errors: [
        {
          messageId: 'missingFile',
          line: 5,
          column: 42,
          endLine: 5,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'usePath',
              output: 'FROM python:3.13-slim\nWORKDIR /app\nCOPY . .\nRUN uv sync\nCMD ["/app/.venv/bin/streamlit", "run", "src/docmind/app.py", "--server.port=8501"]\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'shell form across a line continuation, and sh -c with a venv activation',
      files: { 'src/main.py': '', 'src/worker.py': '' },
      code: 'FROM python:3.12-slim\nWORKDIR /srv\nCOPY . .\nENTRYPOINT ["sh", "-c", ". venv/bin/activate && python worker.py \\"$@\\"", "--"]\nCMD python \\\n    main.py\n',
      errors: [
        {
          messageId: 'missingFile',
          data: { path: 'worker.py', contextPath: 'worker.py' },
          line: 4,
          column: 56,
          endLine: 4,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'usePath',
              output:
                'FROM python:3.12-slim\nWORKDIR /srv\nCOPY . .\nENTRYPOINT ["sh", "-c", ". venv/bin/activate && python src/worker.py \\"$@\\"", "--"]\nCMD python \\\n    main.py\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a shell-form CMD on two lines',
      files: { 'src/main.py': '' },
      code: 'FROM python:3.12-slim\nWORKDIR /srv\nCOPY . .\nCMD python -u \\\n    main.py --port 80\n',
      errors: [
        {
          messageId: 'missingFile',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 12,
          suggestions: [{ messageId: 'usePath', output: 'FROM python:3.12-slim\nWORKDIR /srv\nCOPY . .\nCMD python -u \\\n    src/main.py --port 80\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'a file .dockerignore excludes, with the line that does it',
      files: { ...SRC_LAYOUT, '.dockerignore': '.git\nsrc/docmind/app.py' },
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["streamlit", "run", "src/docmind/app.py"]\n',
      errors: [
        {
          messageId: 'excludedFile',
          data: { path: 'src/docmind/app.py', contextPath: 'src/docmind/app.py' },
          line: 4,
          column: 27,
          endLine: 4,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'reinclude',
              data: { contextPath: 'src/docmind/app.py' },
              output: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["streamlit", "run", "src/docmind/app.py"]\n',
              outputFiles: { '.dockerignore': '.git\nsrc/docmind/app.py\n!src/docmind/app.py\n' },
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a file in the build context that no COPY brings in',
      files: { 'app.py': '', 'requirements.txt': '' },
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCMD ["python", "app.py"]\n',
      errors: [{ messageId: 'notCopied', data: { path: 'app.py', contextPath: 'app.py' }, line: 5, column: 17, endLine: 5, endColumn: 23, suggestions: [] }],
      output: null,
    },
    {
      name: 'a file of that name copied elsewhere, through a build stage',
      files: { 'src/app.py': '', 'pyproject.toml': '' },
      code: 'FROM python:3.12-slim AS build\nWORKDIR /app\nCOPY pyproject.toml ./\nCOPY src ./src\n\nFROM python:3.12-slim\nWORKDIR /app\nCOPY --from=build /app /app\nCMD ["python", "app.py"]\n',
      errors: [
        {
          messageId: 'elsewhere',
          data: { path: 'app.py', imagePath: '/app/src/app.py' },
          line: 9,
          column: 17,
          endLine: 9,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'usePath',
              output:
                'FROM python:3.12-slim AS build\nWORKDIR /app\nCOPY pyproject.toml ./\nCOPY src ./src\n\nFROM python:3.12-slim\nWORKDIR /app\nCOPY --from=build /app /app\nCMD ["python", "src/app.py"]\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'two problems: an entrypoint script without execute bit, and a CMD it hands over to',
      files: { 'docker/entrypoint.sh': '#!/bin/sh\nexec "$@"\n', 'src/docmind/main.py': '' },
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY docker/entrypoint.sh /usr/local/bin/entrypoint.sh\nCOPY src ./src\nENTRYPOINT ["/usr/local/bin/entrypoint.sh"]\nCMD ["python", "src/docmind/mian.py"]\n',
      errors: [
        {
          messageId: 'notExecutable',
          data: { path: '/usr/local/bin/entrypoint.sh' },
          line: 5,
          column: 14,
          endLine: 5,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'copyWithChmod',
              output:
                'FROM python:3.12-slim\nWORKDIR /app\nCOPY --chmod=755 docker/entrypoint.sh /usr/local/bin/entrypoint.sh\nCOPY src ./src\nENTRYPOINT ["/usr/local/bin/entrypoint.sh"]\nCMD ["python", "src/docmind/mian.py"]\n',
            },
          ],
        },
        {
          messageId: 'missingFile',
          data: { path: 'src/docmind/mian.py', contextPath: 'src/docmind/mian.py' },
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'usePath',
              output:
                'FROM python:3.12-slim\nWORKDIR /app\nCOPY docker/entrypoint.sh /usr/local/bin/entrypoint.sh\nCOPY src ./src\nENTRYPOINT ["/usr/local/bin/entrypoint.sh"]\nCMD ["python", "src/docmind/main.py"]\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a server module that is not in its package, with the closest module',
      files: SRC_LAYOUT,
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["uvicorn", "docmind.apo:app", "--host", "0.0.0.0"]\n',
      errors: [
        {
          messageId: 'missingModule',
          data: { module: 'docmind.apo', contextPath: 'src/docmind/apo.py' },
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'useModule',
              data: { replacement: 'docmind.api' },
              output: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["uvicorn", "docmind.api:app", "--host", "0.0.0.0"]\n',
            },
            { messageId: 'useModule', data: { replacement: 'docmind.app' }, output: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["uvicorn", "docmind.app:app", "--host", "0.0.0.0"]\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'python -m of a package without __main__.py',
      files: SRC_LAYOUT,
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "-m", "docmind"]\n',
      errors: [
        {
          messageId: 'missingModule',
          data: { module: 'docmind', contextPath: 'src/docmind/__main__.py' },
          line: 4,
          column: 23,
          endLine: 4,
          endColumn: 30,
          suggestions: [],
        },
      ],
      output: null,
    },
    {
      name: 'a module .dockerignore excludes',
      files: { ...SRC_LAYOUT, '.dockerignore': 'src/docmind/api.py\n' },
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD gunicorn -w 2 -b 0.0.0.0:8000 docmind.api:app\n',
      errors: [
        {
          messageId: 'excludedModule',
          data: { module: 'docmind.api', contextPath: 'src/docmind/api.py' },
          line: 4,
          column: 35,
          endLine: 4,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'reinclude',
              output: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD gunicorn -w 2 -b 0.0.0.0:8000 docmind.api:app\n',
              outputFiles: { '.dockerignore': 'src/docmind/api.py\n!src/docmind/api.py\n' },
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a heredoc script without --chmod',
      code: 'FROM python:3.12-slim\nCOPY <<EOF /start.sh\n#!/bin/sh\nexec "$@"\nEOF\nENTRYPOINT ["/start.sh"]\n',
      errors: [{ messageId: 'notExecutable', data: { path: '/start.sh' }, line: 6, column: 14, endLine: 6, endColumn: 23, suggestions: [] }],
      output: null,
    },
    {
      name: 'the stage a Compose service builds as its target',
      filename: 'docker/Dockerfile',
      files: {
        ...SRC_LAYOUT,
        'compose.yaml': 'services:\n  dev:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile\n      target: dev\n',
      },
      code: 'FROM python:3.12-slim AS dev\nWORKDIR /app\nCOPY . .\nCMD ["streamlit", "run", "app.py"]\n\nFROM python:3.12-slim\nWORKDIR /app\nCOPY src ./src\nCMD ["streamlit", "run", "src/docmind/app.py"]\n',
      errors: [
        {
          messageId: 'missingFile',
          line: 4,
          column: 27,
          endLine: 4,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'usePath',
              output:
                'FROM python:3.12-slim AS dev\nWORKDIR /app\nCOPY . .\nCMD ["streamlit", "run", "src/docmind/app.py"]\n\nFROM python:3.12-slim\nWORKDIR /app\nCOPY src ./src\nCMD ["streamlit", "run", "src/docmind/app.py"]\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a Compose command string that overrides the image CMD',
      filename: 'compose.yaml',
      files: { ...SRC_LAYOUT, Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["streamlit", "run", "src/docmind/app.py"]\n' },
      code: 'services:\n  app:\n    build: .\n    command: streamlit run app.py --server.port 8501\n',
      errors: [
        {
          messageId: 'missingFile',
          line: 4,
          column: 28,
          endLine: 4,
          endColumn: 34,
          suggestions: [{ messageId: 'usePath', output: 'services:\n  app:\n    build: .\n    command: streamlit run src/docmind/app.py --server.port 8501\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'a Compose command list appended to the image ENTRYPOINT, under a working_dir',
      filename: 'compose.yaml',
      files: { 'src/jobs/nightly.py': '', Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["python"]\n' },
      code: 'services:\n  job:\n    build:\n      context: .\n    working_dir: /app/src\n    command: ["jobs/nighty.py"]\n',
      errors: [
        {
          messageId: 'missingFile',
          data: { path: 'jobs/nighty.py', contextPath: 'src/jobs/nighty.py' },
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 30,
          suggestions: [{ messageId: 'usePath', output: 'services:\n  job:\n    build:\n      context: .\n    working_dir: /app/src\n    command: ["jobs/nightly.py"]\n' }],
        },
      ],
      output: null,
    },
  ],
});

describe('entrypoint-file-exists related locations', () => {
  it('points at the .dockerignore line that excludes the file', async () => {
    const [result] = await lintText('FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "main.py"]\n', {
      cwd: VIRTUAL_ROOT,
      filePath: 'Dockerfile',
      host: new MemoryHost({ [path.join(VIRTUAL_ROOT, 'main.py')]: '', [path.join(VIRTUAL_ROOT, '.dockerignore')]: '.git\n*.py\n' }),
      plugins: [{ meta: { name: 't' }, rules: { 'entrypoint-file-exists': rule } }],
      useConfigFiles: false,
      rules: { 'entrypoint-file-exists': 'error' },
    });
    expect(result?.messages.map((message) => [message.messageId, message.related])).toEqual([
      [
        'excludedFile',
        [{ filePath: path.join(VIRTUAL_ROOT, '.dockerignore'), line: 2, column: 1, endLine: 2, endColumn: 5, message: '`*.py` excludes it.' }],
      ],
    ]);
  });
});

describe('entrypoint-file-exists on the example projects', () => {
  const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../examples');
  const lintExample = (name: string) =>
    lintProject({
      cwd: path.join(examples, name),
      plugins: [{ meta: { name: 't' }, rules: { 'entrypoint-file-exists': rule } }],
      useConfigFiles: false,
      rules: { 'entrypoint-file-exists': ['error'] },
    });

  it('finds that the broken app runs app.py, which lives at src/docmind/app.py', async () => {
    const results = await lintExample('broken-streamlit-app');
    const problems = results.flatMap((result) =>
      result.messages.map((message) => ({
        file: path.basename(result.filePath),
        at: `${message.line}:${message.column}-${message.endLine}:${message.endColumn}`,
        messageId: message.messageId,
        suggestions: message.suggestions?.map((suggestion) => suggestion.fix.edits.map((edit) => edit.text)),
      })),
    );
    expect(problems).toEqual([{ file: 'Dockerfile', at: '13:45-13:51', messageId: 'missingFile', suggestions: [['src/docmind/app.py']] }]);
  });

  it('finds nothing in the hardened app', async () => {
    const results = await lintExample('hardened-streamlit-app');
    expect(results.flatMap((result) => result.messages)).toEqual([]);
  });
});
