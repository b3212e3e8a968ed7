import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintProject, lintText, MemoryHost, type LintMessage } from '@docmind-docker-lint/core';
import { RuleTester, VIRTUAL_ROOT } from '@docmind-docker-lint/rule-tester';
import { describe, expect, it } from 'vitest';
import rule from './index.js';

/** A minimal pyproject.toml; `requires-python` is on line 4. */
const pyproject = (requires: string): string =>
  `[project]\nname = "app"\nversion = "1.0.0"\nrequires-python = "${requires}"\n`;
const only311 = { 'pyproject.toml': pyproject('>=3.11,<3.12') };
const declared311 = 'pyproject.toml:4 requires-python ">=3.11,<3.12"';
const DIGEST = 'sha256:0a7dfd1b3e0ab4f0c2d0fbd5fd3f5a3b0b1d8e0a83c8a1d2cce0b7c9f4c7e1aa';

new RuleTester().run('python-version-pin', rule, {
  valid: [
    { name: 'a minor that satisfies requires-python', code: 'FROM python:3.11-slim\n', files: only311 },
    {
      name: 'every stage satisfies it; a stage built from another stage inherits its Python',
      code: 'FROM python:3.11-slim-bookworm AS build\nRUN pip wheel .\nFROM build AS test\nFROM python:3.11-slim-bookworm\n',
      files: only311,
    },
    { name: 'an exact release that satisfies it', code: 'FROM python:3.11.9-alpine3.20\n', files: only311 },
    { name: 'registry spellings of the official image', code: 'FROM library/python:3.11\nFROM docker.io/library/python:3.11-slim\n', files: only311 },
    { name: 'images without Python are not checked', code: 'FROM node:22-alpine\nFROM debian:bookworm-slim\n', files: only311 },
    {
      name: "uv's image without Python in the tag, and with a Python that fits",
      code: 'FROM ghcr.io/astral-sh/uv:0.5.11 AS uv\nFROM ghcr.io/astral-sh/uv:0.5.11-python3.11-bookworm-slim\n',
      files: only311,
    },
    { name: 'a digest-only reference names no tag to check', code: `FROM python@${DIGEST}\n`, files: only311 },
    { name: 'no declared Python: a pinned minor is fine', code: 'FROM python:3.12-slim\n' },
    { name: '.python-version is the source without requires-python', code: 'FROM python:3.12\n', files: { '.python-version': '3.12\n' } },
    { name: "uv's spelling in .python-version", code: 'FROM python:3.12.7\n', files: { '.python-version': 'cpython@3.12\n' } },
    {
      name: 'requires-python wins over .python-version',
      code: 'FROM python:3.11-slim\n',
      files: { ...only311, '.python-version': '3.12\n' },
    },
    {
      name: 'the requires option overrides the project files',
      code: 'FROM python:3.12-slim\n',
      files: only311,
      options: [{ requires: '>=3.12,<3.13' }],
    },
    {
      name: 'stages on one minor, one pinned to a release',
      code: 'FROM python:3.12 AS build\nFROM python:3.12.7-slim\n',
      files: { 'pyproject.toml': pyproject('>=3.11') },
    },
    {
      name: 'a Compose build arg that sets a fitting version is what the build uses',
      code: 'ARG PYTHON_VERSION=3.13\nFROM python:${PYTHON_VERSION}-slim\n',
      files: { ...only311, 'compose.yaml': 'services:\n  app:\n    build:\n      context: .\n      args:\n        PYTHON_VERSION: "3.11"\n' },
    },
    {
      name: 'an image of the images option whose tag fits',
      code: 'FROM ghcr.io/acme/python-base:py3.11-2025.01\n',
      files: only311,
      options: [{ images: [{ name: 'ghcr.io/acme/python-base', versionPattern: '^py(?<version>\\d+(?:\\.\\d+)*)-' }] }],
    },
    {
      name: 'pyproject.toml and a .python-version that agree',
      filename: 'pyproject.toml',
      code: pyproject('>=3.11,<3.12'),
      files: { '.python-version': '3.11\n' },
    },
    {
      name: 'with the requires option, .python-version is not compared',
      filename: 'pyproject.toml',
      code: pyproject('>=3.11,<3.12'),
      files: { '.python-version': '3.12\n' },
      options: [{ requires: '3.12' }],
    },
  ],
  invalid: [
    {
      name: 'a minor outside requires-python is rewritten, the variant kept',
      code: 'FROM python:3.13-slim\n',
      files: only311,
      errors: [
        {
          messageId: 'outsideConstraint',
          data: { image: 'python:3.13-slim', version: '3.13', constraint: declared311 },
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 17,
        },
      ],
      output: 'FROM python:3.11-slim\n',
    },
    {
      name: 'after a --platform flag, with a stage name',
      code: 'FROM --platform=$BUILDPLATFORM python:3.12-slim-bookworm AS build\n',
      files: only311,
      errors: [{ messageId: 'outsideConstraint', line: 1, column: 39, endLine: 1, endColumn: 43 }],
      output: 'FROM --platform=$BUILDPLATFORM python:3.11-slim-bookworm AS build\n',
    },
    {
      name: 'an ARG default used by two stages: one problem, on the default',
      code: 'ARG PYTHON_VERSION=3.13\nFROM python:${PYTHON_VERSION}-slim AS build\nFROM python:${PYTHON_VERSION}-slim\n',
      files: only311,
      errors: [{ messageId: 'outsideConstraint', line: 1, column: 20, endLine: 1, endColumn: 24 }],
      output: 'ARG PYTHON_VERSION=3.11\nFROM python:${PYTHON_VERSION}-slim AS build\nFROM python:${PYTHON_VERSION}-slim\n',
    },
    {
      name: 'a quoted ARG default keeps its quotes',
      code: 'ARG PYTHON_VERSION="3.10"\nFROM python:${PYTHON_VERSION}\n',
      files: only311,
      errors: [{ messageId: 'outsideConstraint', line: 1, column: 21, endLine: 1, endColumn: 25 }],
      output: 'ARG PYTHON_VERSION="3.11"\nFROM python:${PYTHON_VERSION}\n',
    },
    {
      name: 'the default of a ${VAR:-default} expansion, written in the FROM line',
      code: 'FROM python:${PYTHON_VERSION:-3.13}-slim\n',
      files: only311,
      errors: [{ messageId: 'outsideConstraint', line: 1, column: 31, endLine: 1, endColumn: 35 }],
      output: 'FROM python:${PYTHON_VERSION:-3.11}-slim\n',
    },
    {
      name: 'a version written in two places is reported on the image, not fixed',
      code: 'ARG MINOR=13\nFROM python:3.${MINOR}-slim\n',
      files: only311,
      errors: [{ messageId: 'outsideConstraint', line: 2, column: 6, endLine: 2, endColumn: 28 }],
      output: null,
    },
    {
      name: 'a Dockerfile in a subfolder, built by Compose from the project root',
      filename: 'docker/Dockerfile',
      code: 'FROM python:3.12-slim\n',
      files: { ...only311, 'compose.yaml': 'services:\n  app:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile\n' },
      errors: [
        {
          messageId: 'outsideConstraint',
          data: { image: 'python:3.12-slim', version: '3.12', constraint: '../pyproject.toml:4 requires-python ">=3.11,<3.12"' },
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 17,
        },
      ],
      output: 'FROM python:3.11-slim\n',
    },
    {
      name: 'a whole image reference in an ARG default',
      code: 'ARG BASE=python:3.13-alpine3.20\nFROM ${BASE}\n',
      files: only311,
      errors: [{ messageId: 'outsideConstraint', line: 1, column: 17, endLine: 1, endColumn: 21 }],
      output: 'ARG BASE=python:3.11-alpine3.20\nFROM ${BASE}\n',
    },
    {
      name: 'two problems in two stages, fixed in one pass',
      code: 'FROM python:3.12 AS build\nRUN python -m venv /venv\nFROM python:latest\nCOPY --from=build /venv /venv\n',
      files: only311,
      errors: [
        { messageId: 'outsideConstraint', line: 1, column: 13, endLine: 1, endColumn: 17 },
        {
          messageId: 'noVersion',
          data: { image: 'python:latest', constraint: declared311 },
          line: 3,
          column: 13,
          endLine: 3,
          endColumn: 19,
        },
      ],
      output: 'FROM python:3.11 AS build\nRUN python -m venv /venv\nFROM python:3.11\nCOPY --from=build /venv /venv\n',
    },
    {
      name: 'no tag: the image name is reported and the version appended',
      code: 'FROM python AS base\n',
      files: only311,
      errors: [{ messageId: 'noVersion', line: 1, column: 6, endLine: 1, endColumn: 12 }],
      output: 'FROM python:3.11 AS base\n',
    },
    {
      name: 'a variant-only tag gets the version in front',
      code: 'FROM docker.io/library/python:slim-bookworm\n',
      files: only311,
      errors: [{ messageId: 'noVersion', line: 1, column: 31, endLine: 1, endColumn: 44 }],
      output: 'FROM docker.io/library/python:3.11-slim-bookworm\n',
    },
    {
      name: 'a major-only tag',
      code: 'FROM python:3-alpine\n',
      files: only311,
      errors: [
        {
          messageId: 'majorOnly',
          data: { image: 'python:3-alpine', version: '3', constraint: declared311 },
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 14,
        },
      ],
      output: 'FROM python:3.11-alpine\n',
    },
    {
      name: 'an exact release is rewritten to an exact release',
      code: 'FROM python:3.13.1-slim\n',
      files: only311,
      errors: [{ messageId: 'outsideConstraint', line: 1, column: 13, endLine: 1, endColumn: 19 }],
      output: 'FROM python:3.11.14-slim\n',
    },
    {
      name: 'a constraint on patches: the floating minor pulls a patch it excludes',
      code: 'FROM python:3.11-slim\n',
      files: { 'pyproject.toml': pyproject('==3.11.4') },
      errors: [{ messageId: 'outsideConstraint', line: 1, column: 13, endLine: 1, endColumn: 17 }],
      output: 'FROM python:3.11.4-slim\n',
    },
    {
      name: 'a digest-pinned reference gets a suggestion that drops the digest, not a fix',
      code: `FROM python:3.13-slim@${DIGEST}\n`,
      files: only311,
      errors: [
        {
          messageId: 'outsideConstraint',
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 17,
          suggestions: [
            { messageId: 'useImageWithoutDigest', data: { image: 'python:3.11-slim' }, output: 'FROM python:3.11-slim\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: "uv's images that carry Python",
      code: 'FROM ghcr.io/astral-sh/uv:python3.13-bookworm-slim AS build\nFROM ghcr.io/astral-sh/uv:0.5.11-python3.12-alpine\n',
      files: only311,
      errors: [
        { messageId: 'outsideConstraint', line: 1, column: 33, endLine: 1, endColumn: 37 },
        { messageId: 'outsideConstraint', line: 2, column: 40, endLine: 2, endColumn: 44 },
      ],
      output: 'FROM ghcr.io/astral-sh/uv:python3.11-bookworm-slim AS build\nFROM ghcr.io/astral-sh/uv:0.5.11-python3.11-alpine\n',
    },
    {
      name: '.python-version is the declaration without requires-python',
      code: 'FROM python:3.12-slim\n',
      files: { '.python-version': '3.11\n' },
      errors: [
        {
          messageId: 'outsideConstraint',
          data: { image: 'python:3.12-slim', version: '3.12', constraint: '.python-version:1 "3.11"' },
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 17,
        },
      ],
      output: 'FROM python:3.11-slim\n',
    },
    {
      name: 'the requires option overrides requires-python',
      code: 'FROM python:3.11-slim\n',
      files: only311,
      options: [{ requires: '>=3.12,<3.13' }],
      errors: [
        {
          messageId: 'outsideConstraint',
          data: { image: 'python:3.11-slim', version: '3.11', constraint: 'the "requires" option ">=3.12,<3.13"' },
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 17,
        },
      ],
      output: 'FROM python:3.12-slim\n',
    },
    {
      name: 'no declared Python: an unpinned tag gets a suggestion, not a fix',
      code: 'FROM python:latest\n',
      errors: [
        {
          messageId: 'noVersion',
          data: { image: 'python:latest', constraint: 'nothing (no requires-python, .python-version or "requires" option)' },
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 19,
          suggestions: [{ messageId: 'useImage', data: { image: 'python:3.14' }, output: 'FROM python:3.14\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'no known release satisfies the constraint: reported, not fixed',
      code: 'FROM python:3.13-slim\n',
      files: { 'pyproject.toml': pyproject('>=3.20') },
      errors: [{ messageId: 'outsideConstraint', line: 1, column: 13, endLine: 1, endColumn: 17 }],
      output: null,
    },
    {
      name: 'stages on different minors that each fit',
      code: 'FROM python:3.11-slim AS build\nRUN python -m venv /venv\nFROM python:3.12-slim\nCOPY --from=build /venv /venv\n',
      files: { 'pyproject.toml': pyproject('>=3.11') },
      errors: [
        {
          messageId: 'stagesDiffer',
          data: { stage: '1', version: '3.12', otherStage: 'build', otherVersion: '3.11' },
          line: 3,
          column: 13,
          endLine: 3,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'alignStages',
              data: { version: '3.11', otherStage: 'build' },
              output: 'FROM python:3.11-slim AS build\nRUN python -m venv /venv\nFROM python:3.11-slim\nCOPY --from=build /venv /venv\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a Compose build arg (map form) that overrides the ARG: fixed in the Compose file',
      code: 'ARG PYTHON_VERSION=3.11\nFROM python:${PYTHON_VERSION}-slim\n',
      files: { ...only311, 'compose.yaml': 'services:\n  app:\n    build:\n      context: .\n      args:\n        PYTHON_VERSION: "3.13"\n' },
      errors: [{ messageId: 'outsideConstraint', line: 2, column: 13, endLine: 2, endColumn: 30 }],
      output: 'ARG PYTHON_VERSION=3.11\nFROM python:${PYTHON_VERSION}-slim\n',
      outputFiles: { 'compose.yaml': 'services:\n  app:\n    build:\n      context: .\n      args:\n        PYTHON_VERSION: "3.11"\n' },
    },
    {
      name: 'a Compose build arg (list form)',
      code: 'ARG PYTHON_VERSION\nFROM python:$PYTHON_VERSION\n',
      files: { ...only311, 'compose.yaml': 'services:\n  app:\n    build:\n      context: .\n      args:\n        - PYTHON_VERSION=3.12\n' },
      errors: [{ messageId: 'outsideConstraint', line: 2, column: 13, endLine: 2, endColumn: 28 }],
      output: 'ARG PYTHON_VERSION\nFROM python:$PYTHON_VERSION\n',
      outputFiles: { 'compose.yaml': 'services:\n  app:\n    build:\n      context: .\n      args:\n        - PYTHON_VERSION=3.11\n' },
    },
    {
      name: 'an image of the images option',
      code: 'FROM ghcr.io/acme/python-base:py3.12-2025.01 AS build\nFROM ghcr.io/acme/python-base:stable\n',
      files: only311,
      options: [{ images: [{ name: 'ghcr.io/acme/python-base', versionPattern: '^py(?<version>\\d+(?:\\.\\d+)*)-' }] }],
      errors: [
        { messageId: 'outsideConstraint', line: 1, column: 33, endLine: 1, endColumn: 37 },
        { messageId: 'noVersion', line: 2, column: 31, endLine: 2, endColumn: 37, suggestions: [] },
      ],
      output: 'FROM ghcr.io/acme/python-base:py3.11-2025.01 AS build\nFROM ghcr.io/acme/python-base:stable\n',
    },
    {
      name: 'pyproject.toml and .python-version disagree',
      filename: 'pyproject.toml',
      code: pyproject('>=3.11,<3.12'),
      files: { '.python-version': '3.12\n' },
      errors: [
        {
          messageId: 'sourcesDisagree',
          data: { pythonVersion: '.python-version:1', version: '3.12', specifier: '">=3.11,<3.12"' },
          line: 4,
          column: 19,
          endLine: 4,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'updatePythonVersion',
              data: { version: '3.11' },
              output: pyproject('>=3.11,<3.12'),
              outputFiles: { '.python-version': '3.11\n' },
            },
          ],
        },
      ],
      output: null,
    },
  ],
});

describe('python-version-pin options that cannot work', () => {
  const lint = (options: Record<string, unknown>) =>
    lintText('FROM python:3.11\n', {
      cwd: VIRTUAL_ROOT,
      filePath: 'Dockerfile',
      host: new MemoryHost({}),
      plugins: [{ meta: { name: 't' }, rules: { 'python-version-pin': rule } }],
      useConfigFiles: false,
      rules: { 'python-version-pin': ['error', options] },
    });

  it('fails the rule with a clear message for a requires that is no specifier', async () => {
    const [result] = await lint({ requires: '^3.11' });
    expect(result!.messages.map((message) => message.message)).toEqual([
      'Rule "python-version-pin" failed on this file: python-version-pin: the "requires" option "^3.11" is not a PEP 440 specifier or version.',
    ]);
  });

  it('fails the rule with a clear message for a versionPattern without a version group', async () => {
    const [result] = await lint({ images: [{ name: 'acme/py', versionPattern: '^py(\\d+)' }] });
    expect(result!.messages.map((message) => message.message)).toEqual([
      'Rule "python-version-pin" failed on this file: python-version-pin: the versionPattern of image "acme/py" needs a group named "version".',
    ]);
  });
});

const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../examples');

async function lintExample(name: string): Promise<{ file: string; message: LintMessage }[]> {
  const results = await lintProject({
    cwd: path.join(examples, name),
    plugins: [{ meta: { name: 't' }, rules: { 'python-version-pin': rule } }],
    useConfigFiles: false,
    rules: { 'python-version-pin': ['error'] },
  });
  return results.flatMap((result) =>
    result.messages.map((message) => ({ file: path.relative(path.join(examples, name), result.filePath), message })),
  );
}

describe('python-version-pin on the example projects', () => {
  it('reports the 3.13 image of the broken app against its requires-python, and fixes it to 3.11', async () => {
    const problems = await lintExample('broken-streamlit-app');
    expect(
      problems.map(({ file, message }) => ({
        file,
        at: `${message.line}:${message.column}-${message.endLine}:${message.endColumn}`,
        messageId: message.messageId,
        message: message.message,
        fixed: message.fix?.edits.map((edit) => edit.text),
        related: message.related?.map((related) => `${path.basename(related.filePath)}:${related.line}:${related.column}`),
      })),
    ).toEqual([
      {
        file: 'Dockerfile',
        at: '1:13-1:17',
        messageId: 'outsideConstraint',
        message: '`python:3.13-slim` runs Python 3.13, which does not satisfy pyproject.toml:7 requires-python ">=3.11,<3.12".',
        fixed: ['3.11'],
        related: ['pyproject.toml:7:19'],
      },
    ]);
  });

  it('finds nothing in the hardened app', async () => {
    expect(await lintExample('hardened-streamlit-app')).toEqual([]);
  });
});
