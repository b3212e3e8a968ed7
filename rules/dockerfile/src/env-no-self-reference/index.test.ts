import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

/** A file's text from its lines, each ending with a line feed. */
const lines = (...text: string[]): string => text.map((line) => `${line}\n`).join('');

new RuleTester().run('env-no-self-reference', rule, {
  valid: [
    { name: 'set in an earlier ENV', code: lines('FROM golang:1.23', 'ENV APP_HOME=/srv/app', 'ENV APP_BIN="${APP_HOME}/bin"') },
    { name: 'a variable on its own right-hand side', code: lines('FROM node:22', 'ENV PATH=/app/node_modules/.bin:$PATH') },
    { name: 'names that only start alike', code: lines('FROM node:22', 'ENV APP=/srv APP_DIR=$APP_ROOT/x ROOT=${APPX}') },
    { name: 'declared by an earlier ARG', code: lines('FROM debian:12', 'ARG VERSION=1.0', 'ENV VERSION=$VERSION LABEL=v$VERSION') },
    { name: 'set in the stage it is built from', code: lines('FROM debian:12 AS base', 'ENV ROOT=/opt', 'FROM base', 'ENV ROOT=/srv BIN=$ROOT/bin') },
    { name: 'single quotes keep the text literal', code: lines('FROM debian:12', "ENV A=1 B='$A'") },
    { name: 'an escaped dollar', code: lines('FROM debian:12', 'ENV A=1 B=\\$A') },
  ],
  invalid: [
    {
      code: lines('FROM golang:1.23', 'ENV GOPATH=/go PATH=$GOPATH/bin:$PATH'),
      errors: [{ messageId: 'sameInstruction', data: { reference: '$GOPATH', name: 'GOPATH', value: '/go' }, line: 2, column: 21, endLine: 2, endColumn: 28 }],
      output: null,
    },
    {
      name: 'braces and quotes, over continued lines',
      code: lines('FROM python:3.13-slim', 'ENV VENV=/opt/venv \\', '    PATH="${VENV}/bin:${PATH}"'),
      errors: [{ messageId: 'sameInstruction', data: { reference: '${VENV}', name: 'VENV', value: '/opt/venv' }, line: 3, column: 11, endLine: 3, endColumn: 18 }],
      output: null,
    },
    {
      name: 'the same name twice in one ENV',
      code: lines('FROM debian:12', 'ENV PATH=/a:$PATH PATH=/b:$PATH'),
      errors: [{ messageId: 'sameInstruction', data: { reference: '$PATH', name: 'PATH', value: '/a:$PATH' }, line: 2, column: 27, endLine: 2, endColumn: 32 }],
      output: null,
    },
    {
      name: 'inside a default value',
      code: lines('FROM debian:12', 'ENV BASE=/opt DATA=${DATA_DIR:-$BASE/data}'),
      errors: [{ messageId: 'sameInstruction', data: { reference: '$BASE', name: 'BASE', value: '/opt' }, line: 2, column: 32, endLine: 2, endColumn: 37 }],
      output: null,
    },
  ],
});
