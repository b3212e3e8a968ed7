import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

/** A file's text from its lines, each ending with a line feed. */
const lines = (...text: string[]): string => text.map((line) => `${line}\n`).join('');

new RuleTester().run('from-platform-no-constant', rule, {
  valid: [
    lines('FROM node:22-slim'),
    lines('FROM --platform=$BUILDPLATFORM golang:1.23 AS build'),
    lines('FROM --platform=${TARGETPLATFORM} alpine:3.20'),
    { name: 'any variable leaves the choice to the build', code: lines('ARG RUNTIME_PLATFORM=linux/arm64', 'FROM --platform=$RUNTIME_PLATFORM alpine:3.20') },
    { name: 'a stage named after its architecture', code: lines('FROM --platform=linux/arm64 alpine:3.20 AS base-arm64') },
    { name: 'a stage named after its OS', code: lines('FROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022 AS Windows') },
  ],
  invalid: [
    {
      code: lines('FROM --platform=linux/amd64 python:3.13-slim'),
      errors: [{ messageId: 'constantPlatform', data: { value: 'linux/amd64' }, line: 1, column: 17, endLine: 1, endColumn: 28 }],
      output: null,
    },
    {
      name: 'an OS alone',
      code: lines('FROM --platform=linux debian:12'),
      errors: [{ messageId: 'constantPlatform', data: { value: 'linux' }, line: 1, column: 17, endLine: 1, endColumn: 22 }],
      output: null,
    },
    {
      name: 'a stage name that does not name the platform',
      code: lines('FROM --platform="linux/arm64/v8" node:22 AS build'),
      errors: [{ messageId: 'constantPlatform', data: { value: 'linux/arm64/v8' }, line: 1, column: 17, endLine: 1, endColumn: 33 }],
      output: null,
    },
  ],
});
