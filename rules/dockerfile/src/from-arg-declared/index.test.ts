import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

/** A file's text from its lines, each ending with a line feed. */
const lines = (...text: string[]): string => text.map((line) => `${line}\n`).join('');

new RuleTester().run('from-arg-declared', rule, {
  valid: [
    lines('FROM python:3.13-slim'),
    { name: 'declared with a default', code: lines('ARG PYTHON_VERSION=3.13', 'FROM python:${PYTHON_VERSION}-slim') },
    { name: 'declared without a default', code: lines('ARG VARIANT', 'FROM node:22${VARIANT}') },
    { name: 'the built-in platform ARGs', code: lines('FROM --platform=$BUILDPLATFORM golang:1.23 AS build', 'FROM --platform=${TARGETOS}/${TARGETARCH} alpine:3.20') },
    { name: 'a ${...} form BuildKit does not know is no reference', code: lines('FROM mcr.microsoft.com/devcontainers/base:${templateOption:imageVariant}') },
    { name: 'an escaped dollar is no variable', code: lines('FROM alpine:3.20', 'RUN echo \\$HOME') },
  ],
  invalid: [
    {
      name: 'an ARG of a stage does not reach FROM lines',
      code: lines('FROM alpine:3.20 AS base', 'ARG VARIANT=-alpine', 'FROM node:22${VARIANT} AS build'),
      errors: [
        {
          messageId: 'undeclared',
          data: { name: 'VARIANT' },
          line: 3,
          column: 13,
          endLine: 3,
          endColumn: 23,
          suggestions: [{ messageId: 'declareArg', data: { name: 'VARIANT' }, output: lines('ARG VARIANT', 'FROM alpine:3.20 AS base', 'ARG VARIANT=-alpine', 'FROM node:22${VARIANT} AS build') }],
        },
      ],
      output: null,
    },
    {
      name: 'a pattern removal is a reference too',
      code: lines('ARG VERSION=v1.2', 'FROM alpine:${VERSON#v}'),
      errors: [{ messageId: 'undeclaredDidYouMean', data: { name: 'VERSON', candidate: 'VERSION' }, line: 2, column: 13, endLine: 2, endColumn: 24 }],
      output: null,
    },
    {
      name: 'a misspelt platform ARG',
      code: lines('FROM --platform=$BULIDPLATFORM golang:1.23 AS build'),
      errors: [
        {
          messageId: 'undeclaredDidYouMean',
          data: { name: 'BULIDPLATFORM', candidate: 'BUILDPLATFORM' },
          line: 1,
          column: 17,
          endLine: 1,
          endColumn: 31,
          suggestions: [
            { messageId: 'useName', data: { candidate: 'BUILDPLATFORM' }, output: lines('FROM --platform=$BUILDPLATFORM golang:1.23 AS build') },
            { messageId: 'declareArg', data: { name: 'BULIDPLATFORM' }, output: lines('ARG BULIDPLATFORM', 'FROM --platform=$BULIDPLATFORM golang:1.23 AS build') },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a misspelt global ARG, declared after the existing ones',
      code: lines('# syntax=docker/dockerfile:1', 'ARG BASE_TAG=3.20', '', 'FROM alpine:${BASE_TGA:-edge}'),
      errors: [
        {
          messageId: 'undeclaredDidYouMean',
          data: { name: 'BASE_TGA', candidate: 'BASE_TAG' },
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 30,
          suggestions: [
            { messageId: 'useName', output: lines('# syntax=docker/dockerfile:1', 'ARG BASE_TAG=3.20', '', 'FROM alpine:${BASE_TAG:-edge}') },
            { messageId: 'declareArg', output: lines('# syntax=docker/dockerfile:1', 'ARG BASE_TAG=3.20', 'ARG BASE_TGA', '', 'FROM alpine:${BASE_TGA:-edge}') },
          ],
        },
      ],
      output: null,
    },
  ],
});
