import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lintProject, lintText, type LintMessage } from '@docmind-docker-lint/core';
import { RuleTester } from '@docmind-docker-lint/rule-tester';
import { describe, expect, it } from 'vitest';
import rule from './index.js';

/** A file's text from its lines, each ending with a line feed. */
const lines = (...text: string[]): string => text.map((line) => `${line}\n`).join('');

const CREATE_APP_IN_APP = 'RUN groupadd --system app && useradd --system --gid app --no-create-home --home-dir /app app && chown -R app:app /app';

new RuleTester().run('non-root-user', rule, {
  valid: [
    { name: 'a created user is the last USER', code: lines('FROM python:3.13-slim', 'RUN useradd --system app', 'USER app', 'CMD ["python", "main.py"]') },
    { name: 'a numeric user needs no useradd', code: lines('FROM alpine:3.20', 'USER 10001:10001', 'CMD ["/srv/server"]') },
    {
      name: 'a stage inherits the USER of the stage it is built from',
      code: lines('FROM python:3.13-slim AS base', 'RUN useradd app', 'USER app', '', 'FROM base', 'CMD ["python"]'),
    },
    {
      name: 'only the stage that gets built must drop root',
      code: lines(
        'FROM python:3.13 AS build',
        'USER root',
        'RUN pip wheel --wheel-dir /wheels .',
        '',
        'FROM python:3.13-slim',
        'RUN useradd app',
        'USER app',
        'COPY --from=build /wheels /wheels',
      ),
    },
    {
      name: 'root for a build step, then back to the user',
      code: lines('FROM python:3.13-slim', 'RUN useradd app', 'USER root', 'RUN apt-get update', 'USER app', 'CMD ["python"]'),
    },
    { name: 'distroless :nonroot runs as nonroot', code: lines('FROM gcr.io/distroless/python3-debian12:nonroot', 'COPY app /app', 'CMD ["/app/main.py"]') },
    { name: 'a *-nonroot tag', code: lines('FROM gcr.io/distroless/static-debian12:debug-nonroot', 'COPY server /server') },
    { name: 'Chainguard images run as nonroot', code: lines('FROM cgr.dev/chainguard/python:latest', 'COPY app /app') },
    { name: 'an image the images option names', code: lines('FROM registry.example.com/runtime:2', 'CMD ["serve"]'), options: [{ images: ['registry.example.com/runtime:*'] }] },
    { name: 'USER through an ARG default', code: lines('FROM python:3.13-slim', 'ARG APP_USER=app', 'RUN useradd --system "$APP_USER"', 'USER ${APP_USER}') },
    { name: 'USER through an ENV', code: lines('FROM python:3.13-slim', 'ENV APP_USER=svc', 'RUN useradd ${APP_USER}', 'USER $APP_USER') },
    { name: 'an ARG without a default is left to the build', code: lines('FROM python:3.13-slim', 'ARG UID', 'USER ${UID}') },
    { name: 'useradd with clustered options', code: lines('FROM python:2.7', 'RUN useradd -ms /bin/bash patrick', 'USER patrick') },
    { name: 'Alpine addgroup and adduser', code: lines('FROM alpine:3.20', 'RUN addgroup -S app && adduser -S -G app -H app', 'USER app') },
    { name: 'useradd in a heredoc', code: lines('FROM debian:bookworm', 'RUN <<EOF', 'set -e', 'useradd --uid 1000 runner', 'EOF', 'USER runner') },
    { name: 'useradd in exec form through sh -c', code: lines('FROM debian:bookworm', 'RUN ["sh", "-c", "useradd worker"]', 'USER worker') },
    { name: 'useradd after RUN flags', code: lines('FROM debian:bookworm', 'RUN --mount=type=cache,target=/var/cache/apt apt-get update && useradd -r deploy', 'USER deploy') },
    {
      name: 'the fixed broken example is clean',
      code: lines('FROM python:3.13-slim', '', 'WORKDIR /app', '', 'RUN pip install .', '', CREATE_APP_IN_APP, 'USER app', '', 'CMD ["streamlit", "run", "app.py"]'),
    },
    {
      name: 'the fixed Alpine stage is clean',
      code: lines('FROM alpine:3.20', 'WORKDIR /srv', 'RUN addgroup -S app && adduser -S -G app -H -h /srv app && chown -R app:app /srv', 'USER app'),
    },
    { name: 'a user the base image has', code: lines('FROM node:22-slim', 'USER node', 'CMD ["node", "server.js"]') },
    { name: 'a user the knownUsers option names', code: lines('FROM registry.example.com/base:1', 'USER svc'), options: [{ knownUsers: ['svc'] }] },
    { name: 'unknown users not reported when reportUnknownUsers is off', code: lines('FROM python:3.13-slim', 'USER svc'), options: [{ reportUnknownUsers: false }] },
    { name: 'a copied /etc/passwd may hold any user', code: lines('FROM scratch', 'COPY --from=build /etc/passwd /etc/passwd', 'USER svc') },
    {
      name: 'Compose builds a target stage that drops root',
      code: lines('FROM python:3.13-slim AS prod', 'RUN useradd app', 'USER app', '', 'FROM prod AS debug', 'USER root'),
      files: { 'compose.yaml': lines('services:', '  web:', '    build:', '      context: .', '      target: prod') },
    },
    { name: 'Windows images are not checked', code: lines('FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'CMD ["cmd"]') },
    {
      // Corpus: docker-library/openjdk 27/windows/nanoserver-ltsc2022/Dockerfile:13,17.
      name: 'the users every Windows image has: the administrator for a step, then ContainerUser',
      code: lines(
        'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022',
        'SHELL ["cmd", "/s", "/c"]',
        'ENV JAVA_HOME C:\\openjdk-27',
        'USER ContainerAdministrator',
        'RUN setx /M PATH %JAVA_HOME%\\bin;%PATH%',
        'USER ContainerUser',
        'CMD ["jshell"]',
      ),
    },
    {
      name: 'ContainerUser on an image whose name does not say Windows, in any case',
      code: lines('FROM stefanscherer/chocolatey', 'USER containeruser'),
    },
    {
      // Corpus: jessfraz/dockerfiles privoxy/Dockerfile:28.
      name: 'a user the installed package of the same name creates (apk)',
      code: lines('FROM alpine:latest', 'RUN apk --no-cache add \\', '\tprivoxy', 'RUN chown -R privoxy /etc/privoxy', 'USER privoxy', 'ENTRYPOINT [ "privoxy", "--no-daemon" ]'),
    },
    {
      // Corpus: jessfraz/dockerfiles tor-router/Dockerfile:29.
      name: "a package's system user of another name (Debian's tor runs as debian-tor)",
      code: lines('FROM debian:sid-slim', 'RUN apt-get update && apt-get install -y \\', '\ttor \\', '\t&& rm -rf /var/lib/apt/lists/*', 'USER debian-tor'),
    },
    {
      // Corpus: Websoft9/docker-library apps/odoo/Dockerfile:95.
      name: 'a local package file, a pinned version, and a package installed in the stage built from',
      code: lines(
        'FROM debian:bookworm-slim AS base',
        'RUN apt-get -y install --no-install-recommends ./odoo_17.0.deb && dnf install -y mosquitto',
        'FROM base',
        'RUN apt-get install -y mpd=0.23.12-1',
        'USER odoo',
        'USER mosquitto',
        'USER mpd',
      ),
    },
    { name: 'a Compose service with a non-root user', filename: 'compose.yaml', code: lines('services:', '  app:', '    image: python:3.13-slim', '    user: "1000:1000"') },
    { name: 'a Compose user from the environment, non-root by default', filename: 'compose.yaml', code: lines('services:', '  app:', '    image: python:3.13-slim', '    user: "${APP_UID:-1000}"') },
  ],
  invalid: [
    {
      // Lines added after an unterminated heredoc would be its body: the rule would add them on every pass.
      name: 'no fix when the stage ends in an unterminated heredoc',
      code: lines('FROM python:3.13-slim', 'COPY <<EOF /app/script.sh', 'echo hi'),
      errors: [{ messageId: 'missingUser', line: 1, column: 6, endLine: 1, endColumn: 22, suggestions: [] }],
      output: null,
    },
    {
      name: 'no fix when the stage ends in an unterminated heredoc and a USER root is not replaceable',
      code: lines('FROM python:3.13-slim', 'RUN useradd app', 'USER root', 'RUN <<EOF', 'apt-get update'),
      errors: [{ messageId: 'rootUser', line: 3, column: 6, endLine: 3, endColumn: 10 }],
      output: null,
    },
    {
      // `USER build user` would name `build`; the fuzz run found `USER  ` from an escaped space.
      name: 'a created user name that would not read back after USER is not used; the user is created instead',
      code: lines('FROM python:3.13-slim', 'RUN useradd "build user"'),
      errors: [{ messageId: 'missingUser', line: 1, column: 6, endLine: 1, endColumn: 22 }],
      output: lines('FROM python:3.13-slim', 'RUN useradd "build user"', 'RUN groupadd --system app && useradd --system --gid app --no-create-home app', 'USER app'),
    },
    {
      name: 'no USER: a system user is created before CMD, with blank lines as the file has them',
      code: lines('FROM python:3.13-slim', '', 'WORKDIR /app', '', 'COPY . .', '', 'RUN pip install .', '', 'EXPOSE 8501', '', 'CMD ["streamlit", "run", "app.py"]'),
      errors: [{ messageId: 'missingUser', data: { stage: 'python:3.13-slim' }, line: 1, column: 6, endLine: 1, endColumn: 22, suggestions: [] }],
      output: lines(
        'FROM python:3.13-slim',
        '',
        'WORKDIR /app',
        '',
        'COPY . .',
        '',
        'RUN pip install .',
        '',
        'EXPOSE 8501',
        '',
        CREATE_APP_IN_APP,
        'USER app',
        '',
        'CMD ["streamlit", "run", "app.py"]',
      ),
    },
    {
      name: 'no USER and no CMD: Alpine tools, added at the end of the stage',
      code: lines('FROM alpine:3.20', 'RUN apk add --no-cache curl', 'WORKDIR /srv', 'COPY app /srv/app'),
      errors: [{ messageId: 'missingUser', line: 1, column: 6, endLine: 1, endColumn: 17 }],
      output: lines(
        'FROM alpine:3.20',
        'RUN apk add --no-cache curl',
        'WORKDIR /srv',
        'COPY app /srv/app',
        'RUN addgroup -S app && adduser -S -G app -H -h /srv app && chown -R app:app /srv',
        'USER app',
      ),
    },
    {
      name: 'the package manager decides the tools over the image name',
      code: lines('FROM registry.example.com/base:1', 'RUN apk add --no-cache python3', 'CMD ["python3"]'),
      errors: [{ messageId: 'missingUser', line: 1, column: 6, endLine: 1, endColumn: 33 }],
      output: lines('FROM registry.example.com/base:1', 'RUN apk add --no-cache python3', 'RUN addgroup -S app && adduser -S -G app -H app', 'USER app', 'CMD ["python3"]'),
    },
    {
      name: 'no WORKDIR: nothing to hand over; the comment stays with ENTRYPOINT',
      code: lines(
        'FROM debian:bookworm-slim',
        'RUN apt-get update && apt-get install -y tini',
        '# tini reaps zombies',
        'ENTRYPOINT ["tini", "--"]',
        'CMD ["/usr/local/bin/server"]',
      ),
      errors: [{ messageId: 'missingUser', line: 1, column: 6, endLine: 1, endColumn: 26 }],
      output: lines(
        'FROM debian:bookworm-slim',
        'RUN apt-get update && apt-get install -y tini',
        'RUN groupadd --system app && useradd --system --gid app --no-create-home app',
        'USER app',
        '# tini reaps zombies',
        'ENTRYPOINT ["tini", "--"]',
        'CMD ["/usr/local/bin/server"]',
      ),
    },
    {
      name: 'a quoted WORKDIR with a space is quoted in the command',
      code: lines('ARG BASE=python:3.13-alpine', 'FROM ${BASE}', 'WORKDIR "/srv/my app"', 'CMD ["python"]'),
      errors: [{ messageId: 'missingUser', data: { stage: '${BASE}' }, line: 2, column: 6, endLine: 2, endColumn: 13 }],
      output: lines(
        'ARG BASE=python:3.13-alpine',
        'FROM ${BASE}',
        'WORKDIR "/srv/my app"',
        "RUN addgroup -S app && adduser -S -G app -H -h '/srv/my app' app && chown -R app:app '/srv/my app'",
        'USER app',
        'CMD ["python"]',
      ),
    },
    {
      name: 'the user option names the created user',
      code: lines('FROM python:3.13-slim', 'WORKDIR /srv/app', 'CMD ["python", "main.py"]'),
      options: [{ user: 'svc' }],
      errors: [{ messageId: 'missingUser', line: 1, column: 6, endLine: 1, endColumn: 22 }],
      output: lines(
        'FROM python:3.13-slim',
        'WORKDIR /srv/app',
        'RUN groupadd --system svc && useradd --system --gid svc --no-create-home --home-dir /srv/app svc && chown -R svc:svc /srv/app',
        'USER svc',
        'CMD ["python", "main.py"]',
      ),
    },
    {
      name: 'a user created but never switched to',
      code: lines('FROM python:3.13-slim', 'RUN useradd --create-home bob', 'CMD ["python"]'),
      errors: [{ messageId: 'missingUser', line: 1, column: 6, endLine: 1, endColumn: 22 }],
      output: lines('FROM python:3.13-slim', 'RUN useradd --create-home bob', 'USER bob', 'CMD ["python"]'),
    },
    {
      name: 'the file keeps its CRLF line breaks',
      code: 'FROM python:3.13-slim\r\nWORKDIR /app\r\nCMD ["python"]\r\n',
      errors: [{ messageId: 'missingUser', line: 1, column: 6, endLine: 1, endColumn: 22 }],
      output: `FROM python:3.13-slim\r\nWORKDIR /app\r\n${CREATE_APP_IN_APP}\r\nUSER app\r\nCMD ["python"]\r\n`,
    },
    {
      name: 'an image with no hint of its tools: both ways are suggestions',
      code: lines('FROM registry.example.com/base:1.0', 'CMD ["serve"]'),
      errors: [
        {
          messageId: 'missingUser',
          line: 1,
          column: 6,
          endLine: 1,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'createUser',
              data: { user: 'app', tools: 'groupadd/useradd' },
              output: lines(
                'FROM registry.example.com/base:1.0',
                'RUN groupadd --system app && useradd --system --gid app --no-create-home app',
                'USER app',
                'CMD ["serve"]',
              ),
            },
            {
              messageId: 'createUser',
              data: { user: 'app', tools: 'addgroup/adduser' },
              output: lines('FROM registry.example.com/base:1.0', 'RUN addgroup -S app && adduser -S -G app -H app', 'USER app', 'CMD ["serve"]'),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'scratch has no shell: a numeric user is suggested',
      code: lines('FROM scratch', 'COPY server /server', 'ENTRYPOINT ["/server"]'),
      errors: [
        {
          messageId: 'missingUser',
          line: 1,
          column: 6,
          endLine: 1,
          endColumn: 13,
          suggestions: [
            { messageId: 'switchUser', data: { user: '65534:65534' }, output: lines('FROM scratch', 'COPY server /server', 'USER 65534:65534', 'ENTRYPOINT ["/server"]') },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'distroless without :nonroot: its nonroot uid is suggested',
      code: lines('FROM gcr.io/distroless/static-debian12', 'COPY server /server'),
      errors: [
        {
          messageId: 'missingUser',
          line: 1,
          column: 6,
          endLine: 1,
          endColumn: 39,
          suggestions: [
            { messageId: 'switchUser', data: { user: '65532:65532' }, output: lines('FROM gcr.io/distroless/static-debian12', 'COPY server /server', 'USER 65532:65532') },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'Chainguard -dev images are not in the default list',
      code: lines('FROM cgr.dev/chainguard/python:latest-dev', 'USER root'),
      errors: [{ messageId: 'rootUser', line: 2, column: 6, endLine: 2, endColumn: 10 }],
      output: null,
    },
    {
      name: 'a last USER root becomes the user switched to before',
      code: lines('FROM python:3.13-slim', 'RUN useradd app', 'USER app', 'RUN pip install --user .', 'USER root', 'CMD ["python"]'),
      errors: [{ messageId: 'rootUser', data: { user: 'root' }, line: 5, column: 6, endLine: 5, endColumn: 10, suggestions: [] }],
      output: lines('FROM python:3.13-slim', 'RUN useradd app', 'USER app', 'RUN pip install --user .', 'USER app', 'CMD ["python"]'),
    },
    {
      name: 'USER root followed by a RUN: the RUN keeps root, the user is set after it',
      code: lines('FROM python:3.13-slim', 'RUN useradd app', 'USER root:root', 'RUN apt-get update', 'CMD ["python"]'),
      errors: [{ messageId: 'rootUser', data: { user: 'root:root' }, line: 3, column: 6, endLine: 3, endColumn: 10 }],
      output: lines('FROM python:3.13-slim', 'RUN useradd app', 'USER root:root', 'RUN apt-get update', 'USER app', 'CMD ["python"]'),
    },
    {
      name: 'USER root with no user created: creating one is only a suggestion',
      code: lines('FROM python:3.13-slim', 'WORKDIR /app', 'USER root', 'CMD ["python", "main.py"]'),
      errors: [
        {
          messageId: 'rootUser',
          line: 3,
          column: 6,
          endLine: 3,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'createUser',
              data: { user: 'app', tools: 'groupadd/useradd' },
              output: lines('FROM python:3.13-slim', 'WORKDIR /app', CREATE_APP_IN_APP, 'USER app', 'CMD ["python", "main.py"]'),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a quoted root',
      code: lines('FROM python:3.13-slim', 'RUN useradd app', 'USER "root"'),
      errors: [{ messageId: 'rootUser', data: { user: '"root" (root)' }, line: 3, column: 6, endLine: 3, endColumn: 12 }],
      output: lines('FROM python:3.13-slim', 'RUN useradd app', 'USER app'),
    },
    {
      name: 'uid 0 through an ARG default',
      code: lines('FROM alpine:3.20', 'ARG RUN_AS=0:0', 'USER ${RUN_AS}'),
      errors: [
        {
          messageId: 'rootUser',
          data: { user: '${RUN_AS} (0:0)' },
          line: 3,
          column: 6,
          endLine: 3,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'createUser',
              output: lines('FROM alpine:3.20', 'ARG RUN_AS=0:0', 'RUN addgroup -S app && adduser -S -G app -H app', 'USER app'),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'root through an ENV',
      code: lines('FROM python:3.13-slim', 'RUN useradd app', 'ENV RUN_AS=root', 'USER $RUN_AS'),
      errors: [{ messageId: 'rootUser', data: { user: '$RUN_AS (root)' }, line: 4, column: 6, endLine: 4, endColumn: 13 }],
      output: lines('FROM python:3.13-slim', 'RUN useradd app', 'ENV RUN_AS=root', 'USER app'),
    },
    {
      name: 'Compose build args override ARG defaults',
      code: lines('FROM python:3.13-slim', 'RUN useradd app', 'ARG RUN_AS=app', 'USER ${RUN_AS}'),
      files: { 'compose.yaml': lines('services:', '  web:', '    build:', '      context: .', '      args:', '        RUN_AS: root') },
      errors: [{ messageId: 'rootUser', data: { user: '${RUN_AS} (root)' }, line: 4, column: 6, endLine: 4, endColumn: 15 }],
      output: lines('FROM python:3.13-slim', 'RUN useradd app', 'ARG RUN_AS=app', 'USER app'),
    },
    {
      name: 'without Compose, the last stage is the one built',
      code: lines('FROM python:3.13-slim AS prod', 'RUN useradd app', 'USER app', '', 'FROM prod AS debug', 'USER root'),
      errors: [{ messageId: 'rootUser', line: 6, column: 6, endLine: 6, endColumn: 10 }],
      output: lines('FROM python:3.13-slim AS prod', 'RUN useradd app', 'USER app', '', 'FROM prod AS debug', 'USER app'),
    },
    {
      name: "Compose's build.target picks the stage that gets built",
      code: lines('FROM python:3.13-slim AS runtime', 'CMD ["python"]', '', 'FROM runtime AS test', 'RUN useradd tester', 'USER tester'),
      files: { 'compose.yaml': lines('services:', '  web:', '    build:', '      context: .', '      target: runtime') },
      errors: [{ messageId: 'missingUser', data: { stage: 'runtime' }, line: 1, column: 6, endLine: 1, endColumn: 22 }],
      output: lines(
        'FROM python:3.13-slim AS runtime',
        'RUN groupadd --system app && useradd --system --gid app --no-create-home app',
        'USER app',
        'CMD ["python"]',
        '',
        'FROM runtime AS test',
        'RUN useradd tester',
        'USER tester',
      ),
    },
    {
      // Corpus: StefanScherer/dockerfiles-windows traefik/Dockerfile.1809:10.
      name: 'the Windows administrator as the last USER is root-like; switching to ContainerUser is a suggestion',
      code: lines('FROM mcr.microsoft.com/windows/nanoserver:1809', 'EXPOSE 80', 'USER containeradministrator', 'ENTRYPOINT ["/traefik"]'),
      errors: [
        {
          messageId: 'windowsAdministrator',
          data: { user: 'containeradministrator' },
          line: 3,
          column: 6,
          endLine: 3,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'switchUser',
              data: { user: 'ContainerUser' },
              output: lines('FROM mcr.microsoft.com/windows/nanoserver:1809', 'EXPOSE 80', 'USER ContainerUser', 'ENTRYPOINT ["/traefik"]'),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'the Windows administrator before a build step: ContainerUser is set after it',
      code: lines('FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'USER ContainerAdministrator', 'RUN setx /M PATH C:\\app;%PATH%'),
      errors: [
        {
          messageId: 'windowsAdministrator',
          line: 2,
          column: 6,
          endLine: 2,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'switchUser',
              output: lines('FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'USER ContainerAdministrator', 'RUN setx /M PATH C:\\app;%PATH%', 'USER ContainerUser'),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a user named like a package that is not installed, or only removed',
      code: lines('FROM alpine:3.20', 'RUN apk add --no-cache curl && apk del tor', 'USER tor', 'FROM debian:12', 'RUN apt-get install -y -t bookworm-backports git', 'USER debian-tor'),
      errors: [
        { messageId: 'unknownUser', data: { user: 'tor' }, line: 3, column: 6, endLine: 3, endColumn: 9 },
        { messageId: 'unknownUser', data: { user: 'debian-tor' }, line: 6, column: 6, endLine: 6, endColumn: 16 },
      ],
      output: null,
    },
    {
      name: 'a USER naming a user nothing creates',
      code: lines('FROM python:3.13-slim', 'USER appuser:appuser', 'CMD ["python"]'),
      errors: [{ messageId: 'unknownUser', data: { user: 'appuser' }, line: 2, column: 6, endLine: 2, endColumn: 13 }],
      output: null,
    },
    {
      name: 'two problems: an unknown user in a build stage, no USER in the final one',
      code: lines('FROM python:3.13 AS build', 'USER builder', 'RUN pip wheel --wheel-dir /wheels .', '', 'FROM python:3.13-slim', 'COPY --from=build /wheels /wheels'),
      errors: [
        { messageId: 'unknownUser', data: { user: 'builder' }, line: 2, column: 6, endLine: 2, endColumn: 13 },
        { messageId: 'missingUser', line: 5, column: 6, endLine: 5, endColumn: 22 },
      ],
      output: lines(
        'FROM python:3.13 AS build',
        'USER builder',
        'RUN pip wheel --wheel-dir /wheels .',
        '',
        'FROM python:3.13-slim',
        'COPY --from=build /wheels /wheels',
        'RUN groupadd --system app && useradd --system --gid app --no-create-home app',
        'USER app',
      ),
    },
    {
      name: 'a Compose service running as root',
      filename: 'compose.yaml',
      code: lines('services:', '  app:', '    image: python:3.13-slim', '    user: root'),
      errors: [{ messageId: 'rootComposeUser', data: { service: 'app', user: 'root' }, line: 4, column: 11, endLine: 4, endColumn: 15, suggestions: [] }],
      output: null,
    },
    {
      name: 'a Compose service overriding a non-root image with uid 0: removing the line is suggested',
      filename: 'compose.yaml',
      code: lines('services:', '  app:', '    build: .', '    user: "0:0" # debugging', '    ports:', '      - "8501:8501"'),
      files: { Dockerfile: lines('FROM python:3.13-slim', 'RUN useradd app', 'USER app') },
      errors: [
        {
          messageId: 'rootComposeUser',
          data: { service: 'app', user: '0:0' },
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'removeComposeUser',
              data: { user: '0:0', imageUser: 'app' },
              output: lines('services:', '  app:', '    build: .', '    ports:', '      - "8501:8501"'),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a numeric Compose user 0',
      filename: 'compose.yaml',
      code: lines('services:', '  worker:', '    image: python:3.13-slim', '    user: 0'),
      errors: [{ messageId: 'rootComposeUser', data: { service: 'worker', user: '0' }, line: 4, column: 11, endLine: 4, endColumn: 12 }],
      output: null,
    },
  ],
});

describe('non-root-user on the example projects', () => {
  const EXAMPLES = path.resolve(import.meta.dirname, '../../../../examples');
  const PLUGINS = [{ meta: { name: 't' }, rules: { 'non-root-user': rule } }];
  const RULES = { 'non-root-user': 'error' } as const;
  const lintExample = async (name: string): Promise<(LintMessage & { readonly file: string })[]> => {
    const results = await lintProject({ cwd: path.resolve(EXAMPLES, name), plugins: PLUGINS, useConfigFiles: false, rules: RULES });
    return results.flatMap((result) => result.messages.map((message) => ({ ...message, file: path.basename(result.filePath) })));
  };

  it('reports the broken app, whose image runs as root, at its FROM image', async () => {
    const messages = await lintExample('broken-streamlit-app');
    expect(messages.map((message) => [message.file, message.messageId, message.line, message.column])).toEqual([
      ['Dockerfile', 'missingUser', 1, 6],
    ]);
    const edit = messages[0]!.fix!.edits[0]!;
    expect(edit.text).toBe(`${CREATE_APP_IN_APP}\nUSER app\n\n`);
    const cwd = path.resolve(EXAMPLES, 'broken-streamlit-app');
    const original = readFileSync(path.join(cwd, 'Dockerfile'), 'utf8');
    const fixed = original.slice(0, edit.range[0]) + edit.text + original.slice(edit.range[1]);
    expect(fixed).toBe(original.replace('\nCMD ', `\n${CREATE_APP_IN_APP}\nUSER app\n\nCMD `));
    const [relinted] = await lintText(fixed, { cwd, filePath: 'Dockerfile', plugins: PLUGINS, useConfigFiles: false, rules: RULES });
    expect(relinted!.messages).toEqual([]);
  });

  it('finds nothing in the hardened app', async () => {
    expect(await lintExample('hardened-streamlit-app')).toEqual([]);
  });
});
