import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintProject, lintText, MemoryHost, type LintMessage } from '@docmind-docker-lint/core';
import { RuleTester, VIRTUAL_ROOT } from '@docmind-docker-lint/rule-tester';
import { describe, expect, it } from 'vitest';
import rule from './index.js';

const PYPROJECT = '[project]\nname = "app"\nversion = "0.1.0"\nrequires-python = ">=3.12"\n';
/** `COPY . .` on line 3: the source `.` is 3:6-3:7. */
const PYTHON_COPY_ALL = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n';
const PYTHON_DOCKERIGNORE = '.env\n.env.*\n!.env.example\n.git\n.venv\n__pycache__\n';
const GENERIC_DOCKERIGNORE = '.env\n.env.*\n.git\n';

new RuleTester().run('dockerignore-secrets', rule, {
  valid: [
    {
      name: 'a complete .dockerignore for a Python project, with .env present and .env.example sent',
      code: PYTHON_COPY_ALL,
      files: { '.dockerignore': PYTHON_DOCKERIGNORE, 'pyproject.toml': PYPROJECT, '.env': 'API_KEY=1\n', '.env.example': 'API_KEY=\n' },
    },
    {
      name: 'narrow copies need no .dockerignore',
      code: 'FROM python:3.12-slim\nCOPY pyproject.toml uv.lock ./\nCOPY src ./src\n',
      files: { 'pyproject.toml': PYPROJECT, 'uv.lock': '', 'src/app.py': '', '.env': 'API_KEY=1\n' },
    },
    {
      name: 'an allow-list .dockerignore excludes everything else',
      code: PYTHON_COPY_ALL,
      files: { '.dockerignore': '*\n!src\n!pyproject.toml\n', 'pyproject.toml': PYPROJECT, 'src/app.py': '', '.env': 'API_KEY=1\n' },
    },
    {
      name: 'copies from another stage or a URL do not read the context',
      code: 'FROM python:3.12-slim AS build\nFROM python:3.12-slim\nCOPY --from=build . /app\nADD https://example.com/data.tar.gz /data/\n',
      files: { '.env': 'API_KEY=1\n' },
    },
    {
      name: 'an example env file may be copied',
      code: 'FROM python:3.12-slim\nCOPY .env.example /app/.env.example\n',
      files: { '.env.example': 'API_KEY=\n' },
    },
    {
      name: 'artifact patterns are not demanded when no artifact exists',
      code: 'FROM nginx:1.27\nCOPY . /usr/share/nginx/html\n',
      files: { '.dockerignore': GENERIC_DOCKERIGNORE, 'index.html': '' },
    },
    {
      name: 'a Node project excludes node_modules',
      code: 'FROM node:22-slim\nCOPY . /app\n',
      files: { '.dockerignore': `${GENERIC_DOCKERIGNORE}node_modules\n`, 'package.json': '{}\n', 'node_modules/left-pad/index.js': '' },
    },
    {
      name: '<Dockerfile>.dockerignore wins over the context .dockerignore',
      code: PYTHON_COPY_ALL,
      files: { 'Dockerfile.dockerignore': PYTHON_DOCKERIGNORE, '.dockerignore': '', 'pyproject.toml': PYPROJECT, '.env': 'API_KEY=1\n' },
    },
    {
      name: 'a `!` line that re-includes .env is reported in the .dockerignore, not again in the Dockerfile',
      code: 'FROM nginx:1.27\nCOPY . /usr/share/nginx/html\n',
      files: { '.dockerignore': `${GENERIC_DOCKERIGNORE}!.env\n`, '.env': 'API_KEY=1\n' },
    },
    {
      name: 'allowedNames lets a named path through',
      code: 'FROM nginx:1.27\nCOPY certs/dev.pem /etc/nginx/dev.pem\n',
      files: { 'certs/dev.pem': 'k' },
      options: [{ allowedNames: ['certs/dev.pem'] }],
    },
    {
      name: 'the .dockerignore itself: re-including .env.example is allowed',
      filename: '.dockerignore',
      code: PYTHON_DOCKERIGNORE,
      files: { '.env.example': 'API_KEY=\n' },
    },
    {
      name: 'a Compose build context with a complete .dockerignore at its root',
      filename: 'docker/Dockerfile',
      code: 'FROM nginx:1.27\nCOPY . /usr/share/nginx/html\n',
      files: {
        'compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile\n',
        '.dockerignore': GENERIC_DOCKERIGNORE,
        '.env': 'API_KEY=1\n',
      },
    },
  ],
  invalid: [
    {
      name: 'no .dockerignore, COPY . . and a .env: the fix creates the .dockerignore',
      code: PYTHON_COPY_ALL,
      files: { 'pyproject.toml': PYPROJECT, '.env': 'API_KEY=1\n', '.env.example': 'API_KEY=\n' },
      errors: [{ messageId: 'missingDockerignoreWithFiles', data: { source: '.', paths: '.env' }, line: 3, column: 6, endLine: 3, endColumn: 7 }],
      output: PYTHON_COPY_ALL,
    },
    {
      name: 'no .dockerignore and ADD . with nothing secret yet',
      code: 'FROM nginx:1.27\nADD . /usr/share/nginx/html\n',
      files: { 'index.html': '' },
      errors: [{ messageId: 'missingDockerignore', data: { source: '.' }, line: 2, column: 5, endLine: 2, endColumn: 6 }],
      output: 'FROM nginx:1.27\nADD . /usr/share/nginx/html\n',
    },
    {
      name: 'an exec-form COPY of ./ in a Node project',
      code: 'FROM node:22-slim\nCOPY ["./", "/app"]\n',
      files: { 'package.json': '{}\n' },
      errors: [{ messageId: 'missingDockerignore', data: { source: './' }, line: 2, column: 7, endLine: 2, endColumn: 11 }],
      output: 'FROM node:22-slim\nCOPY ["./", "/app"]\n',
    },
    {
      name: 'missing patterns are appended, after a line break the file lacked',
      code: PYTHON_COPY_ALL,
      files: { '.dockerignore': '.env\n.env.*\n.venv', 'pyproject.toml': PYPROJECT },
      errors: [
        {
          messageId: 'missingPatterns',
          data: { source: '.', dockerignore: '.dockerignore', patterns: '.git, __pycache__' },
          line: 3,
          column: 6,
          endLine: 3,
          endColumn: 7,
        },
      ],
      output: PYTHON_COPY_ALL,
      outputFiles: { '.dockerignore': '.env\n.env.*\n.venv\n.git\n**/__pycache__\n' },
    },
    {
      name: 'COPY * copies the whole context too, and an existing .git must be excluded',
      code: 'FROM nginx:1.27\nCOPY * /usr/share/nginx/html/\n',
      files: { '.dockerignore': '.env\n.env.*\n', '.git/HEAD': 'ref: refs/heads/main\n', 'index.html': '' },
      errors: [
        {
          messageId: 'missingPatterns',
          data: { source: '*', dockerignore: '.dockerignore', patterns: '.git' },
          line: 2,
          column: 6,
          endLine: 2,
          endColumn: 7,
        },
      ],
      output: 'FROM nginx:1.27\nCOPY * /usr/share/nginx/html/\n',
      outputFiles: { '.dockerignore': '.env\n.env.*\n.git\n' },
    },
    {
      name: 'appending keeps the CRLF line breaks of the .dockerignore',
      code: 'FROM nginx:1.27\nCOPY . /usr/share/nginx/html\n',
      files: { '.dockerignore': '.env\r\n.env.*\r\n' },
      errors: [
        {
          messageId: 'missingPatterns',
          data: { source: '.', dockerignore: '.dockerignore', patterns: '.git' },
          line: 2,
          column: 6,
          endLine: 2,
          endColumn: 7,
        },
      ],
      output: 'FROM nginx:1.27\nCOPY . /usr/share/nginx/html\n',
      outputFiles: { '.dockerignore': '.env\r\n.env.*\r\n.git\r\n' },
    },
    {
      name: 'a .env in a subfolder is sent: its pattern is appended',
      code: PYTHON_COPY_ALL,
      files: { '.dockerignore': PYTHON_DOCKERIGNORE, 'pyproject.toml': PYPROJECT, 'config/.env': 'API_KEY=1\n' },
      errors: [
        {
          messageId: 'secretSent',
          data: { source: '.', path: 'config/.env', dockerignore: '.dockerignore' },
          line: 3,
          column: 6,
          endLine: 3,
          endColumn: 7,
        },
      ],
      output: PYTHON_COPY_ALL,
      outputFiles: { '.dockerignore': `${PYTHON_DOCKERIGNORE}**/.env\n` },
    },
    {
      name: 'a narrow COPY of a folder holding a private key, without .dockerignore',
      code: 'FROM python:3.12-slim\nCOPY config ./config\n',
      files: { 'config/id_rsa': 'k', 'config/settings.toml': '' },
      errors: [
        {
          messageId: 'secretSent',
          data: { source: 'config', path: 'config/id_rsa', dockerignore: '.dockerignore' },
          line: 2,
          column: 6,
          endLine: 2,
          endColumn: 12,
        },
      ],
      output: 'FROM python:3.12-slim\nCOPY config ./config\n',
    },
    {
      name: 'a cloud credentials folder is named once, as a folder',
      code: 'FROM nginx:1.27\nCOPY . /usr/share/nginx/html\n',
      files: { '.dockerignore': GENERIC_DOCKERIGNORE, '.aws/config': '', '.aws/credentials': 'k' },
      errors: [
        {
          messageId: 'secretSent',
          data: { source: '.', path: '.aws/', dockerignore: '.dockerignore' },
          line: 2,
          column: 6,
          endLine: 2,
          endColumn: 7,
        },
      ],
      output: 'FROM nginx:1.27\nCOPY . /usr/share/nginx/html\n',
      outputFiles: { '.dockerignore': `${GENERIC_DOCKERIGNORE}**/.aws\n` },
    },
    {
      name: 'an explicit COPY .env is an error without a fix',
      code: 'FROM python:3.12-slim\nCOPY .env /app/.env\n',
      files: { '.env': 'API_KEY=1\n' },
      errors: [{ messageId: 'explicitSecretCopy', data: { keyword: 'COPY', path: '.env' }, line: 2, column: 6, endLine: 2, endColumn: 10 }],
      output: null,
    },
    {
      name: 'an existing pytest cache is a development artifact',
      code: PYTHON_COPY_ALL,
      files: { '.dockerignore': PYTHON_DOCKERIGNORE, 'pyproject.toml': PYPROJECT, '.pytest_cache/v/cache/nodeids': '[]' },
      errors: [
        {
          messageId: 'artifactSent',
          data: { source: '.', path: '.pytest_cache/', dockerignore: '.dockerignore' },
          line: 3,
          column: 6,
          endLine: 3,
          endColumn: 7,
        },
      ],
      output: PYTHON_COPY_ALL,
      outputFiles: { '.dockerignore': `${PYTHON_DOCKERIGNORE}**/.pytest_cache\n` },
    },
    {
      name: 'two problems: a key and a dist folder, fixed in two passes',
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\n',
      files: { '.dockerignore': `${GENERIC_DOCKERIGNORE}node_modules\n`, 'package.json': '{}\n', 'certs/server.key': 'k', 'dist/app.js': '' },
      errors: [
        {
          messageId: 'secretSent',
          data: { source: '.', path: 'certs/server.key', dockerignore: '.dockerignore' },
          line: 3,
          column: 6,
          endLine: 3,
          endColumn: 7,
        },
        { messageId: 'artifactSent', data: { source: '.', path: 'dist/', dockerignore: '.dockerignore' }, line: 3, column: 6, endLine: 3, endColumn: 7 },
      ],
      output: ['FROM node:22-slim\nWORKDIR /app\nCOPY . .\n', 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\n'],
      outputFiles: { '.dockerignore': `${GENERIC_DOCKERIGNORE}node_modules\n**/*.key\ndist\n` },
    },
    {
      name: 'excluding dist would break a COPY that names a file in it: only a suggestion',
      code: 'FROM nginx:1.27\nCOPY . /usr/share/nginx/html\nCOPY dist/index.html /usr/share/nginx/html/\n',
      files: { '.dockerignore': GENERIC_DOCKERIGNORE, 'dist/index.html': '' },
      errors: [
        {
          messageId: 'artifactSent',
          data: { source: '.', path: 'dist/', dockerignore: '.dockerignore' },
          line: 2,
          column: 6,
          endLine: 2,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'appendPatterns',
              data: { patterns: 'dist', dockerignore: '.dockerignore' },
              output: 'FROM nginx:1.27\nCOPY . /usr/share/nginx/html\nCOPY dist/index.html /usr/share/nginx/html/\n',
              outputFiles: { '.dockerignore': `${GENERIC_DOCKERIGNORE}dist\n` },
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'COPY . . beside an explicit COPY of .env.production: the new .dockerignore is only suggested',
      code: 'FROM python:3.12-slim\nCOPY . .\nCOPY .env.production /app/\n',
      files: { '.env.production': 'API_KEY=1\n' },
      errors: [
        {
          messageId: 'missingDockerignoreWithFiles',
          data: { source: '.', paths: '.env.production' },
          line: 2,
          column: 6,
          endLine: 2,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'createDockerignore',
              data: { dockerignore: '.dockerignore' },
              output: 'FROM python:3.12-slim\nCOPY . .\nCOPY .env.production /app/\n',
            },
          ],
        },
        { messageId: 'explicitSecretCopy', data: { keyword: 'COPY', path: '.env.production' }, line: 3, column: 6, endLine: 3, endColumn: 21 },
      ],
      output: null,
    },
    {
      name: 'the .dockerignore itself: `!.env` re-includes the secret',
      filename: '.dockerignore',
      code: '.env\n!.env\n.git\n',
      errors: [
        {
          messageId: 'secretReincluded',
          data: { entry: '!.env', path: '.env' },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 6,
          suggestions: [{ messageId: 'removeEntry', data: { entry: '!.env' }, output: '.env\n.git\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'the .dockerignore itself: re-including a folder brings back a real .npmrc',
      filename: '.dockerignore',
      code: '*\n!config\n',
      files: { 'config/.npmrc': 'k', 'config/app.toml': '' },
      errors: [
        {
          messageId: 'secretReincluded',
          data: { entry: '!config', path: 'config/.npmrc' },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 8,
          suggestions: [{ messageId: 'excludeAgain', data: { path: 'config/.npmrc' }, output: '*\n!config\nconfig/.npmrc\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'option secretPatterns: a database file',
      code: 'FROM nginx:1.27\nCOPY . /srv\n',
      files: { '.dockerignore': GENERIC_DOCKERIGNORE, 'data/app.sqlite': '' },
      options: [{ secretPatterns: ['**/*.sqlite'] }],
      errors: [
        {
          messageId: 'secretSent',
          data: { source: '.', path: 'data/app.sqlite', dockerignore: '.dockerignore' },
          line: 2,
          column: 6,
          endLine: 2,
          endColumn: 7,
        },
      ],
      output: 'FROM nginx:1.27\nCOPY . /srv\n',
      outputFiles: { '.dockerignore': `${GENERIC_DOCKERIGNORE}**/*.sqlite\n` },
    },
    {
      name: 'option artifactPatterns: a local cache folder',
      code: 'FROM nginx:1.27\nCOPY . /srv\n',
      files: { '.dockerignore': GENERIC_DOCKERIGNORE, '.cache/pip/wheel': '' },
      options: [{ artifactPatterns: ['**/.cache'] }],
      errors: [
        {
          messageId: 'artifactSent',
          data: { source: '.', path: '.cache/', dockerignore: '.dockerignore' },
          line: 2,
          column: 6,
          endLine: 2,
          endColumn: 7,
        },
      ],
      output: 'FROM nginx:1.27\nCOPY . /srv\n',
      outputFiles: { '.dockerignore': `${GENERIC_DOCKERIGNORE}**/.cache\n` },
    },
    {
      name: 'option allowedNames replaces the defaults: .env.example becomes a secret',
      code: 'FROM python:3.12-slim\nCOPY .env.example /app/\n',
      files: { '.env.example': 'API_KEY=\n' },
      options: [{ allowedNames: [] }],
      errors: [{ messageId: 'explicitSecretCopy', data: { keyword: 'COPY', path: '.env.example' }, line: 2, column: 6, endLine: 2, endColumn: 18 }],
      output: null,
    },
    {
      name: 'a Compose build context: the .dockerignore is created at the context root',
      filename: 'docker/Dockerfile',
      code: 'FROM nginx:1.27\nCOPY . /usr/share/nginx/html\n',
      files: {
        'compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile\n',
        '.env': 'API_KEY=1\n',
      },
      errors: [{ messageId: 'missingDockerignoreWithFiles', data: { source: '.', paths: '.env' }, line: 2, column: 6, endLine: 2, endColumn: 7 }],
      output: 'FROM nginx:1.27\nCOPY . /usr/share/nginx/html\n',
    },
  ],
});

/** Lints one file of a virtual project with this rule alone. */
async function lintVirtual(code: string, files: Readonly<Record<string, string>>, filePath = 'Dockerfile'): Promise<readonly LintMessage[]> {
  const host = new MemoryHost(Object.fromEntries(Object.entries(files).map(([name, text]) => [path.resolve(VIRTUAL_ROOT, name), text])));
  const [result] = await lintText(code, {
    cwd: VIRTUAL_ROOT,
    filePath,
    host,
    plugins: [{ meta: { name: 't' }, rules: { 'dockerignore-secrets': rule } }],
    useConfigFiles: false,
    rules: { 'dockerignore-secrets': ['error'] },
  });
  return result!.messages;
}

/**
 * The file the first problem's fix (or its suggestion) creates, and the problems left once it
 * exists. The RuleTester applies edits of known files only, so creates are checked here.
 */
async function createdFile(code: string, files: Readonly<Record<string, string>>, filePath = 'Dockerfile') {
  const [first] = await lintVirtual(code, files, filePath);
  const edits = first?.fix?.edits ?? first?.suggestions?.[0]?.fix.edits ?? [];
  const [created] = edits.filter((edit) => edit.create);
  if (!created) return undefined;
  const name = path.relative(VIRTUAL_ROOT, created.file);
  const remaining = await lintVirtual(code, { ...files, [name]: created.text }, filePath);
  return { name, text: created.text, remaining: remaining.map((message) => message.messageId) };
}

describe('dockerignore-secrets creates a missing .dockerignore', () => {
  const header = '# Secrets and local settings never enter the build context.\n';
  const tooling = '# Version control and development files.\n';

  it('for a Python project, re-including the .env.example that was sent', async () => {
    expect(await createdFile(PYTHON_COPY_ALL, { 'pyproject.toml': PYPROJECT, '.env': 'API_KEY=1\n', '.env.example': 'API_KEY=\n' })).toEqual({
      name: '.dockerignore',
      text: `${header}.env\n.env.*\n${tooling}.git\n.venv\n**/__pycache__\n# Sent on purpose.\n!.env.example\n`,
      remaining: [],
    });
  });

  it('for any project', async () => {
    expect(await createdFile('FROM nginx:1.27\nADD . /usr/share/nginx/html\n', { 'index.html': '' })).toEqual({
      name: '.dockerignore',
      text: `${header}.env\n.env.*\n${tooling}.git\n`,
      remaining: [],
    });
  });

  it('for a Node project, copied with the JSON form', async () => {
    expect(await createdFile('FROM node:22-slim\nCOPY ["./", "/app"]\n', { 'package.json': '{}\n' })).toEqual({
      name: '.dockerignore',
      text: `${header}.env\n.env.*\n${tooling}.git\nnode_modules\n`,
      remaining: [],
    });
  });

  it('with the patterns of the secrets and artifacts found', async () => {
    const files = { 'config/id_rsa': 'k', 'config/__pycache__/settings.cpython-312.pyc': '', 'config/settings.py': '' };
    expect(await createdFile('FROM python:3.12-slim\nCOPY config ./config\n', files)).toEqual({
      name: '.dockerignore',
      text: `${header}.env\n.env.*\n**/id_rsa*\n${tooling}.git\n**/__pycache__\n`,
      remaining: [],
    });
  });

  it('at the root of the Compose build context', async () => {
    const files = {
      'compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile\n',
      '.env': 'API_KEY=1\n',
    };
    expect(await createdFile('FROM nginx:1.27\nCOPY . /usr/share/nginx/html\n', files, 'docker/Dockerfile')).toEqual({
      name: '.dockerignore',
      text: `${header}.env\n.env.*\n${tooling}.git\n`,
      remaining: [],
    });
  });

  it('as a suggestion when it would exclude a file a COPY names', async () => {
    expect(await createdFile('FROM python:3.12-slim\nCOPY . .\nCOPY .env.production /app/\n', { '.env.production': 'API_KEY=1\n' })).toEqual({
      name: '.dockerignore',
      text: `${header}.env\n.env.*\n${tooling}.git\n`,
      remaining: ['explicitSecretCopy'],
    });
  });
});

describe('dockerignore-secrets on the example projects', () => {
  const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../examples');
  const lintExample = async (name: string) => {
    const results = await lintProject({
      cwd: path.join(examples, name),
      plugins: [{ meta: { name: 't' }, rules: { 'dockerignore-secrets': rule } }],
      useConfigFiles: false,
      rules: { 'dockerignore-secrets': ['error'] },
    });
    return results.flatMap((result) =>
      result.messages.map((message) => ({
        file: path.relative(path.join(examples, name), result.filePath),
        at: `${message.line}:${message.column}-${message.endLine}:${message.endColumn}`,
        messageId: message.messageId,
        fix: message.fix?.edits.map((edit) => ({ file: path.basename(edit.file), text: edit.text })),
      })),
    );
  };

  it('the broken app copies its .env: COPY . . at 7:6, fixed by creating .dockerignore', async () => {
    expect(await lintExample('broken-streamlit-app')).toEqual([
      {
        file: 'Dockerfile',
        at: '7:6-7:7',
        messageId: 'missingDockerignoreWithFiles',
        fix: [
          {
            file: '.dockerignore',
            text:
              '# Secrets and local settings never enter the build context.\n.env\n.env.*\n' +
              '# Version control and development files.\n.git\n.venv\n**/__pycache__\n' +
              '# Sent on purpose.\n!.env.example\n',
          },
        ],
      },
    ]);
  });

  it('the hardened app is clean', async () => {
    expect(await lintExample('hardened-streamlit-app')).toEqual([]);
  });
});
