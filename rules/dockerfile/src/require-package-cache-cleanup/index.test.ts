import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const D = 'FROM debian:12\n';
const R = 'FROM fedora:40\n';

new RuleTester().run('require-package-cache-cleanup', rule, {
  valid: [
    `${D}RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n`,
    `${D}RUN apt-get install -y ./local.deb\n`,
    { name: 'cache mount on the lists', code: `${D}RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n` },
    { name: 'cache mounts on both apt folders', code: `${D}RUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt apt-get update\n` },
    { name: 'a builder stage nobody builds on', code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM scratch\nCOPY --from=build /out /out\n' },
    `${R}RUN dnf install -y httpd && dnf clean all\n`,
    `${R}RUN microdnf install -y httpd && rm -rf /var/cache/yum/*\n`,
    `${R}RUN yum -y install httpd && yum clean all\n`,
    `${R}RUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y httpd\n`,
    `${R}RUN dnf group list && dnf clean all\n`,
    'FROM opensuse/leap:15\nRUN zypper -n install httpd && zypper cc\n',
    'FROM opensuse/leap:15\nRUN --mount=type=tmpfs,target=/var/cache/zypp zypper -n in httpd\n',
    'FROM node:22\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
    'FROM node:22\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n',
    'FROM node:22\nRUN yarn build && yarn test && yarn --version\n',
    { name: 'apt-get dist-clean removes the lists', code: 'FROM debian:13\nRUN apt-get update && apt-get install -y curl && apt-get dist-clean\n' },
  ],
  invalid: [
    {
      code: `${D}RUN apt-get update && apt-get install -y curl\n`,
      errors: [
        {
          messageId: 'cacheLeft',
          data: { command: 'apt-get update', cache: 'the package lists (/var/lib/apt/lists)', cleanup: 'rm -rf /var/lib/apt/lists/*' },
          line: 2,
          column: 13,
          endLine: 2,
          endColumn: 19,
        },
      ],
      output: `${D}RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n`,
    },
    {
      name: 'continued lines; a stage a later stage builds on; a mount on one apt folder only',
      code: `FROM debian:12 AS base\nRUN --mount=type=cache,target=/var/cache/apt \\\n    apt update \\\n && apt install -y curl\nFROM base\nRUN echo done\n`,
      errors: [{ messageId: 'cacheLeft', line: 3, column: 9, endLine: 3, endColumn: 15 }],
      output: `FROM debian:12 AS base\nRUN --mount=type=cache,target=/var/cache/apt \\\n    apt update \\\n && apt install -y curl && rm -rf /var/lib/apt/lists/*\nFROM base\nRUN echo done\n`,
    },
    {
      name: 'a cleanup before the install does not count; each manager is reported once, at its last filling command',
      code: `${R}RUN dnf clean all && dnf install -y a && dnf -y upgrade && yum install -y b\n`,
      errors: [
        { messageId: 'cacheLeft', line: 2, column: 49, endLine: 2, endColumn: 56 },
        { messageId: 'cacheLeft', line: 2, column: 64, endLine: 2, endColumn: 71 },
      ],
      // `dnf clean all` empties yum's cache too (they share it): one pass fixes both.
      output: `${R}RUN dnf clean all && dnf install -y a && dnf -y upgrade && yum install -y b && dnf clean all\n`,
    },
    {
      name: 'microdnf, dnf group install, zypper, yarn',
      code: `${R}RUN microdnf install -y a\nRUN dnf group install -y tools\nRUN zypper -n in b\nRUN yarn\n`,
      errors: [
        { messageId: 'cacheLeft', line: 2, column: 14, endLine: 2, endColumn: 21 },
        { messageId: 'cacheLeft', data: { command: 'dnf group install', cache: 'the package metadata and downloads (/var/cache)', cleanup: 'dnf clean all' }, line: 3, column: 15, endLine: 3, endColumn: 22 },
        { messageId: 'cacheLeft', line: 4, column: 15, endLine: 4, endColumn: 17 },
        { messageId: 'cacheLeft', data: { command: 'yarn', cache: 'the downloaded packages (the yarn cache)', cleanup: 'yarn cache clean' }, line: 5, column: 5, endLine: 5, endColumn: 9 },
      ],
      output: `${R}RUN microdnf install -y a && microdnf clean all\nRUN dnf group install -y tools && dnf clean all\nRUN zypper -n in b && zypper clean --all\nRUN yarn && yarn cache clean\n`,
    },
    {
      name: 'ONBUILD triggers are checked in every stage',
      code: 'FROM debian:12 AS base-image\nONBUILD RUN apt-get update\nFROM scratch\n',
      errors: [{ messageId: 'cacheLeft', line: 2, column: 21, endLine: 2, endColumn: 27 }],
      output: 'FROM debian:12 AS base-image\nONBUILD RUN apt-get update && rm -rf /var/lib/apt/lists/*\nFROM scratch\n',
    },
    {
      name: 'no fix where appending is not clearly safe: sh -c strings, heredoc scripts, a trailing comment or operator',
      code: `${D}RUN sh -c 'apt-get update'\nRUN <<EOF\napt-get update\nEOF\nRUN apt-get update # refresh\nRUN apt-get update &\n`,
      errors: [
        { messageId: 'cacheLeft', line: 2, column: 20, endLine: 2, endColumn: 26 },
        { messageId: 'cacheLeft', line: 4, column: 9, endLine: 4, endColumn: 15 },
        { messageId: 'cacheLeft', line: 6, column: 13, endLine: 6, endColumn: 19 },
        { messageId: 'cacheLeft', line: 7, column: 13, endLine: 7, endColumn: 19 },
      ],
      output: null,
    },
  ],
});
