import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const F = 'FROM node:22-slim\n';

new RuleTester().run('npm-packages-pinned', rule, {
  valid: [
    `${F}RUN npm install -g express@4.21.1 @angular/cli@"^18.2.0" 'typescript@>=5.4 <5.6'\n`,
    { name: 'package.json installs', code: `${F}RUN npm ci && npm install && npm install --omit=dev --registry https://registry.example.com\n` },
    { name: 'tarballs, folders, git sources with a ref', code: `${F}RUN npm install ./vendor/tool-1.2.3.tgz /opt/pkg ~/lib ../shared git+https://github.com/org/tool.git#v1.0.3 github:org/lib#4f2a1c9\n` },
    { name: 'other subcommands', code: `${F}RUN npm run --silent install && npm uninstall express\n` },
  ],
  invalid: [
    {
      code: `${F}RUN npm install --registry=https://registry.example.com express lodash@4.17.21\n`,
      errors: [{ messageId: 'unpinned', data: { package: 'express', pinned: 'express@<version>' }, line: 2, column: 57, endLine: 2, endColumn: 64 }],
      output: null,
    },
    {
      name: 'scoped packages, git sources without a ref, dist-tags, npm i and npm add',
      code: `${F}RUN npm i -g @nestjs/cli git+ssh://git@github.com:org/tool.git \\\n && npm add typescript@latest\n`,
      errors: [
        { messageId: 'unpinned', data: { package: '@nestjs/cli', pinned: '@nestjs/cli@<version>' }, line: 2, column: 14, endLine: 2, endColumn: 25 },
        { messageId: 'unpinned', data: { package: 'git+ssh://git@github.com:org/tool.git', pinned: 'git+ssh://git@github.com:org/tool.git#<commit or tag>' }, line: 2, column: 26, endLine: 2, endColumn: 63 },
        { messageId: 'unpinned', data: { package: 'typescript@latest', pinned: 'typescript@<version>' }, line: 3, column: 13, endLine: 3, endColumn: 30 },
      ],
      output: null,
    },
  ],
});
