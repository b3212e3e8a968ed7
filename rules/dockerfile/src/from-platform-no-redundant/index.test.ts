import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

/** A file's text from its lines, each ending with a line feed. */
const lines = (...text: string[]): string => text.map((line) => `${line}\n`).join('');

new RuleTester().run('from-platform-no-redundant', rule, {
  valid: [
    lines('FROM alpine:3.20'),
    { name: 'the build platform is a real choice', code: lines('FROM --platform=$BUILDPLATFORM golang:1.23 AS build') },
    { name: 'another variable', code: lines('ARG PLATFORM=linux/arm64', 'FROM --platform=$PLATFORM alpine:3.20') },
    { name: 'a constant (another rule judges it)', code: lines('FROM --platform=linux/amd64 alpine:3.20') },
    { name: 'TARGETPLATFORM inside a longer value', code: lines('FROM --platform=${TARGETPLATFORM:-linux/amd64} alpine:3.20') },
  ],
  invalid: [
    {
      name: 'the flag is removed with the blank after it',
      code: lines('FROM --platform=$TARGETPLATFORM alpine:3.20 AS runtime', 'COPY app /app'),
      errors: [{ messageId: 'redundantTargetPlatform', data: { value: '$TARGETPLATFORM' }, line: 1, column: 6, endLine: 1, endColumn: 32 }],
      output: lines('FROM alpine:3.20 AS runtime', 'COPY app /app'),
    },
    {
      name: 'braces, in a later stage',
      code: lines('FROM --platform=$BUILDPLATFORM golang:1.23 AS build', 'FROM --platform=${TARGETPLATFORM}  gcr.io/distroless/static-debian12:nonroot'),
      errors: [{ messageId: 'redundantTargetPlatform', data: { value: '${TARGETPLATFORM}' }, line: 2, column: 6, endLine: 2, endColumn: 34 }],
      output: lines('FROM --platform=$BUILDPLATFORM golang:1.23 AS build', 'FROM gcr.io/distroless/static-debian12:nonroot'),
    },
    {
      name: 'quoted',
      code: lines('FROM --platform="$TARGETPLATFORM" alpine:3.20'),
      errors: [{ messageId: 'redundantTargetPlatform', data: { value: '$TARGETPLATFORM' }, line: 1, column: 6, endLine: 1, endColumn: 34 }],
      output: lines('FROM alpine:3.20'),
    },
    {
      name: 'a continuation after the flag is kept',
      code: lines('FROM --platform=$TARGETPLATFORM \\', '    alpine:3.20'),
      errors: [{ messageId: 'redundantTargetPlatform', data: { value: '$TARGETPLATFORM' }, line: 1, column: 6, endLine: 1, endColumn: 32 }],
      output: lines('FROM \\', '    alpine:3.20'),
    },
    {
      name: 'no fix when a global ARG gives TARGETPLATFORM a default',
      code: lines('ARG TARGETPLATFORM=linux/arm64', 'FROM --platform=$TARGETPLATFORM alpine:3.20'),
      errors: [{ messageId: 'redundantTargetPlatform', data: { value: '$TARGETPLATFORM' }, line: 2, column: 6, endLine: 2, endColumn: 32 }],
      output: null,
    },
  ],
});
