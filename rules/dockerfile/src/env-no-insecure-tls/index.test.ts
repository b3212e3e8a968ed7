import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('env-no-insecure-tls', rule, {
  valid: [
    'FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=1 NODE_EXTRA_CA_CERTS=/etc/ssl/corp.pem\n',
    'FROM python:3.12\nENV PYTHONHTTPSVERIFY=1\nARG GIT_SSL_NO_VERIFY\n',
    'FROM node:22\nRUN npm config get strict-ssl && echo NODE_TLS_REJECT_UNAUTHORIZED=0\n',
  ],
  invalid: [
    {
      code: 'FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n',
      errors: [
        {
          messageId: 'insecureVariable',
          data: { name: 'NODE_TLS_REJECT_UNAUTHORIZED', tool: 'Node.js' },
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 35,
          suggestions: [{ messageId: 'restoreValue', data: { name: 'NODE_TLS_REJECT_UNAUTHORIZED', value: '1' }, output: 'FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'legacy ENV form, ARG default, quoted values, any GIT_SSL_NO_VERIFY',
      code: 'FROM python:3.12\nENV PYTHONHTTPSVERIFY 0\nARG npm_config_strict_ssl="false"\nENV GIT_SSL_NO_VERIFY=true\n',
      errors: [
        {
          messageId: 'insecureVariable',
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 24,
          suggestions: [{ messageId: 'restoreValue', output: 'FROM python:3.12\nENV PYTHONHTTPSVERIFY 1\nARG npm_config_strict_ssl="false"\nENV GIT_SSL_NO_VERIFY=true\n' }],
        },
        {
          messageId: 'insecureVariable',
          data: { name: 'npm_config_strict_ssl', tool: 'npm' },
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 34,
          suggestions: [{ messageId: 'restoreValue', output: 'FROM python:3.12\nENV PYTHONHTTPSVERIFY 0\nARG npm_config_strict_ssl=true\nENV GIT_SSL_NO_VERIFY=true\n' }],
        },
        { messageId: 'insecureVariable', data: { name: 'GIT_SSL_NO_VERIFY', tool: 'git' }, line: 4, column: 5, endLine: 4, endColumn: 27, suggestions: [] },
      ],
      output: null,
    },
    {
      name: 'in RUN: prefix assignment, export, env',
      code: 'FROM node:22\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci && export GIT_SSL_NO_VERIFY=1 && env PYTHONHTTPSVERIFY=0 python x.py\n',
      errors: [
        {
          messageId: 'insecureVariable',
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'restoreValue',
              output: 'FROM node:22\nRUN NODE_TLS_REJECT_UNAUTHORIZED=1 npm ci && export GIT_SSL_NO_VERIFY=1 && env PYTHONHTTPSVERIFY=0 python x.py\n',
            },
          ],
        },
        { messageId: 'insecureVariable', line: 2, column: 53, endLine: 2, endColumn: 72, suggestions: [] },
        {
          messageId: 'insecureVariable',
          line: 2,
          column: 80,
          endLine: 2,
          endColumn: 99,
          suggestions: [
            {
              messageId: 'restoreValue',
              output: 'FROM node:22\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci && export GIT_SSL_NO_VERIFY=1 && env PYTHONHTTPSVERIFY=1 python x.py\n',
            },
          ],
        },
      ],
      output: null,
    },
  ],
});
