import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('npm-no-insecure-ssl', rule, {
  valid: [
    'FROM node:22\nRUN npm config set cafile /etc/ssl/corp.pem && npm config set strict-ssl true\n',
    'FROM node:22\nRUN npm install strict-ssl false\n',
    'FROM node:22\nRUN echo config set strict-ssl false\n',
  ],
  invalid: [
    {
      code: 'FROM node:22\nRUN npm config set strict-ssl false && npm ci\n',
      errors: [
        {
          messageId: 'strictSslOff',
          data: { tool: 'npm' },
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 36,
          suggestions: [{ messageId: 'enableStrictSsl', output: 'FROM node:22\nRUN npm config set strict-ssl true && npm ci\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'yarn, npm set with =, a global flag',
      code: 'FROM node:22\nRUN yarn config set strict-ssl false -g && npm set strict-ssl=false\n',
      errors: [
        {
          messageId: 'strictSslOff',
          data: { tool: 'yarn' },
          line: 2,
          column: 21,
          endLine: 2,
          endColumn: 37,
          suggestions: [{ messageId: 'enableStrictSsl', output: 'FROM node:22\nRUN yarn config set strict-ssl true -g && npm set strict-ssl=false\n' }],
        },
        {
          messageId: 'strictSslOff',
          data: { tool: 'npm' },
          line: 2,
          column: 52,
          endLine: 2,
          endColumn: 68,
          suggestions: [{ messageId: 'enableStrictSsl', output: 'FROM node:22\nRUN yarn config set strict-ssl false -g && npm set strict-ssl=true\n' }],
        },
      ],
      output: null,
    },
  ],
});
