import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintProject, MemoryHost } from '@docmind-docker-lint/core';
import { RuleTester } from '@docmind-docker-lint/rule-tester';
import { describe, expect, it } from 'vitest';
import rule from './index.js';

new RuleTester().run('no-shell-in-json-cmd', rule, {
  valid: [
    'FROM python:3.13-slim\nCMD ["streamlit", "run", "app.py", "--server.port=8501"]\n',
    // A shell runs the command line.
    'FROM python:3.13-slim\nWORKDIR /app\nCMD ["/bin/sh", "-c", ". .venv/bin/activate && streamlit run app.py"]\n',
    'FROM debian:bookworm\nRUN ["/bin/bash", "-o", "pipefail", "-c", "curl -fsS https://example.com/install.sh | sh"]\n',
    'FROM debian:bookworm\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n',
    // Code for another language is not shell.
    'FROM python:3.13-slim\nCMD ["python", "-c", "import sys; print(\'a && b\')"]\n',
    'FROM node:22\nCMD ["node", "-e", "console.log(process.env.HOME || \'$HOME\')"]\n',
    // Shell form, and `[` as the test command.
    'FROM python:3.13-slim\nCMD streamlit run app.py --server.port=$PORT\n',
    'FROM debian:bookworm\nRUN [ -f /etc/os-release ] && cat /etc/os-release\n',
    'FROM debian:bookworm\nRUN [ "$TARGETARCH" = "amd64" ] && echo x86\n',
    // Words that only look like operators.
    'FROM debian:bookworm\nRUN ["find", "/app", "-name", "*.pyc", "-exec", "rm", "{}", ";"]\n',
    'FROM debian:bookworm\nRUN ["expr", "1", "<", "2"]\n',
    'FROM python:3.13-slim\nRUN ["pip", "install", "streamlit>=1.40", "a|b"]\n',
    'FROM python:3.13-slim\nCMD ["echo", "hello world"]\n',
    // `#` inside a word is not a comment.
    'FROM python:3.13-slim\nCMD ["./app#1", "--port", "8501"]\n',
    // A shell ENTRYPOINT makes CMD its script; a shell-form ENTRYPOINT ignores CMD.
    'FROM python:3.13-slim\nENTRYPOINT ["/bin/sh", "-c"]\nCMD ["echo $HOME && streamlit run app.py"]\n',
    'FROM python:3.13-slim\nENTRYPOINT ["python", "-c"]\nCMD ["import app; app.main()"]\n',
    'FROM python:3.13-slim\nENTRYPOINT ./start.sh\nCMD ["streamlit run app.py"]\n',
    'FROM python:3.13-slim\nHEALTHCHECK --interval=30s CMD ["curl", "-f", "http://localhost:8501/_stcore/health"]\n',
    'FROM python:3.13-slim\nHEALTHCHECK CMD curl -f http://localhost:8501/ || exit 1\n',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["C:\\\\Program Files\\\\App\\\\app.exe", "--serve"]\n',
    { code: 'FROM python:3.13-slim\nCMD ["echo", "$HOME"]\n', options: [{ checkVariables: false }] },
    { code: 'FROM ghcr.io/nushell/nushell:0.100.0\nCMD ["nu", "-c", "echo $env.HOME"]\n', options: [{ additionalShells: ['nu'] }] },
    // Compose: lists only; Compose interpolates `$VAR` itself.
    {
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    image: app:1\n    command: ["streamlit", "run", "app.py", "--server.port=${PORT:-8501}"]\n',
    },
    { filename: 'compose.yaml', code: 'services:\n  app:\n    image: app:1\n    command: streamlit run app.py\n' },
    {
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    image: app:1\n    healthcheck:\n      test: ["CMD-SHELL", "curl -f http://localhost:8501/ || exit 1"]\n',
    },
    {
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    image: app:1\n    entrypoint: ["/bin/sh", "-c"]\n    command: ["echo $$HOME && streamlit run app.py"]\n',
    },
    {
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    image: app:1\n    healthcheck:\n      test: ["CMD", "python", "-c", "import urllib.request; urllib.request.urlopen(\'http://127.0.0.1:8501/\')"]\n',
    },
  ],
  invalid: [
    {
      name: 'venv activation becomes the venv program by path, resolved against WORKDIR',
      code: 'FROM python:3.13-slim\nWORKDIR /app\nCMD [". .venv/bin/activate && streamlit run app.py --server.port=8501"]\n',
      errors: [
        {
          messageId: 'shellSyntax',
          data: { syntax: '&&' },
          line: 3,
          column: 6,
          endLine: 3,
          endColumn: 71,
          suggestions: [
            {
              messageId: 'putVenvOnPath',
              data: { venv: '/app/.venv', program: 'streamlit' },
              output:
                'FROM python:3.13-slim\nWORKDIR /app\nENV PATH="/app/.venv/bin:$PATH"\nCMD ["streamlit", "run", "app.py", "--server.port=8501"]\n',
            },
          ],
        },
      ],
      output: 'FROM python:3.13-slim\nWORKDIR /app\nCMD ["/app/.venv/bin/streamlit", "run", "app.py", "--server.port=8501"]\n',
    },
    {
      name: 'venv already on PATH: the program by name',
      code: 'FROM python:3.13-slim\nWORKDIR /app\nENV PATH="/app/.venv/bin:$PATH"\nCMD ["source .venv/bin/activate && streamlit run app.py"]\n',
      errors: [{ messageId: 'shellSyntax', line: 4, column: 6, endLine: 4, endColumn: 57, suggestions: [] }],
      output: 'FROM python:3.13-slim\nWORKDIR /app\nENV PATH="/app/.venv/bin:$PATH"\nCMD ["streamlit", "run", "app.py"]\n',
    },
    {
      name: 'relative WORKDIRs, `;` and `exec`',
      code: 'FROM python:3.13-slim\nWORKDIR /srv\nWORKDIR api\nENTRYPOINT ["source venv/bin/activate; exec gunicorn app:app --bind 0.0.0.0:8000"]\n',
      errors: [{ messageId: 'shellSyntax', data: { syntax: ';' }, line: 4, column: 13, endLine: 4, endColumn: 82 }],
      output: 'FROM python:3.13-slim\nWORKDIR /srv\nWORKDIR api\nENTRYPOINT ["/srv/api/venv/bin/gunicorn", "app:app", "--bind", "0.0.0.0:8000"]\n',
    },
    {
      name: 'an absolute venv needs no WORKDIR; the WORKDIR of the parent stage is inherited',
      code: 'FROM python:3.13-slim AS base\nWORKDIR /app\n\nFROM base\nRUN [". /opt/venv/bin/activate && pip install -r requirements.txt"]\nCMD [". .venv/bin/activate && python -m app"]\n',
      errors: [
        { messageId: 'shellSyntax', line: 5, column: 6, endLine: 5, endColumn: 67 },
        { messageId: 'shellSyntax', line: 6, column: 6, endLine: 6, endColumn: 45 },
      ],
      output:
        'FROM python:3.13-slim AS base\nWORKDIR /app\n\nFROM base\nRUN ["/opt/venv/bin/pip", "install", "-r", "requirements.txt"]\nCMD ["/app/.venv/bin/python", "-m", "app"]\n',
    },
    {
      name: 'the activation spread over elements',
      code: 'FROM python:3.13-slim\nWORKDIR /app\nCMD [".", ".venv/bin/activate", "&&", "streamlit", "run", "app.py"]\n',
      errors: [{ messageId: 'shellSyntax', data: { syntax: '.' }, line: 3, column: 6, endLine: 3, endColumn: 9 }],
      output: 'FROM python:3.13-slim\nWORKDIR /app\nCMD ["/app/.venv/bin/streamlit", "run", "app.py"]\n',
    },
    {
      name: 'a relative venv without a known WORKDIR falls back to a shell',
      code: 'FROM python:3.13-slim\nCMD [". .venv/bin/activate && streamlit run app.py"]\n',
      errors: [{ messageId: 'shellSyntax', line: 2, column: 6, endLine: 2, endColumn: 52, suggestions: [] }],
      output: 'FROM python:3.13-slim\nCMD ["/bin/sh", "-c", ". .venv/bin/activate && streamlit run app.py"]\n',
    },
    {
      name: 'other shell syntax keeps the command text byte for byte',
      code: 'FROM python:3.13-slim\nCMD ["cd /app && echo \\"ready\\" && ./run.sh"]\n',
      errors: [{ messageId: 'shellSyntax', data: { syntax: '&&' }, line: 2, column: 6, endLine: 2, endColumn: 45 }],
      output: 'FROM python:3.13-slim\nCMD ["/bin/sh", "-c", "cd /app && echo \\"ready\\" && ./run.sh"]\n',
    },
    {
      name: 'a builtin as the program',
      code: 'FROM debian:bookworm\nRUN ["export", "DEBIAN_FRONTEND=noninteractive"]\n',
      errors: [{ messageId: 'shellSyntax', data: { syntax: 'export' }, line: 2, column: 6, endLine: 2, endColumn: 14 }],
      output: 'FROM debian:bookworm\nRUN ["/bin/sh", "-c", "export DEBIAN_FRONTEND=noninteractive"]\n',
    },
    {
      name: 'command substitution',
      code: 'FROM debian:bookworm\nCMD ["echo started at $(date)"]\n',
      errors: [{ messageId: 'shellSyntax', data: { syntax: '$(' }, line: 2, column: 6, endLine: 2, endColumn: 31 }],
      output: 'FROM debian:bookworm\nCMD ["/bin/sh", "-c", "echo started at $(date)"]\n',
    },
    {
      name: 'a variable in the program',
      code: 'FROM python:3.13-slim\nCMD ["$APP_HOME/bin/serve", "--port", "8080"]\n',
      errors: [{ messageId: 'shellSyntax', data: { syntax: '$APP_HOME' }, line: 2, column: 6, endLine: 2, endColumn: 27 }],
      output: 'FROM python:3.13-slim\nCMD ["/bin/sh", "-c", "$APP_HOME/bin/serve --port 8080"]\n',
    },
    {
      name: 'a spaced program is split into words with shell quoting',
      code: 'FROM python:3.13-slim\nCMD ["streamlit run \'my app.py\' --server.port=8501"]\n',
      errors: [{ messageId: 'spacedProgram', data: { program: 'streamlit' }, line: 2, column: 6, endLine: 2, endColumn: 52 }],
      output: 'FROM python:3.13-slim\nCMD ["streamlit", "run", "my app.py", "--server.port=8501"]\n',
    },
    {
      name: 'splitting keeps the other elements byte for byte',
      code: 'FROM python:3.13-slim\nENTRYPOINT ["uv run",  "streamlit", "--title=\\"D\\u00e9mo\\""]\n',
      errors: [{ messageId: 'spacedProgram', line: 2, column: 13, endLine: 2, endColumn: 21 }],
      output: 'FROM python:3.13-slim\nENTRYPOINT ["uv", "run",  "streamlit", "--title=\\"D\\u00e9mo\\""]\n',
    },
    {
      name: 'a spaced shell program',
      code: 'FROM debian:bookworm\nSHELL ["/bin/bash -c"]\n',
      errors: [{ messageId: 'spacedProgram', data: { program: '/bin/bash' }, line: 2, column: 8, endLine: 2, endColumn: 22 }],
      output: 'FROM debian:bookworm\nSHELL ["/bin/bash", "-c"]\n',
    },
    {
      name: 'operator elements, each reported; one fix runs them with a shell',
      code: 'FROM debian:bookworm\nCMD ["echo", "a", "&&", "echo", "b", "2>&1"]\n',
      errors: [
        { messageId: 'operatorElement', data: { operator: '&&', program: 'echo' }, line: 2, column: 19, endLine: 2, endColumn: 23 },
        { messageId: 'operatorElement', data: { operator: '2>&1', program: 'echo' }, line: 2, column: 38, endLine: 2, endColumn: 44 },
      ],
      output: 'FROM debian:bookworm\nCMD ["/bin/sh", "-c", "echo a && echo b 2>&1"]\n',
    },
    {
      name: 'an element with spaces is quoted when the elements are joined',
      code: 'FROM debian:bookworm\nRUN ["echo", "hello world", ">", "/tmp/greeting"]\n',
      errors: [{ messageId: 'operatorElement', data: { operator: '>', program: 'echo' }, line: 2, column: 29, endLine: 2, endColumn: 32 }],
      output: 'FROM debian:bookworm\nRUN ["/bin/sh", "-c", "echo \\"hello world\\" > /tmp/greeting"]\n',
    },
    {
      name: 'a variable in an argument: only a suggestion',
      code: 'FROM python:3.13-slim\nCMD ["streamlit", "run", "app.py", "--server.port=${PORT}"]\n',
      errors: [
        {
          messageId: 'variableInArgument',
          data: { variable: '${PORT}' },
          line: 2,
          column: 51,
          endLine: 2,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'useShell',
              data: { shell: '/bin/sh -c' },
              output: 'FROM python:3.13-slim\nCMD ["/bin/sh", "-c", "streamlit run app.py --server.port=${PORT}"]\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'code after an inline flag is quoted, not expanded, when joined',
      code: 'FROM python:3.13-slim\nCMD ["python", "-c", "import sys; print(sys.argv[1])", "$HOME"]\n',
      errors: [
        {
          messageId: 'variableInArgument',
          line: 2,
          column: 57,
          endLine: 2,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'useShell',
              output: 'FROM python:3.13-slim\nCMD ["/bin/sh", "-c", "python -c \\"import sys; print(sys.argv[1])\\" $HOME"]\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'across a line continuation',
      code: 'FROM python:3.13-slim\nCMD ["echo", \\\n     "$HOME"]\n',
      errors: [{ messageId: 'variableInArgument', line: 3, column: 7, endLine: 3, endColumn: 12 }],
      output: null,
    },
    {
      name: 'two problems: a spaced program and a variable',
      code: 'FROM python:3.13-slim\nCMD ["streamlit run app.py", "--server.port=$PORT"]\n',
      errors: [
        { messageId: 'spacedProgram', line: 2, column: 6, endLine: 2, endColumn: 28 },
        { messageId: 'variableInArgument', data: { variable: '$PORT' }, line: 2, column: 45, endLine: 2, endColumn: 50 },
      ],
      output: 'FROM python:3.13-slim\nCMD ["streamlit", "run", "app.py", "--server.port=$PORT"]\n',
    },
    {
      name: 'single quotes: Docker runs the text with a shell',
      code: "FROM python:3.13-slim\nCMD ['streamlit', 'run', 'app.py']\n",
      errors: [{ messageId: 'invalidJson', data: { mistake: 'single quotes' }, line: 2, column: 5, endLine: 2, endColumn: 35 }],
      output: 'FROM python:3.13-slim\nCMD ["streamlit", "run", "app.py"]\n',
    },
    {
      name: 'a trailing comma',
      code: 'FROM python:3.13-slim\nENTRYPOINT ["python", "-m", "app",]\n',
      errors: [{ messageId: 'invalidJson', data: { mistake: 'a trailing comma' }, line: 2, column: 12, endLine: 2, endColumn: 36 }],
      output: 'FROM python:3.13-slim\nENTRYPOINT ["python", "-m", "app"]\n',
    },
    {
      name: 'single quotes around a double quote, and a trailing comma, in RUN with flags',
      code: "FROM debian:bookworm\nRUN --network=none ['echo', 'say \"hi\"', 'it\\'s',]\n",
      errors: [
        { messageId: 'invalidJson', data: { mistake: 'single quotes and a trailing comma' }, line: 2, column: 20, endLine: 2, endColumn: 50 },
      ],
      output: 'FROM debian:bookworm\nRUN --network=none ["echo", "say \\"hi\\"", "it\'s"]\n',
    },
    {
      name: 'HEALTHCHECK: invalid JSON after its flags, then shell syntax (two passes)',
      code: "FROM python:3.13-slim\nHEALTHCHECK --interval=30s CMD ['curl -f http://localhost:8501/ || exit 1']\n",
      errors: [{ messageId: 'invalidJson', line: 2, column: 32, endLine: 2, endColumn: 76 }],
      output: [
        'FROM python:3.13-slim\nHEALTHCHECK --interval=30s CMD ["curl -f http://localhost:8501/ || exit 1"]\n',
        'FROM python:3.13-slim\nHEALTHCHECK --interval=30s CMD ["/bin/sh", "-c", "curl -f http://localhost:8501/ || exit 1"]\n',
      ],
    },
    {
      name: "the stage's SHELL runs the command line",
      code: 'FROM debian:bookworm\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN ["curl -fsS https://example.com/app.tgz | tar -xz"]\n',
      errors: [{ messageId: 'shellSyntax', data: { syntax: '|' }, line: 3, column: 6, endLine: 3, endColumn: 55 }],
      output:
        'FROM debian:bookworm\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN ["/bin/bash", "-o", "pipefail", "-c", "curl -fsS https://example.com/app.tgz | tar -xz"]\n',
    },
    {
      name: 'option shell',
      code: 'FROM debian:bookworm\nRUN ["ls *.txt"]\n',
      options: [{ shell: ['/bin/bash', '-c'] }],
      errors: [{ messageId: 'shellSyntax', data: { syntax: '*.txt' }, line: 2, column: 6, endLine: 2, endColumn: 16 }],
      output: 'FROM debian:bookworm\nRUN ["/bin/bash", "-c", "ls *.txt"]\n',
    },
    {
      name: 'without additionalShells, nu is a program like any other',
      code: 'FROM ghcr.io/nushell/nushell:0.100.0\nCMD ["nu", "-c", "echo $env.HOME"]\n',
      errors: [{ messageId: 'variableInArgument', data: { variable: '$env' }, line: 2, column: 24, endLine: 2, endColumn: 28 }],
      output: null,
    },
    {
      name: 'under a non-shell ENTRYPOINT the rewrites are suggestions',
      code: 'FROM python:3.13-slim\nWORKDIR /app\nENTRYPOINT ["tini", "--"]\nCMD [". .venv/bin/activate && streamlit run app.py", "--server.port=8501"]\n',
      errors: [
        {
          messageId: 'shellSyntax',
          line: 4,
          column: 6,
          endLine: 4,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'useVenvBinary',
              data: { binary: '/app/.venv/bin/streamlit' },
              output: 'FROM python:3.13-slim\nWORKDIR /app\nENTRYPOINT ["tini", "--"]\nCMD ["/app/.venv/bin/streamlit", "run", "app.py", "--server.port=8501"]\n',
            },
            {
              messageId: 'putVenvOnPath',
              output:
                'FROM python:3.13-slim\nWORKDIR /app\nENTRYPOINT ["tini", "--"]\nENV PATH="/app/.venv/bin:$PATH"\nCMD ["streamlit", "run", "app.py", "--server.port=8501"]\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'under a non-shell ENTRYPOINT a variable gets no shell suggestion',
      code: 'FROM python:3.13-slim\nENTRYPOINT ["/docker-entrypoint.sh"]\nCMD ["serve", "--port", "$PORT"]\n',
      errors: [{ messageId: 'variableInArgument', line: 3, column: 26, endLine: 3, endColumn: 31, suggestions: [] }],
      output: null,
    },
    // ------------------------------------------------------------ Compose
    {
      name: 'Compose flow list: split, keeping the quoting style',
      filename: 'compose.yaml',
      code: "services:\n  app:\n    image: app:1\n    command: ['streamlit run app.py', '--server.port=8501']\n",
      errors: [{ messageId: 'spacedProgram', line: 4, column: 15, endLine: 4, endColumn: 37 }],
      output: "services:\n  app:\n    image: app:1\n    command: ['streamlit', 'run', 'app.py', '--server.port=8501']\n",
    },
    {
      name: 'Compose block list: one item per word, plain where YAML reads it back',
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    image: app:1\n    command:\n      - streamlit run app.py --server.port 8501 --server.headless=true\n',
      errors: [{ messageId: 'spacedProgram', line: 5, column: 9, endLine: 5, endColumn: 71 }],
      output:
        'services:\n  app:\n    image: app:1\n    command:\n      - streamlit\n      - run\n      - app.py\n      - --server.port\n      - "8501"\n      - --server.headless=true\n',
    },
    {
      name: 'Compose healthcheck: CMD becomes CMD-SHELL',
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    image: app:1\n    healthcheck:\n      test: ["CMD", "curl -f http://localhost:8501/ || exit 1"]\n      interval: 30s\n',
      errors: [{ messageId: 'shellSyntax', data: { syntax: '||' }, line: 5, column: 21, endLine: 5, endColumn: 63 }],
      output: 'services:\n  app:\n    image: app:1\n    healthcheck:\n      test: ["CMD-SHELL", "curl -f http://localhost:8501/ || exit 1"]\n      interval: 30s\n',
    },
    {
      name: 'Compose healthcheck with operator elements',
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    image: app:1\n    healthcheck:\n      test: [CMD, curl, -f, "http://localhost:8501/", "||", exit, "1"]\n',
      errors: [{ messageId: 'operatorElement', data: { operator: '||', program: 'curl' }, line: 5, column: 55, endLine: 5, endColumn: 59 }],
      output: 'services:\n  app:\n    image: app:1\n    healthcheck:\n      test: [CMD-SHELL, "curl -f http://localhost:8501/ || exit 1"]\n',
    },
    {
      name: 'Compose venv: working_dir resolves it; $$ is a shell variable',
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    image: app:1\n    working_dir: /srv\n    entrypoint: [". .venv/bin/activate && streamlit run app.py"]\n    command: ["--server.port", "$$PORT"]\n',
      errors: [
        { messageId: 'shellSyntax', line: 5, column: 18, endLine: 5, endColumn: 64 },
        { messageId: 'variableInArgument', data: { variable: '$$PORT' }, line: 6, column: 33, endLine: 6, endColumn: 39, suggestions: [] },
      ],
      output: 'services:\n  app:\n    image: app:1\n    working_dir: /srv\n    entrypoint: ["/srv/.venv/bin/streamlit", "run", "app.py"]\n    command: ["--server.port", "$$PORT"]\n',
    },
    {
      name: "Compose venv: the built stage's WORKDIR and PATH",
      filename: 'compose.yaml',
      files: { Dockerfile: 'FROM python:3.13-slim\nWORKDIR /app\nENV PATH="/app/.venv/bin:$PATH"\n' },
      code: 'services:\n  app:\n    build: .\n    command: [". .venv/bin/activate && exec streamlit run app.py"]\n',
      errors: [{ messageId: 'shellSyntax', line: 4, column: 15, endLine: 4, endColumn: 66 }],
      output: 'services:\n  app:\n    build: .\n    command: ["streamlit", "run", "app.py"]\n',
    },
    {
      name: 'Compose: interpolations are words, not shell syntax; a relative working_dir is not used',
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    image: app:1\n    working_dir: app\n    command: ["${APP_BIN:-serve} --port ${PORT}", "--reload"]\n    entrypoint: [". .venv/bin/activate && exec \\"$$0\\" \\"$$@\\""]\n',
      errors: [
        { messageId: 'spacedProgram', data: { program: '${APP_BIN:-serve}' }, line: 5, column: 15, endLine: 5, endColumn: 49 },
        { messageId: 'shellSyntax', data: { syntax: '&&' }, line: 6, column: 18, endLine: 6, endColumn: 64 },
      ],
      output:
        'services:\n  app:\n    image: app:1\n    working_dir: app\n    command: ["${APP_BIN:-serve}", "--port", "${PORT}", "--reload"]\n    entrypoint: ["/bin/sh", "-c", ". .venv/bin/activate && exec \\"$$0\\" \\"$$@\\""]\n',
    },
    {
      name: 'Compose: $$ in a command line needs a shell, the text is kept',
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    image: app:1\n    command:\n      - echo $$HOSTNAME started\n      - --verbose\n',
      errors: [{ messageId: 'shellSyntax', data: { syntax: '$HOSTNAME' }, line: 5, column: 9, endLine: 5, endColumn: 32 }],
      output: 'services:\n  app:\n    image: app:1\n    command:\n      - /bin/sh\n      - -c\n      - "echo $$HOSTNAME started --verbose"\n',
    },
    {
      // A block scalar's node runs past its line break: the rewrite must keep the break before `image:`.
      name: 'Compose block list ending in a block scalar: the lines after it stay',
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    command:\n      - "|"\n      - |-\n        multi\n        line   \n\n    image: app:1\n',
      errors: [{ messageId: 'shellSyntax', line: 4, column: 9, endLine: 4, endColumn: 12 }],
      output: 'services:\n  app:\n    command:\n      - "/bin/sh"\n      - "-c"\n      - "| \\"multi\\nline   \\""\n\n    image: app:1\n',
    },
    {
      name: 'Compose block list with a block scalar before another item',
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    command:\n      - >-\n        run a &&\n        run b\n      - --verbose\n    image: app:1\n',
      errors: [{ messageId: 'shellSyntax', data: { syntax: '&&' }, line: 4, column: 9, endLine: 6, endColumn: 14 }],
      output: 'services:\n  app:\n    command:\n      - /bin/sh\n      - -c\n      - "run a && run b --verbose"\n    image: app:1\n',
    },
    {
      name: "Compose: a `|+` block scalar's trailing lines are its value, so it is not moved as text",
      filename: 'compose.yaml',
      code: 'services:\n  app:\n    command:\n      - "|"\n      - |+\n        multi\n\n    image: app:1\n',
      errors: [{ messageId: 'shellSyntax', line: 4, column: 9, endLine: 4, endColumn: 12 }],
      output: null,
    },
  ],
});

describe('no-shell-in-json-cmd on a Compose file with YAML errors', () => {
  it('offers its rewrites only as suggestions: the recovered items may not be what the text says', async () => {
    // The body lines are less indented than the item, so `|-` is an empty block scalar and the rest is an error.
    const code = 'services:\n    web:\n        command:\n          - "|"\n          - |-\n      multi\n      line\n        image: ""\n';
    const [result] = await lintProject({
      cwd: '/virtual',
      host: new MemoryHost({ '/virtual/compose.yaml': code }),
      plugins: [{ meta: { name: 't' }, rules: { 'no-shell-in-json-cmd': rule } }],
      useConfigFiles: false,
      rules: { 'no-shell-in-json-cmd': 'error' },
    });
    expect(result!.messages.some((message) => message.fatal)).toBe(true);
    const finding = result!.messages.find((message) => message.ruleId === 'no-shell-in-json-cmd');
    expect(finding).toMatchObject({ messageId: 'shellSyntax', line: 4 });
    expect(finding!.fix).toBeUndefined();
    expect(finding!.suggestions?.map((suggestion) => suggestion.messageId)).toEqual(['useShell']);
  });
});

const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../examples');

async function lintExample(name: string) {
  const results = await lintProject({
    cwd: path.join(examples, name),
    plugins: [{ meta: { name: 't' }, rules: { 'no-shell-in-json-cmd': rule } }],
    useConfigFiles: false,
    rules: { 'no-shell-in-json-cmd': 'error' },
  });
  return results.flatMap((result) =>
    result.messages.map((message) => `${path.basename(result.filePath)}:${message.line}:${message.column} ${message.messageId ?? message.message}`),
  );
}

describe('no-shell-in-json-cmd on the example projects', () => {
  it('finds the venv activation CMD of the broken app', async () => {
    expect(await lintExample('broken-streamlit-app')).toEqual(['Dockerfile:13:6 shellSyntax']);
  });
  it('finds nothing in the hardened app', async () => {
    expect(await lintExample('hardened-streamlit-app')).toEqual([]);
  });
});
