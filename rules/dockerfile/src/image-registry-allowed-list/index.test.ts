import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

/** A file's text from its lines, each ending with a line feed. */
const lines = (...text: string[]): string => text.map((line) => `${line}\n`).join('');

const ONLY_ACME = [{ allowedRegistries: ['registry.acme.dev'] }];

new RuleTester().run('image-registry-allowed-list', rule, {
  valid: [
    { name: 'nothing is checked without a list', code: lines('FROM quay.io/prometheus/busybox:latest') },
    { code: lines('FROM registry.acme.dev/base/python:3.13', 'FROM registry.acme.dev/base/nginx:1.27'), options: ONLY_ACME },
    { name: 'scratch and earlier stages', code: lines('FROM registry.acme.dev/go:1.23 AS build', 'FROM build AS test', 'FROM scratch'), options: ONLY_ACME },
    {
      name: 'docker.io covers images without a registry and its other names',
      code: lines('FROM python:3.13', 'FROM bitnami/redis:7.4', 'FROM docker.io/library/nginx:1.27', 'FROM index.docker.io/library/alpine:3.20'),
      options: [{ allowedRegistries: ['docker.io'] }],
    },
    { name: 'a wildcard subdomain', code: lines('FROM eu.mirror.acme.dev/debian:12'), options: [{ allowedRegistries: ['*.acme.dev'] }] },
    { name: '* allows every registry', code: lines('FROM ghcr.io/acme/tool:1'), options: [{ allowedRegistries: ['*'] }] },
    { name: 'registry names compare without case', code: lines('FROM Registry.Acme.Dev/base/python:3.13'), options: ONLY_ACME },
    { name: 'COPY --from a stage', code: lines('FROM registry.acme.dev/node:22 AS assets', 'FROM registry.acme.dev/nginx:1.27', 'COPY --from=assets /dist /srv'), options: ONLY_ACME },
    { name: 'an image the build supplies', code: lines('ARG BASE', 'FROM ${BASE}', 'COPY --from=${TOOLS} /bin/tool /bin/'), options: ONLY_ACME },
    { name: 'the list from a .hadolint.yaml', code: lines('FROM ghcr.io/acme/tool:1'), settings: { hadolint: { trustedRegistries: ['ghcr.io'] } } },
  ],
  invalid: [
    {
      code: lines('FROM quay.io/keycloak/keycloak:26.0'),
      options: ONLY_ACME,
      errors: [
        {
          messageId: 'registryNotAllowed',
          data: { image: 'quay.io/keycloak/keycloak:26.0', registry: 'quay.io', allowed: 'registry.acme.dev' },
          line: 1,
          column: 6,
          endLine: 1,
          endColumn: 36,
        },
      ],
      output: null,
    },
    {
      name: 'Docker Hub, with and without its name, when only another registry is allowed',
      code: lines('FROM ubuntu:24.04 AS a', 'FROM docker.io/library/ubuntu:24.04 AS b'),
      options: ONLY_ACME,
      errors: [
        { messageId: 'registryNotAllowed', data: { image: 'ubuntu:24.04', registry: 'docker.io', allowed: 'registry.acme.dev' }, line: 1, column: 6, endLine: 1, endColumn: 18 },
        { messageId: 'registryNotAllowed', data: { image: 'docker.io/library/ubuntu:24.04', registry: 'docker.io', allowed: 'registry.acme.dev' }, line: 2, column: 6, endLine: 2, endColumn: 36 },
      ],
      output: null,
    },
    {
      name: 'a wildcard does not match another domain',
      code: lines('FROM acme.dev.evil.io/debian:12'),
      options: [{ allowedRegistries: ['*.acme.dev'] }],
      errors: [{ messageId: 'registryNotAllowed', line: 1, column: 6, endLine: 1, endColumn: 32 }],
      output: null,
    },
    {
      name: 'an image from an ARG default',
      code: lines('ARG BASE=ghcr.io/acme/python:3.13', 'FROM $BASE'),
      options: ONLY_ACME,
      errors: [{ messageId: 'registryNotAllowed', data: { image: 'ghcr.io/acme/python:3.13', registry: 'ghcr.io', allowed: 'registry.acme.dev' }, line: 2, column: 6, endLine: 2, endColumn: 11 }],
      output: null,
    },
    {
      name: 'COPY --from an image and RUN --mount from an image, on the reference',
      code: lines(
        'FROM registry.acme.dev/python:3.13',
        'COPY --from=ghcr.io/astral-sh/uv:0.5 /uv /bin/uv',
        'RUN --mount=type=bind,from=nginx:1.27,target=/ref cp /ref/etc/nginx/mime.types /srv/',
      ),
      options: ONLY_ACME,
      errors: [
        { messageId: 'registryNotAllowed', data: { image: 'ghcr.io/astral-sh/uv:0.5', registry: 'ghcr.io', allowed: 'registry.acme.dev' }, line: 2, column: 13, endLine: 2, endColumn: 37 },
        { messageId: 'registryNotAllowed', data: { image: 'nginx:1.27', registry: 'docker.io', allowed: 'registry.acme.dev' }, line: 3, column: 28, endLine: 3, endColumn: 38 },
      ],
      output: null,
    },
    {
      name: 'the option wins over the .hadolint.yaml list',
      code: lines('FROM ghcr.io/acme/tool:1'),
      options: ONLY_ACME,
      settings: { hadolint: { trustedRegistries: ['ghcr.io'] } },
      errors: [{ messageId: 'registryNotAllowed', line: 1, column: 6, endLine: 1, endColumn: 25 }],
      output: null,
    },
  ],
});
