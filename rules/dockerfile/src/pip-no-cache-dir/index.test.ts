import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const F = 'FROM python:3.12\n';

new RuleTester().run('pip-no-cache-dir', rule, {
  valid: [
    `${F}RUN pip install --no-cache-dir flask==3.0.3\n`,
    `${F}RUN pip3 install -r requirements.txt --no-cache-dir && python -m pip --no-cache-dir install gunicorn\n`,
    `${F}RUN pipx install poetry && pipenv install && pip freeze\n`,
    { name: 'ENV in the stage', code: `${F}ENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n` },
    { name: 'ENV inherited from the parent stage', code: 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=true\nFROM base\nRUN pip install flask\n' },
    { name: 'set in the RUN', code: `${F}RUN PIP_NO_CACHE_DIR=on pip install a && export PIP_NO_CACHE_DIR=yes && pip install b\n` },
    `${F}RUN env PIP_NO_CACHE_DIR=1 pip install flask\n`,
    { name: 'a cache mount', code: `${F}RUN --mount=type=cache,target=/root/.cache/pip pip install flask\n` },
    `${F}RUN --mount=type=tmpfs,target=/home/app/.cache pip install --user flask\n`,
    {
      // Corpus: Wonderfall/dockerfiles isso/Dockerfile:21. pip (optparse) takes unambiguous prefixes of long options.
      name: 'abbreviations of --no-cache-dir that pip accepts',
      code: `${F}RUN pip install --no-cache cffi \\\n && pip install --no-cache misaka==1.0.2 \\\n && pip --no-ca install a && pip install --no-cache-di b\n`,
    },
  ],
  invalid: [
    {
      name: '--no-c is ambiguous (--no-clean, --no-color, --no-compile); --no-cached is no option of pip',
      code: `${F}RUN pip install --no-c a && pip install --no-cached b\n`,
      errors: [
        { messageId: 'missingNoCacheDir', line: 2, column: 9, endLine: 2, endColumn: 16 },
        { messageId: 'missingNoCacheDir', line: 2, column: 33, endLine: 2, endColumn: 40 },
      ],
      output: `${F}RUN pip install --no-cache-dir --no-c a && pip install --no-cache-dir --no-cached b\n`,
    },
    {
      code: `${F}RUN pip install flask\n`,
      errors: [{ messageId: 'missingNoCacheDir', line: 2, column: 9, endLine: 2, endColumn: 16 }],
      output: `${F}RUN pip install --no-cache-dir flask\n`,
    },
    {
      name: 'falsy PIP_NO_CACHE_DIR, another stage\'s ENV, a mount elsewhere',
      code: `FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12\nENV PIP_NO_CACHE_DIR=0\nRUN --mount=type=cache,target=/var/cache/apt pip install flask\n`,
      errors: [{ messageId: 'missingNoCacheDir', line: 5, column: 50, endLine: 5, endColumn: 57 }],
      output: `FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12\nENV PIP_NO_CACHE_DIR=0\nRUN --mount=type=cache,target=/var/cache/apt pip install --no-cache-dir flask\n`,
    },
    {
      name: 'python -m pip, pip3.12, sh -c, exec form, ONBUILD, a later assignment',
      code: `${F}RUN python3 -m pip install -U pip && pip3.12 install x && export PIP_NO_CACHE_DIR=1\nRUN sh -c 'pip install y'\nRUN ["pip", "install", "z"]\nONBUILD RUN pip install .\n`,
      errors: [
        { messageId: 'missingNoCacheDir', line: 2, column: 20, endLine: 2, endColumn: 27 },
        { messageId: 'missingNoCacheDir', line: 2, column: 46, endLine: 2, endColumn: 53 },
        { messageId: 'missingNoCacheDir', line: 3, column: 16, endLine: 3, endColumn: 23 },
        { messageId: 'missingNoCacheDir', line: 4, column: 13, endLine: 4, endColumn: 22 },
        { messageId: 'missingNoCacheDir', line: 5, column: 17, endLine: 5, endColumn: 24 },
      ],
      output: `${F}RUN python3 -m pip install --no-cache-dir -U pip && pip3.12 install --no-cache-dir x && export PIP_NO_CACHE_DIR=1\nRUN sh -c 'pip install --no-cache-dir y'\nRUN ["pip", "install", "--no-cache-dir", "z"]\nONBUILD RUN pip install --no-cache-dir .\n`,
    },
  ],
});
