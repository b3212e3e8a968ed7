import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const filename = 'compose.yaml';

new RuleTester().run('paths-exist', rule, {
  valid: [
    {
      name: 'everything is there',
      filename,
      files: { 'app/Dockerfile.prod': 'FROM python:3.12\n', 'app.env': 'A=1\n', 'conf/nginx.conf': '', 'token.txt': 'x' },
      code: [
        'services:',
        '  app:',
        '    build: {context: ./app, dockerfile: Dockerfile.prod}',
        '    env_file: [app.env, {path: local.env, required: false}]',
        '    volumes:',
        '      - {type: bind, source: ./conf, target: /etc/nginx}',
        '      - ./data:/data',
        '      - /srv/logs:/logs',
        '    secrets: [token]',
        'secrets:',
        '  token: {file: ./token.txt}',
        '',
      ].join('\n'),
    },
    { name: 'remote contexts, absolute and variable paths are not judged', filename, code: 'services:\n  a:\n    build: https://github.com/docker/buildx.git#main\n  b:\n    build: ${CTX}\n    env_file: /etc/app.env\n' },
    { name: 'a bind mount Compose creates', filename, code: 'services:\n  a:\n    image: a:1\n    volumes:\n      - type: bind\n        source: ./cache\n        target: /cache\n        bind: {create_host_path: true}\n' },
  ],
  invalid: [
    {
      name: 'each missing path at its value',
      filename,
      files: { 'api/Dockerfile': 'FROM node:22\n' },
      code: [
        'services:',
        '  web:',
        '    build: ./web # missing',
        '    env_file: .env.web',
        '  api:',
        '    build:',
        '      context: api',
        '      dockerfile: Dockerfile.dev',
        '    volumes:',
        '      - type: bind',
        '        source: ./nginx.conf',
        '        target: /etc/nginx/nginx.conf',
        'configs:',
        '  site: {file: ./site.conf}',
        '',
      ].join('\n'),
      errors: [
        { messageId: 'missingContext', data: { owner: 'web', path: './web' }, line: 3, column: 12, endLine: 3, endColumn: 17 },
        { messageId: 'missingEnvFile', data: { owner: 'web', path: '.env.web', example: '' }, line: 4, column: 15, endLine: 4, endColumn: 23 },
        { messageId: 'missingDockerfile', data: { owner: 'api', path: 'Dockerfile.dev' }, line: 8, column: 19, endLine: 8, endColumn: 33 },
        { messageId: 'missingBindSource', data: { owner: 'api', path: './nginx.conf' }, line: 11, column: 17, endLine: 11, endColumn: 29 },
        { messageId: 'missingFile', data: { owner: 'The config "site"', path: './site.conf' }, line: 14, column: 16, endLine: 14, endColumn: 27 },
      ],
      output: null,
    },
    {
      name: 'an env file with an example beside it',
      filename,
      files: { '.env.example': 'TOKEN=\n' },
      code: 'services:\n  web:\n    image: web:1\n    env_file:\n      - .env\n',
      errors: [{ messageId: 'missingEnvFile', data: { owner: 'web', path: '.env', example: ' (from ".env.example")' }, line: 5, column: 9, endLine: 5, endColumn: 13 }],
      output: null,
    },
  ],
});
