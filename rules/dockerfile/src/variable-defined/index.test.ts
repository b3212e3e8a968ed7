import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

/** A file's text from its lines, each ending with a line feed. */
const lines = (...text: string[]): string => text.map((line) => `${line}\n`).join('');

new RuleTester().run('variable-defined', rule, {
  valid: [
    { name: 'an ARG without a default still defines the name', code: lines('FROM scratch', 'ARG foo', 'COPY Dockerfile${foo} .') },
    { name: 'an ENV before the use', code: lines('FROM scratch', 'ENV APP=/app', 'WORKDIR $APP') },
    { name: 'PATH is always defined', code: lines('FROM scratch', 'ENV PATH=/opt/bin:$PATH') },
    { name: 'shell-form commands are expanded by the shell, not the builder', code: lines('FROM scratch', 'RUN echo $foo', 'CMD echo $foo', 'ENTRYPOINT ["sh", "-c", "$foo"]') },
    { name: 'EXPOSE is not checked', code: lines('FROM scratch', 'EXPOSE $PORT') },
    { name: 'a heredoc under a quoted delimiter is copied as it is', code: lines('FROM scratch', 'COPY <<"EOF" /etc/app.conf', 'port=$PORT', 'EOF') },
    { name: 'an escaped dollar is no variable', code: lines('FROM scratch', 'COPY \\$foo .') },
    { name: 'single quotes keep the text literal', code: lines('FROM scratch', "ENV GREETING='$foo'") },
    { name: 'a stage inherits the variables of the stage it is built on', code: lines('FROM scratch AS base', 'ENV DIR=/app', 'FROM base', 'WORKDIR $DIR') },
    { name: 'ONBUILD ENV of the parent stage runs in the child', code: lines('FROM scratch AS base', 'ONBUILD ENV DIR=/app', 'FROM base', 'WORKDIR $DIR') },
    { name: 'a global ARG declared again in the stage', code: lines('ARG VERSION=1.2', 'FROM scratch', 'ARG VERSION', 'COPY app-$VERSION.tar.gz /') },
    { name: 'a platform ARG declared in the stage', code: lines('FROM scratch', 'ARG TARGETARCH', 'COPY bin/$TARGETARCH/app /app') },
    { name: 'ARG defaults see the ARGs before them in the same line', code: lines('FROM scratch', 'ARG A=1 B=$A') },
    {
      name: 'an image may set what the Dockerfile does not: reported only when a defined name is close',
      code: lines('FROM python:3.13-slim', 'ENV PYTHONPATH=/app:$PYTHONPATH', 'WORKDIR $HOME'),
    },
    {
      name: 'an image whose tag comes from a global ARG often sets an ENV of that name',
      code: lines('ARG PHP_VERSION=8.3', 'FROM php:${PHP_VERSION}-apache', 'LABEL org.opencontainers.image.version=$PHP_VERSION'),
    },
    { name: 'a name that only contains a defined one is no misspelling', code: lines('FROM golang:1.23', 'ENV CGO_ENABLED=0', 'WORKDIR $GOPATH/src/app') },
    { name: 'names the option treats as defined', code: lines('FROM scratch', 'WORKDIR $HOME'), options: [{ definedVariables: ['HOME'] }] },
  ],
  invalid: [
    {
      name: 'a variable no ARG or ENV defines, in a stage built from scratch',
      code: lines('FROM scratch', 'COPY $foo .'),
      errors: [{ messageId: 'undefined', data: { name: 'foo' }, line: 2, column: 6, endLine: 2, endColumn: 10 }],
      output: null,
    },
    {
      name: 'each stage built from scratch, directly or through another stage',
      code: lines('FROM scratch AS first', 'COPY ${foo:-x} .', 'FROM first', 'COPY $bar .'),
      errors: [
        { messageId: 'undefined', data: { name: 'foo' }, line: 2, column: 6, endLine: 2, endColumn: 15 },
        { messageId: 'undefined', data: { name: 'bar' }, line: 4, column: 6, endLine: 4, endColumn: 10 },
      ],
      output: null,
    },
    {
      name: 'scratch named through a global ARG',
      code: lines('ARG base=scratch', 'FROM $base', 'ARG VERSION=$foo'),
      errors: [{ messageId: 'undefined', line: 3, column: 13, endLine: 3, endColumn: 17 }],
      output: null,
    },
    {
      name: 'an ENV that appends to a variable nothing set',
      code: lines('FROM scratch', 'ENV LD_LIBRARY_PATH=/opt/lib:$LD_LIBRARY_PATH'),
      errors: [{ messageId: 'undefined', data: { name: 'LD_LIBRARY_PATH' }, line: 2, column: 30, endLine: 2, endColumn: 46 }],
      output: null,
    },
    {
      name: 'USER, VOLUME, LABEL and RUN --mount are expanded too',
      code: lines('FROM scratch', 'USER $user', 'VOLUME ["/data/$volume"]', 'LABEL $key=value', 'RUN --mount=type=cache,target=$cache make'),
      errors: [
        { messageId: 'undefined', data: { name: 'user' }, line: 2, column: 6, endLine: 2, endColumn: 11 },
        { messageId: 'undefined', data: { name: 'volume' }, line: 3, column: 16, endLine: 3, endColumn: 23 },
        { messageId: 'undefined', data: { name: 'key' }, line: 4, column: 7, endLine: 4, endColumn: 11 },
        { messageId: 'undefined', data: { name: 'cache' }, line: 5, column: 31, endLine: 5, endColumn: 37 },
      ],
      output: null,
    },
    {
      name: 'a COPY heredoc under an unquoted delimiter is expanded, quotes and all',
      code: lines('FROM scratch', 'COPY <<EOF /etc/app.conf', "port='$PORT'", 'EOF'),
      errors: [{ messageId: 'undefined', data: { name: 'PORT' }, line: 3, column: 7, endLine: 3, endColumn: 12 }],
      output: null,
    },
    {
      name: 'a misspelt name, in a stage built on an image',
      code: lines('FROM node:22-slim', 'ENV APP_HOME=/srv/app', 'WORKDIR $APP_HOEM'),
      errors: [
        {
          messageId: 'undefinedDidYouMean',
          data: { name: 'APP_HOEM', candidate: 'APP_HOME' },
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 18,
          suggestions: [{ messageId: 'useName', data: { candidate: 'APP_HOME' }, output: lines('FROM node:22-slim', 'ENV APP_HOME=/srv/app', 'WORKDIR $APP_HOME') }],
        },
      ],
      output: null,
    },
    {
      name: 'the same letters in another case',
      code: lines('FROM debian:12', 'ARG app_dir=/app', 'WORKDIR ${APP_DIR}'),
      errors: [
        {
          messageId: 'undefinedDidYouMean',
          data: { name: 'APP_DIR', candidate: 'app_dir' },
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 19,
          suggestions: [{ messageId: 'useName', output: lines('FROM debian:12', 'ARG app_dir=/app', 'WORKDIR ${app_dir}') }],
        },
      ],
      output: null,
    },
    {
      name: 'a global ARG used in a stage without declaring it there',
      code: lines('ARG VERSION=1.2', 'FROM alpine:3.20', 'COPY app-${VERSION}.tar.gz /opt/'),
      errors: [
        {
          messageId: 'globalArg',
          data: { name: 'VERSION' },
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 20,
          suggestions: [{ messageId: 'declareArg', data: { name: 'VERSION' }, output: lines('ARG VERSION=1.2', 'FROM alpine:3.20', 'ARG VERSION', 'COPY app-${VERSION}.tar.gz /opt/') }],
        },
      ],
      output: null,
    },
    {
      name: 'an ARG whose default names the global ARG of the same name does not inherit it',
      code: lines('ARG JDK=21', 'FROM eclipse-temurin:${JDK}', 'ARG JDK=${JDK}'),
      errors: [
        {
          messageId: 'globalArg',
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 15,
          suggestions: [{ messageId: 'declareArg', output: lines('ARG JDK=21', 'FROM eclipse-temurin:${JDK}', 'ARG JDK', 'ARG JDK=${JDK}') }],
        },
      ],
      output: null,
    },
    {
      name: 'a platform ARG the stage does not declare',
      code: lines('FROM alpine:3.20', 'COPY bin/$TARGETARCH/app /usr/local/bin/app'),
      errors: [
        {
          messageId: 'builtinArg',
          data: { name: 'TARGETARCH' },
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 21,
          suggestions: [{ messageId: 'declareArg', output: lines('FROM alpine:3.20', 'ARG TARGETARCH', 'COPY bin/$TARGETARCH/app /usr/local/bin/app') }],
        },
      ],
      output: null,
    },
    {
      name: 'a variable defined only further down the stage',
      code: lines('FROM alpine:3.20', 'WORKDIR $APP_DIR', 'ENV APP_DIR=/app'),
      errors: [{ messageId: 'definedLater', data: { name: 'APP_DIR', line: 3 }, line: 2, column: 9, endLine: 2, endColumn: 17 }],
      output: null,
    },
    {
      name: 'an ARG line sets its names one by one',
      code: lines('FROM alpine:3.20', 'ARG SUFFIX=-$VERSION VERSION=1.2'),
      errors: [{ messageId: 'definedLater', data: { name: 'VERSION', line: 2 }, line: 2, column: 13, endLine: 2, endColumn: 21 }],
      output: null,
    },
    {
      name: 'a variable set by the same ENV',
      code: lines('FROM alpine:3.20', 'ENV NVM_DIR=/opt/nvm PATH=$NVM_DIR/bin:$PATH'),
      errors: [{ messageId: 'sameInstruction', data: { name: 'NVM_DIR' }, line: 2, column: 27, endLine: 2, endColumn: 35 }],
      output: null,
    },
    {
      name: 'every undefined name, with externalImages: all',
      code: lines('FROM alpine:3.20', 'COPY $foo .'),
      options: [{ externalImages: 'all' }],
      errors: [{ messageId: 'undefined', data: { name: 'foo' }, line: 2, column: 6, endLine: 2, endColumn: 10 }],
      output: null,
    },
  ],
});
