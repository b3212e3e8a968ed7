import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

/** A file's text from its lines, each ending with a line feed. */
const lines = (...text: string[]): string => text.map((line) => `${line}\n`).join('');

new RuleTester().run('from-image-pinned', rule, {
  valid: [
    lines('FROM python:3.13-slim'),
    lines('FROM ghcr.io/acme/runtime:2.4.1 AS runtime'),
    lines('FROM localhost:5000/tools:1.0'),
    { name: 'a digest pins the image without a tag', code: lines('FROM alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef') },
    { name: 'a digest makes latest harmless', code: lines('FROM nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef') },
    { name: 'scratch has no versions', code: lines('FROM scratch', 'COPY app /app') },
    { name: 'a stage built from an earlier stage', code: lines('FROM node:22-slim AS deps', 'RUN npm ci', 'FROM deps AS test', 'RUN npm test') },
    { name: 'stage names are matched without case', code: lines('FROM node:22-slim AS Deps', 'FROM deps') },
    { name: 'a variable the build must supply', code: lines('ARG BASE_IMAGE', 'FROM ${BASE_IMAGE}') },
    { name: 'a tag from an ARG without default', code: lines('ARG TAG', 'FROM debian:$TAG') },
    { name: 'a tag from an ARG default', code: lines('ARG TAG=12-slim', 'FROM debian:${TAG}') },
    { name: 'an image from an ARG default with a tag', code: lines('ARG BASE=eclipse-temurin:21-jre', 'FROM $BASE') },
    { name: 'a default operator gives the tag', code: lines('FROM debian:${DEBIAN_TAG:-bookworm}') },
    { name: 'an ARG default naming an earlier stage', code: lines('ARG FLAVOUR=build', 'FROM golang:1.23 AS build', 'FROM ${FLAVOUR}') },
    { name: 'a default the linter cannot evaluate', code: lines('ARG VARIANT=${templateOption:imageVariant}', 'FROM pypy:${VARIANT}') },
    { name: 'a tag that only contains latest', code: lines('FROM acme/tool:latest-2024') },
    { name: 'a digest when it is required', code: lines('FROM python:3.13-slim@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'), options: [{ requireDigest: true }] },
  ],
  invalid: [
    {
      name: 'no tag',
      code: lines('FROM debian'),
      errors: [{ messageId: 'untagged', data: { image: 'debian' }, line: 1, column: 6, endLine: 1, endColumn: 12 }],
      output: null,
    },
    {
      name: 'no tag on a named stage after flags',
      code: lines('FROM --platform=$BUILDPLATFORM golang AS build'),
      errors: [{ messageId: 'untagged', data: { image: 'golang' }, line: 1, column: 32, endLine: 1, endColumn: 38 }],
      output: null,
    },
    {
      name: 'a registry port is not a tag',
      code: lines('FROM registry.example.com:5000/team/app'),
      errors: [{ messageId: 'untagged', data: { image: 'registry.example.com:5000/team/app' }, line: 1, column: 6, endLine: 1, endColumn: 40 }],
      output: null,
    },
    {
      name: 'latest is reported on the tag',
      code: lines('FROM node:22 AS build', 'RUN npm ci', '', 'FROM nginx:latest', 'COPY --from=build /app/dist /usr/share/nginx/html'),
      errors: [{ messageId: 'latestTag', data: { image: 'nginx:latest' }, line: 4, column: 12, endLine: 4, endColumn: 18 }],
      output: null,
    },
    {
      name: 'an ARG default without a tag is reported on the whole image',
      code: lines('ARG BASE=ubuntu', 'FROM ${BASE}'),
      errors: [{ messageId: 'untagged', data: { image: 'ubuntu' }, line: 2, column: 6, endLine: 2, endColumn: 13 }],
      output: null,
    },
    {
      name: 'ARG defaults built from earlier ARGs',
      code: lines('ARG REGISTRY=quay.io', 'ARG OWNER=acme', 'ARG BASE_IMAGE=$REGISTRY/$OWNER/notebook', 'FROM $BASE_IMAGE'),
      errors: [{ messageId: 'untagged', data: { image: 'quay.io/acme/notebook' }, line: 4, column: 6, endLine: 4, endColumn: 17 }],
      output: null,
    },
    {
      name: 'an ARG default of latest',
      code: lines('ARG TAG=latest', 'FROM alpine:$TAG'),
      errors: [{ messageId: 'latestTag', data: { image: 'alpine:latest' }, line: 2, column: 6, endLine: 2, endColumn: 17 }],
      output: null,
    },
    {
      name: 'every stage is checked',
      code: lines('FROM maven AS build', 'FROM eclipse-temurin:latest'),
      errors: [
        { messageId: 'untagged', data: { image: 'maven' }, line: 1, column: 6, endLine: 1, endColumn: 11 },
        { messageId: 'latestTag', data: { image: 'eclipse-temurin:latest' }, line: 2, column: 22, endLine: 2, endColumn: 28 },
      ],
      output: null,
    },
    {
      name: 'requireDigest: a tag alone is not enough',
      code: lines('FROM python:3.13-slim'),
      options: [{ requireDigest: true }],
      errors: [{ messageId: 'missingDigest', data: { image: 'python:3.13-slim' }, line: 1, column: 6, endLine: 1, endColumn: 22 }],
      output: null,
    },
  ],
});
