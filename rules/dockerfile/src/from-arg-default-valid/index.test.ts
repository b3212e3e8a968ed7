import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

/** A file's text from its lines, each ending with a line feed. */
const lines = (...text: string[]): string => text.map((line) => `${line}\n`).join('');

new RuleTester().run('from-arg-default-valid', rule, {
  valid: [
    lines('FROM debian:12-slim'),
    { name: 'a default that completes the tag', code: lines('ARG TAG=3.20', 'FROM alpine:${TAG}') },
    { name: 'an empty suffix still leaves a valid name', code: lines('ARG VARIANT', 'FROM node:22${VARIANT}') },
    { name: 'a default in the reference itself', code: lines('FROM alpine:${TAG:-3.20}') },
    { name: 'a registry from a default', code: lines('ARG REGISTRY=registry.example.com:5000', 'FROM ${REGISTRY}/team/app:1.2') },
    { name: 'defaults built from earlier ARGs', code: lines('ARG REGISTRY=quay.io', 'ARG OWNER=acme', 'ARG BASE=$REGISTRY/$OWNER/notebook:2024-10', 'FROM $BASE') },
    { name: 'the platform ARGs always have a value', code: lines('FROM alpine:3.20 AS base-linux', 'FROM base-$TARGETOS${DEBUG:+-debug} AS final') },
    { name: 'a default the linter cannot evaluate', code: lines('ARG VARIANT=${templateOption:imageVariant}', 'FROM pypy:${VARIANT}') },
    { name: 'a whole image from a default, with a digest', code: lines('ARG BASE=alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'FROM $BASE') },
  ],
  invalid: [
    {
      name: 'an image that is only an ARG without a default',
      code: lines('ARG BASE_IMAGE', 'FROM $BASE_IMAGE AS runtime'),
      errors: [{ messageId: 'invalidDefault', data: { image: '$BASE_IMAGE', expanded: '', names: '`BASE_IMAGE`' }, line: 2, column: 6, endLine: 2, endColumn: 17 }],
      output: null,
    },
    {
      name: 'an empty tag',
      code: lines('ARG PYTHON_TAG', 'FROM python:${PYTHON_TAG}'),
      errors: [{ messageId: 'invalidDefault', data: { image: 'python:${PYTHON_TAG}', expanded: 'python:', names: '`PYTHON_TAG`' }, line: 2, column: 6, endLine: 2, endColumn: 26 }],
      output: null,
    },
    {
      name: 'an empty registry',
      code: lines('ARG REGISTRY', 'FROM ${REGISTRY}/team/app:1.2'),
      errors: [{ messageId: 'invalidDefault', data: { image: '${REGISTRY}/team/app:1.2', expanded: '/team/app:1.2', names: '`REGISTRY`' }, line: 2, column: 6, endLine: 2, endColumn: 30 }],
      output: null,
    },
    {
      name: 'a default that refers to itself is empty',
      code: lines('ARG JDK_VERSION=${JDK_VERSION}', 'FROM openjdk:${JDK_VERSION}-buster'),
      errors: [
        {
          messageId: 'invalidDefault',
          data: { image: 'openjdk:${JDK_VERSION}-buster', expanded: 'openjdk:-buster', names: '`JDK_VERSION`' },
          line: 2,
          column: 6,
          endLine: 2,
          endColumn: 35,
        },
      ],
      output: null,
    },
    {
      name: 'a default with capital letters in the path',
      code: lines('ARG BASE=MyOrg/App:1', 'FROM ${BASE}'),
      errors: [{ messageId: 'invalidDefault', data: { image: '${BASE}', expanded: 'MyOrg/App:1', names: '`BASE`' }, line: 2, column: 6, endLine: 2, endColumn: 13 }],
      output: null,
    },
  ],
});
