import path from 'node:path';
import { lintProject, type LintMessage } from '@docmind-docker-lint/core';
import { RuleTester } from '@docmind-docker-lint/rule-tester';
import { describe, expect, it } from 'vitest';
import rule from './index.js';
import { KNOWN_UV_RELEASE } from './uv-release.js';

/** A file's text from its lines, each ending with a line feed. */
const lines = (...text: string[]): string => text.map((line) => `${line}\n`).join('');

const PYPROJECT = lines('[project]', 'name = "app"', 'version = "1.0"', 'dependencies = ["streamlit>=1.40"]', '', '[dependency-groups]', 'dev = ["pytest>=8"]');
const PYPROJECT_NO_DEV = lines('[project]', 'name = "app"', 'version = "1.0"', 'dependencies = ["streamlit>=1.40"]');
/** A uv project: pyproject.toml with a dev group, and its lock. */
const UV_PROJECT = { 'pyproject.toml': PYPROJECT, 'uv.lock': 'version = 1\n' };

const BASE = 'FROM python:3.13-slim';
const UV_IMAGE_COPY = 'COPY --from=ghcr.io/astral-sh/uv:0.5.11 /uv /uvx /bin/';
const COPY_LOCK = 'COPY pyproject.toml uv.lock ./';

new RuleTester().run('uv-sync-frozen', rule, {
  valid: [
    {
      name: 'the lock is copied first, then synced frozen without dev groups',
      code: lines(BASE, UV_IMAGE_COPY, 'WORKDIR /app', COPY_LOCK, 'RUN uv sync --frozen --no-dev --no-install-project', 'COPY . .', 'RUN uv sync --frozen --no-dev'),
      files: UV_PROJECT,
    },
    {
      name: '--locked uses the lock too',
      code: lines(BASE, UV_IMAGE_COPY, COPY_LOCK, 'RUN uv sync --locked --no-dev'),
      files: UV_PROJECT,
    },
    {
      name: 'UV_FROZEN and UV_NO_DEV set by ENV',
      code: lines(BASE, UV_IMAGE_COPY, 'ENV UV_FROZEN=1 UV_NO_DEV=true', COPY_LOCK, 'RUN uv sync'),
      files: UV_PROJECT,
    },
    {
      name: 'variables set on the command, by ARG, or by export earlier in the RUN',
      code: lines(BASE, UV_IMAGE_COPY, 'ARG UV_NO_DEV=1', COPY_LOCK, 'RUN UV_LOCKED=1 uv sync', 'RUN export UV_FROZEN=1 && uv sync'),
      files: UV_PROJECT,
    },
    {
      name: 'a variable whose value only the build knows',
      code: lines(BASE, UV_IMAGE_COPY, 'ARG FROZEN', 'ENV UV_FROZEN=$FROZEN', COPY_LOCK, 'RUN uv sync --no-dev'),
      files: UV_PROJECT,
    },
    {
      name: 'the lock bind-mounted into the RUN',
      code: lines(
        BASE,
        UV_IMAGE_COPY,
        'WORKDIR /app',
        'RUN --mount=type=cache,target=/root/.cache/uv \\',
        '    --mount=type=bind,source=uv.lock,target=uv.lock \\',
        '    --mount=type=bind,source=pyproject.toml,target=pyproject.toml \\',
        '    uv sync --frozen --no-install-project --no-dev',
      ),
      files: UV_PROJECT,
    },
    {
      name: 'the whole context bind-mounted (the default source)',
      code: lines(BASE, UV_IMAGE_COPY, 'RUN --mount=target=/src cd /src && uv sync --frozen --no-dev'),
      files: UV_PROJECT,
    },
    {
      name: 'a heredoc script',
      code: lines(BASE, UV_IMAGE_COPY, COPY_LOCK, 'RUN <<EOF', 'set -e', 'uv sync --frozen --no-dev', 'EOF'),
      files: UV_PROJECT,
    },
    {
      name: 'the lock written by a COPY heredoc',
      code: lines(BASE, UV_IMAGE_COPY, 'COPY <<EOF uv.lock', 'version = 1', 'EOF', 'RUN uv sync --frozen --no-dev'),
      files: UV_PROJECT,
    },
    {
      name: 'a glob that matches the lock',
      code: lines(BASE, UV_IMAGE_COPY, 'COPY pyproject.toml *.lock ./', 'RUN uv sync --frozen --no-dev'),
      files: UV_PROJECT,
    },
    {
      name: 'a stage built from the stage that copied the lock',
      code: lines(`${BASE} AS base`, UV_IMAGE_COPY, COPY_LOCK, '', 'FROM base', 'RUN uv sync --frozen --no-dev'),
      files: UV_PROJECT,
    },
    {
      name: 'the project copied from a stage that had the lock',
      code: lines(`${BASE} AS source`, 'WORKDIR /app', 'COPY . .', '', BASE, UV_IMAGE_COPY, 'COPY --from=source /app /app', 'RUN uv sync --frozen --no-dev'),
      files: UV_PROJECT,
    },
    {
      name: 'a clone brings its own lock',
      code: lines(BASE, UV_IMAGE_COPY, 'RUN git clone https://example.com/app.git /app && cd /app && uv sync --frozen --no-dev'),
      files: UV_PROJECT,
    },
    {
      name: 'a JSON-form COPY of the lock',
      code: lines(BASE, UV_IMAGE_COPY, 'COPY ["pyproject.toml", "uv.lock", "./"]', 'RUN uv sync --frozen --no-dev'),
      files: UV_PROJECT,
    },
    {
      name: 'exec form',
      code: lines(BASE, UV_IMAGE_COPY, COPY_LOCK, 'RUN ["uv", "sync", "--frozen", "--no-dev"]'),
      files: UV_PROJECT,
    },
    {
      name: 'a test stage may install the dev groups: it is not the image',
      code: lines(`${BASE} AS base`, UV_IMAGE_COPY, COPY_LOCK, 'RUN uv sync --frozen --no-dev', '', 'FROM base AS test', 'RUN uv sync --frozen', '', 'FROM base', 'CMD ["python"]'),
      files: UV_PROJECT,
    },
    {
      name: 'the Compose target is the image, not the last stage',
      code: lines(`${BASE} AS prod`, UV_IMAGE_COPY, COPY_LOCK, 'RUN uv sync --frozen --no-dev', '', 'FROM prod AS dev', 'RUN uv sync --frozen'),
      files: { ...UV_PROJECT, 'compose.yaml': lines('services:', '  app:', '    build:', '      context: .', '      target: prod') },
    },
    {
      name: 'groups chosen explicitly',
      code: lines(BASE, UV_IMAGE_COPY, COPY_LOCK, 'RUN uv sync --frozen --only-group docs', 'RUN uv sync --frozen --group dev', 'RUN uv sync --frozen --no-group=dev'),
      files: UV_PROJECT,
    },
    {
      name: 'a project without dev groups',
      code: lines(BASE, UV_IMAGE_COPY, COPY_LOCK, 'RUN uv sync --frozen'),
      files: { 'pyproject.toml': PYPROJECT_NO_DEV, 'uv.lock': 'version = 1\n' },
    },
    {
      name: 'default-groups turned off in pyproject.toml',
      code: lines(BASE, UV_IMAGE_COPY, COPY_LOCK, 'RUN uv sync --frozen'),
      files: { 'pyproject.toml': `${PYPROJECT}\n[tool.uv]\ndefault-groups = []\n`, 'uv.lock': 'version = 1\n' },
    },
    {
      name: 'allowDevDependencies',
      code: lines(BASE, UV_IMAGE_COPY, COPY_LOCK, 'RUN uv sync --frozen'),
      files: UV_PROJECT,
      options: [{ allowDevDependencies: true }],
    },
    {
      name: 'no uv.lock in the context: not a locked uv project',
      code: lines(BASE, UV_IMAGE_COPY, 'COPY . .', 'RUN uv sync --no-dev', 'RUN pip install -r requirements.txt'),
      files: { 'pyproject.toml': PYPROJECT },
    },
    {
      name: 'requirements exported from the lock in the build',
      code: lines(BASE, UV_IMAGE_COPY, COPY_LOCK, 'RUN uv export --frozen --no-dev -o requirements.txt && pip install -r requirements.txt'),
      files: UV_PROJECT,
    },
    {
      name: 'requirements exported from the lock in the repository',
      code: lines(BASE, 'COPY requirements.txt .', 'RUN pip install --no-cache-dir -r requirements.txt'),
      files: {
        ...UV_PROJECT,
        'requirements.txt': lines('# This file was autogenerated by uv via the following command:', '#    uv export --frozen --no-dev -o requirements.txt', 'streamlit==1.40.0'),
      },
    },
    {
      name: 'uv pinned in pip install',
      code: lines(BASE, 'RUN pip install --no-cache-dir uv==0.5.11', 'RUN pip install "uv==${UV_VERSION}"'),
    },
    {
      name: 'the uv image at a version tag or digest',
      code: lines(BASE, 'COPY --from=ghcr.io/astral-sh/uv:0.5.11-python3.12-bookworm /uv /bin/', 'COPY --from=ghcr.io/astral-sh/uv@sha256:0123 /uv /bin/'),
    },
  ],
  invalid: [
    {
      name: 'the broken example: unpinned uv, and a sync that neither uses the lock nor leaves out dev groups',
      code: lines(BASE, '', 'WORKDIR /app', '', 'RUN pip install uv', '', 'COPY . .', '', 'RUN uv sync'),
      files: UV_PROJECT,
      errors: [
        {
          messageId: 'unpinnedUv',
          data: { spec: 'uv' },
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'copyUvImage',
              data: { version: KNOWN_UV_RELEASE },
              output: lines(BASE, '', 'WORKDIR /app', '', `COPY --from=ghcr.io/astral-sh/uv:${KNOWN_UV_RELEASE} /uv /uvx /bin/`, '', 'COPY . .', '', 'RUN uv sync'),
            },
            {
              messageId: 'pinUv',
              data: { version: KNOWN_UV_RELEASE },
              output: lines(BASE, '', 'WORKDIR /app', '', `RUN pip install uv==${KNOWN_UV_RELEASE}`, '', 'COPY . .', '', 'RUN uv sync'),
            },
          ],
        },
        { messageId: 'notLocked', data: { command: 'uv sync', flag: '--frozen' }, line: 9, column: 5, endLine: 9, endColumn: 12 },
        {
          messageId: 'devDependencies',
          data: { command: 'uv sync', groups: 'dev' },
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 12,
          suggestions: [{ messageId: 'addNoDev', output: lines(BASE, '', 'WORKDIR /app', '', 'RUN pip install uv', '', 'COPY . .', '', 'RUN uv sync --no-dev') }],
        },
      ],
      output: lines(BASE, '', 'WORKDIR /app', '', 'RUN pip install uv', '', 'COPY . .', '', 'RUN uv sync --frozen'),
    },
    {
      name: 'a sync inside an && chain',
      code: lines(BASE, UV_IMAGE_COPY, COPY_LOCK, 'RUN apt-get update && uv sync --no-dev && rm -rf /var/lib/apt/lists/*'),
      files: UV_PROJECT,
      errors: [{ messageId: 'notLocked', line: 4, column: 23, endLine: 4, endColumn: 30 }],
      output: lines(BASE, UV_IMAGE_COPY, COPY_LOCK, 'RUN apt-get update && uv sync --frozen --no-dev && rm -rf /var/lib/apt/lists/*'),
    },
    {
      name: 'a sync across line continuations',
      code: lines(BASE, UV_IMAGE_COPY, COPY_LOCK, 'RUN uv venv \\', '    && uv sync \\', '       --no-dev'),
      files: UV_PROJECT,
      errors: [{ messageId: 'notLocked', line: 5, column: 8, endLine: 5, endColumn: 15 }],
      output: lines(BASE, UV_IMAGE_COPY, COPY_LOCK, 'RUN uv venv \\', '    && uv sync --frozen \\', '       --no-dev'),
    },
    {
      name: 'lockFlag: --locked',
      code: lines(BASE, UV_IMAGE_COPY, COPY_LOCK, 'RUN uv --no-cache sync --no-dev'),
      files: UV_PROJECT,
      options: [{ lockFlag: '--locked' }],
      errors: [{ messageId: 'notLocked', data: { command: 'uv sync', flag: '--locked' }, line: 4, column: 5, endLine: 4, endColumn: 23 }],
      output: lines(BASE, UV_IMAGE_COPY, COPY_LOCK, 'RUN uv --no-cache sync --locked --no-dev'),
    },
    {
      name: 'UV_FROZEN=0 does not freeze',
      code: lines(BASE, UV_IMAGE_COPY, 'ENV UV_FROZEN=0', COPY_LOCK, 'RUN uv sync --no-dev'),
      files: UV_PROJECT,
      errors: [{ messageId: 'notLocked', line: 5, column: 5, endLine: 5, endColumn: 12 }],
      output: lines(BASE, UV_IMAGE_COPY, 'ENV UV_FROZEN=0', COPY_LOCK, 'RUN uv sync --frozen --no-dev'),
    },
    {
      name: 'uv export reads the lock too',
      code: lines(BASE, UV_IMAGE_COPY, COPY_LOCK, 'RUN uv export --no-dev -o requirements.txt && pip install -r requirements.txt'),
      files: UV_PROJECT,
      errors: [{ messageId: 'notLocked', data: { command: 'uv export', flag: '--frozen' }, line: 4, column: 5, endLine: 4, endColumn: 14 }],
      output: lines(BASE, UV_IMAGE_COPY, COPY_LOCK, 'RUN uv export --frozen --no-dev -o requirements.txt && pip install -r requirements.txt'),
    },
    {
      name: 'exec form gets a new element',
      code: lines(BASE, UV_IMAGE_COPY, COPY_LOCK, 'RUN ["uv", "sync", "--no-dev"]'),
      files: UV_PROJECT,
      errors: [{ messageId: 'notLocked', line: 4, column: 6, endLine: 4, endColumn: 18 }],
      output: lines(BASE, UV_IMAGE_COPY, COPY_LOCK, 'RUN ["uv", "sync", "--frozen", "--no-dev"]'),
    },
    {
      name: 'a sh -c script in exec form',
      code: lines(BASE, UV_IMAGE_COPY, COPY_LOCK, 'RUN ["sh", "-c", "uv sync --no-dev"]'),
      files: UV_PROJECT,
      errors: [{ messageId: 'notLocked', line: 4, column: 19, endLine: 4, endColumn: 26 }],
      output: lines(BASE, UV_IMAGE_COPY, COPY_LOCK, 'RUN ["sh", "-c", "uv sync --frozen --no-dev"]'),
    },
    {
      name: 'a heredoc script',
      code: lines(BASE, UV_IMAGE_COPY, COPY_LOCK, 'RUN <<EOF', 'set -e', 'uv sync --no-dev', 'EOF'),
      files: UV_PROJECT,
      errors: [{ messageId: 'notLocked', line: 6, column: 1, endLine: 6, endColumn: 8 }],
      output: lines(BASE, UV_IMAGE_COPY, COPY_LOCK, 'RUN <<EOF', 'set -e', 'uv sync --frozen --no-dev', 'EOF'),
    },
    {
      name: 'an upgrade cannot be frozen: reported without a fix',
      code: lines(BASE, UV_IMAGE_COPY, COPY_LOCK, 'RUN uv sync --upgrade --no-dev'),
      files: UV_PROJECT,
      errors: [{ messageId: 'notLocked', line: 4, column: 5, endLine: 4, endColumn: 12 }],
      output: null,
    },
    {
      name: 'the lock is copied only after the sync',
      code: lines(BASE, UV_IMAGE_COPY, 'WORKDIR /app', 'COPY pyproject.toml ./', 'RUN uv sync --frozen --no-dev', 'COPY . .'),
      files: UV_PROJECT,
      errors: [{ messageId: 'lockMissing', data: { command: 'uv sync' }, line: 5, column: 5, endLine: 5, endColumn: 12 }],
      output: null,
    },
    {
      name: 'a bind mount of another file does not bring the lock',
      code: lines(BASE, UV_IMAGE_COPY, 'RUN --mount=type=bind,source=pyproject.toml,target=pyproject.toml uv sync --frozen --no-dev'),
      files: UV_PROJECT,
      errors: [{ messageId: 'lockMissing', line: 3, column: 67, endLine: 3, endColumn: 74 }],
      output: null,
    },
    {
      name: 'a sibling stage had the lock, but this stage never copies it',
      code: lines(`${BASE} AS deps`, COPY_LOCK, '', BASE, UV_IMAGE_COPY, 'RUN uv sync --frozen --no-dev'),
      files: UV_PROJECT,
      errors: [{ messageId: 'lockMissing', line: 6, column: 5, endLine: 6, endColumn: 12 }],
      output: null,
    },
    {
      name: 'CRLF line continuations',
      code: `${BASE}\r\n${COPY_LOCK}\r\nRUN uv venv \\\r\n && uv sync --no-dev\r\n`,
      files: UV_PROJECT,
      errors: [{ messageId: 'notLocked', line: 4, column: 5, endLine: 4, endColumn: 12 }],
      output: `${BASE}\r\n${COPY_LOCK}\r\nRUN uv venv \\\r\n && uv sync --frozen --no-dev\r\n`,
    },
    {
      name: 'the .dockerignore leaves the lock out',
      code: lines(BASE, UV_IMAGE_COPY, 'COPY . .', 'RUN uv sync --frozen --no-dev'),
      files: { ...UV_PROJECT, '.dockerignore': lines('.venv', '*.lock') },
      errors: [
        {
          messageId: 'lockExcluded',
          data: { command: 'uv sync', dockerignore: '.dockerignore' },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 12,
          related: [{ file: '.dockerignore', line: 2, column: 1, endLine: 2, endColumn: 7, message: '`*.lock` excludes uv.lock.' }],
          suggestions: [
            {
              messageId: 'includeLock',
              data: { dockerignore: '.dockerignore' },
              output: lines(BASE, UV_IMAGE_COPY, 'COPY . .', 'RUN uv sync --frozen --no-dev'),
              outputFiles: { '.dockerignore': lines('.venv', '*.lock', '!uv.lock') },
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'requirements files instead of the lock',
      code: lines(
        BASE,
        UV_IMAGE_COPY,
        'COPY requirements.txt .',
        'RUN pip install --no-cache-dir -r requirements.txt',
        'RUN uv pip install --system --requirement=requirements.txt',
        'RUN uv pip sync requirements.txt',
      ),
      files: { ...UV_PROJECT, 'requirements.txt': 'streamlit==1.40.0\n' },
      errors: [
        {
          messageId: 'requirementsBypassLock',
          data: { command: 'pip install -r', file: 'requirements.txt', flag: '--frozen' },
          line: 4,
          column: 32,
          endLine: 4,
          endColumn: 51,
        },
        { messageId: 'requirementsBypassLock', data: { command: 'uv pip install --requirement', file: 'requirements.txt', flag: '--frozen' }, line: 5, column: 29, endLine: 5, endColumn: 59 },
        { messageId: 'requirementsBypassLock', data: { command: 'uv pip sync', file: 'requirements.txt', flag: '--frozen' }, line: 6, column: 17, endLine: 6, endColumn: 33 },
      ],
      output: null,
    },
    {
      name: 'default groups beyond dev',
      code: lines(BASE, UV_IMAGE_COPY, COPY_LOCK, 'RUN uv sync --frozen'),
      files: {
        'pyproject.toml': `${PYPROJECT}lint = ["ruff>=0.8"]\n\n[tool.uv]\ndefault-groups = ["dev", "lint"]\n`,
        'uv.lock': 'version = 1\n',
      },
      errors: [
        {
          messageId: 'devDependencies',
          data: { command: 'uv sync', groups: 'dev, lint' },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 12,
          suggestions: [{ messageId: 'addNoDefaultGroups', output: lines(BASE, UV_IMAGE_COPY, COPY_LOCK, 'RUN uv sync --no-default-groups --frozen') }],
        },
      ],
      output: null,
    },
    {
      name: 'the stage the final image is built from',
      code: lines(`${BASE} AS base`, UV_IMAGE_COPY, COPY_LOCK, 'RUN uv sync --frozen', '', 'FROM base', 'CMD ["python"]'),
      files: UV_PROJECT,
      errors: [{ messageId: 'devDependencies', line: 4, column: 5, endLine: 4, endColumn: 12 }],
      output: null,
    },
    {
      name: 'the Compose target is the image',
      code: lines(`${BASE} AS dev`, UV_IMAGE_COPY, COPY_LOCK, 'RUN uv sync --frozen', '', 'FROM python:3.13-slim AS prod', 'CMD ["python"]'),
      files: { ...UV_PROJECT, 'compose.yaml': lines('services:', '  app:', '    build:', '      context: .', '      target: dev') },
      errors: [{ messageId: 'devDependencies', line: 4, column: 5, endLine: 4, endColumn: 12 }],
      output: null,
    },
    {
      name: 'two problems in one RUN',
      code: lines(BASE, COPY_LOCK, 'RUN pip install uv && uv sync --no-dev'),
      files: UV_PROJECT,
      options: [{ uvVersion: '0.5.11' }],
      errors: [
        { messageId: 'unpinnedUv', line: 3, column: 17, endLine: 3, endColumn: 19, suggestions: [{ messageId: 'pinUv', output: lines(BASE, COPY_LOCK, 'RUN pip install uv==0.5.11 && uv sync --no-dev') }] },
        { messageId: 'notLocked', line: 3, column: 23, endLine: 3, endColumn: 30 },
      ],
      output: lines(BASE, COPY_LOCK, 'RUN pip install uv && uv sync --frozen --no-dev'),
    },
    {
      name: 'a version range is not a pin; the suggestion replaces the whole spec',
      code: lines(BASE, 'RUN python -m pip install --no-cache-dir "uv>=0.4" pytest'),
      options: [{ uvVersion: '0.5.11' }],
      errors: [
        {
          messageId: 'unpinnedUv',
          data: { spec: 'uv>=0.4' },
          line: 2,
          column: 43,
          endLine: 2,
          endColumn: 50,
          suggestions: [{ messageId: 'pinUv', output: lines(BASE, 'RUN python -m pip install --no-cache-dir "uv==0.5.11" pytest') }],
        },
      ],
      output: null,
    },
    {
      name: 'an unquoted range is split by the shell; the pin replaces all of it',
      code: lines(BASE, 'RUN pip3 install uv>=0.4'),
      options: [{ uvVersion: '0.5.11' }],
      errors: [
        {
          messageId: 'unpinnedUv',
          line: 2,
          column: 18,
          endLine: 2,
          endColumn: 20,
          suggestions: [
            { messageId: 'copyUvImage', output: lines(BASE, 'COPY --from=ghcr.io/astral-sh/uv:0.5.11 /uv /uvx /bin/') },
            { messageId: 'pinUv', output: lines(BASE, 'RUN pip3 install uv==0.5.11') },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'pip install uv in exec form',
      code: lines(BASE, 'RUN ["pip", "install", "uv"]'),
      options: [{ uvVersion: '0.5.11' }],
      errors: [
        {
          messageId: 'unpinnedUv',
          line: 2,
          column: 25,
          endLine: 2,
          endColumn: 27,
          suggestions: [
            { messageId: 'copyUvImage', output: lines(BASE, 'COPY --from=ghcr.io/astral-sh/uv:0.5.11 /uv /uvx /bin/') },
            { messageId: 'pinUv', output: lines(BASE, 'RUN ["pip", "install", "uv==0.5.11"]') },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'an exact required-version in pyproject.toml picks the version',
      code: lines(BASE, 'RUN pip install uv'),
      files: { 'pyproject.toml': `${PYPROJECT_NO_DEV}\n[tool.uv]\nrequired-version = "==0.6.3"\n` },
      errors: [
        {
          messageId: 'unpinnedUv',
          line: 2,
          column: 17,
          endLine: 2,
          endColumn: 19,
          suggestions: [
            { messageId: 'copyUvImage', data: { version: '0.6.3' }, output: lines(BASE, 'COPY --from=ghcr.io/astral-sh/uv:0.6.3 /uv /uvx /bin/') },
            { messageId: 'pinUv', data: { version: '0.6.3' }, output: lines(BASE, 'RUN pip install uv==0.6.3') },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'no suggestion when the version would break required-version',
      code: lines(BASE, 'RUN pip install uv'),
      files: { 'pyproject.toml': `${PYPROJECT_NO_DEV}\n[tool.uv]\nrequired-version = ">=0.7"\n` },
      options: [{ uvVersion: '0.5.11' }],
      errors: [{ messageId: 'unpinnedUv', line: 2, column: 17, endLine: 2, endColumn: 19, suggestions: [] }],
      output: null,
    },
    {
      name: 'a version pinned elsewhere in the Dockerfile is suggested',
      code: lines(`${BASE} AS tools`, 'RUN pip install uv==0.4.30', '', BASE, 'RUN pip install uv'),
      errors: [
        {
          messageId: 'unpinnedUv',
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 19,
          suggestions: [
            { messageId: 'copyUvImage', data: { version: '0.4.30' }, output: lines(`${BASE} AS tools`, 'RUN pip install uv==0.4.30', '', BASE, 'COPY --from=ghcr.io/astral-sh/uv:0.4.30 /uv /uvx /bin/') },
            { messageId: 'pinUv', output: lines(`${BASE} AS tools`, 'RUN pip install uv==0.4.30', '', BASE, 'RUN pip install uv==0.4.30') },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'the uv image without a version',
      code: lines(BASE, 'COPY --from=ghcr.io/astral-sh/uv:latest /uv /uvx /bin/', 'COPY --from=ghcr.io/astral-sh/uv:python3.12-bookworm /uv /bin/'),
      options: [{ uvVersion: '0.5.11' }],
      errors: [
        {
          messageId: 'unpinnedUvImage',
          data: { image: 'ghcr.io/astral-sh/uv:latest' },
          line: 2,
          column: 13,
          endLine: 2,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'pinUvImage',
              data: { image: 'ghcr.io/astral-sh/uv:0.5.11' },
              output: lines(BASE, 'COPY --from=ghcr.io/astral-sh/uv:0.5.11 /uv /uvx /bin/', 'COPY --from=ghcr.io/astral-sh/uv:python3.12-bookworm /uv /bin/'),
            },
          ],
        },
        {
          messageId: 'unpinnedUvImage',
          line: 3,
          column: 13,
          endLine: 3,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'pinUvImage',
              data: { image: 'ghcr.io/astral-sh/uv:0.5.11-python3.12-bookworm' },
              output: lines(BASE, 'COPY --from=ghcr.io/astral-sh/uv:latest /uv /uvx /bin/', 'COPY --from=ghcr.io/astral-sh/uv:0.5.11-python3.12-bookworm /uv /bin/'),
            },
          ],
        },
      ],
      output: null,
    },
  ],
});

describe('uv-sync-frozen on the example projects', () => {
  const examples = path.resolve(import.meta.dirname, '../../../../examples');
  const lint = async (name: string): Promise<LintMessage[]> => {
    const results = await lintProject({
      cwd: path.join(examples, name),
      plugins: [{ meta: { name: 't' }, rules: { 'uv-sync-frozen': rule } }],
      useConfigFiles: false,
      rules: { 'uv-sync-frozen': ['error'] },
    });
    return results.flatMap((result) => result.messages.map((message) => ({ ...message, filePath: path.basename(result.filePath) })));
  };

  it('reports the unpinned uv and the unlocked sync of the broken app', async () => {
    const messages = await lint('broken-streamlit-app');
    expect(messages.map((message) => `${message.line}:${message.column} ${message.messageId}`)).toEqual([
      '5:17 unpinnedUv',
      '9:5 notLocked',
      '9:5 devDependencies',
    ]);
  });

  it('finds nothing in the hardened app', async () => {
    expect(await lint('hardened-streamlit-app')).toEqual([]);
  });
});
