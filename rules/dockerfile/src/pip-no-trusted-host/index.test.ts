import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('pip-no-trusted-host', rule, {
  valid: [
    'FROM python:3.12\nRUN pip install --cert /etc/ssl/corp.pem --index-url https://pypi.corp.example/simple flask\n',
    'FROM python:3.12\nENV PIP_INDEX_URL=https://pypi.corp.example/simple\n',
    'FROM python:3.12\nRUN echo --trusted-host\n',
  ],
  invalid: [
    {
      code: 'FROM python:3.12\nRUN pip install --trusted-host pypi.corp.example flask\n',
      errors: [
        {
          messageId: 'trustedHostOption',
          data: { host: 'pypi.corp.example' },
          line: 2,
          column: 17,
          endLine: 2,
          endColumn: 49,
          suggestions: [{ messageId: 'removeOption', output: 'FROM python:3.12\nRUN pip install flask\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'the = form, python -m pip, pip3.12',
      code: 'FROM python:3.12\nRUN python3 -m pip install --trusted-host=a.example x && pip3.12 install --trusted-host b.example y\n',
      errors: [
        {
          messageId: 'trustedHostOption',
          data: { host: 'a.example' },
          line: 2,
          column: 28,
          endLine: 2,
          endColumn: 52,
          suggestions: [{ messageId: 'removeOption', output: 'FROM python:3.12\nRUN python3 -m pip install x && pip3.12 install --trusted-host b.example y\n' }],
        },
        {
          messageId: 'trustedHostOption',
          data: { host: 'b.example' },
          line: 2,
          column: 74,
          endLine: 2,
          endColumn: 98,
          suggestions: [{ messageId: 'removeOption', output: 'FROM python:3.12\nRUN python3 -m pip install --trusted-host=a.example x && pip3.12 install y\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'PIP_TRUSTED_HOST in ENV, ARG and RUN',
      code: 'FROM python:3.12\nENV PIP_TRUSTED_HOST=pypi.corp.example\nARG PIP_TRUSTED_HOST="x.example"\nRUN PIP_TRUSTED_HOST=y.example pip install z && export PIP_TRUSTED_HOST=w\n',
      errors: [
        { messageId: 'trustedHostVariable', data: { name: 'PIP_TRUSTED_HOST', host: 'pypi.corp.example' }, line: 2, column: 5, endLine: 2, endColumn: 39, suggestions: [] },
        { messageId: 'trustedHostVariable', data: { name: 'PIP_TRUSTED_HOST', host: 'x.example' }, line: 3, column: 5, endLine: 3, endColumn: 33, suggestions: [] },
        { messageId: 'trustedHostVariable', data: { name: 'PIP_TRUSTED_HOST', host: 'y.example' }, line: 4, column: 5, endLine: 4, endColumn: 31, suggestions: [] },
        { messageId: 'trustedHostVariable', data: { name: 'PIP_TRUSTED_HOST', host: 'w' }, line: 4, column: 56, endLine: 4, endColumn: 74, suggestions: [] },
      ],
      output: null,
    },
  ],
});
