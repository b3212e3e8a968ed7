import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const schema = { 'org.opencontainers.image.source': 'url', 'org.opencontainers.image.version': 'semver' } as const;

new RuleTester().run('label-schema', rule, {
  valid: [
    // Without a schema the rule checks nothing.
    'FROM alpine:3.20\nLABEL anything=goes\n',
    {
      code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/acme/app" \\\n      org.opencontainers.image.version="1.4.0-rc.1+build.7"\n',
      options: [{ schema }],
    },
    {
      name: 'labels are inherited from the stage built on, and stages copied from need none',
      code: 'FROM alpine:3.20 AS base\nLABEL title="app"\nFROM golang:1.23 AS build\nFROM base\nCOPY --from=build /out /app\n',
      options: [{ schema: { title: 'text' } }],
    },
    {
      name: 'a stage another stage builds on and labels',
      code: 'FROM alpine:3.20 AS base\nFROM base\nLABEL title="app"\n',
      options: [{ schema: { title: 'text' } }],
    },
    {
      name: 'every format',
      code: [
        'FROM alpine:3.20',
        'LABEL created="2024-05-01T10:26:33.5+01:00" license="Apache-2.0 OR MIT" revision="2dbfae9" \\',
        '      authors="jane.doe@example.com" title="anything" other="$VERSION"',
        '',
      ].join('\n'),
      options: [{ schema: { created: 'rfc3339', license: 'spdx', revision: 'hash', authors: 'email', title: 'text', other: 'semver' } }],
    },
  ],
  invalid: [
    {
      name: 'missing labels, per built stage',
      code: 'FROM alpine:3.20\nLABEL title="app"\nFROM debian:12\n',
      options: [{ schema: { title: 'text' } }],
      errors: [{ messageId: 'missingLabel', data: { stage: 'Stage 1', label: 'title' }, line: 3, column: 1, endLine: 3, endColumn: 5 }],
      output: null,
    },
    {
      name: 'values in the wrong format, and an empty value',
      code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="github.com/acme/app" org.opencontainers.image.version="v1.2" title=""\n',
      options: [{ schema: { ...schema, title: 'text' } }],
      errors: [
        { messageId: 'invalidFormat', data: { label: 'org.opencontainers.image.source', format: 'URL', value: 'github.com/acme/app' }, line: 2, column: 39, endLine: 2, endColumn: 60 },
        { messageId: 'invalidFormat', data: { label: 'org.opencontainers.image.version', format: 'semantic version', value: 'v1.2' }, line: 2, column: 94, endLine: 2, endColumn: 100 },
        { messageId: 'emptyLabel', data: { label: 'title' }, line: 2, column: 101, endLine: 2, endColumn: 106 },
      ],
      output: null,
    },
    {
      name: 'formats: date, license, hash, email',
      code: 'FROM alpine:3.20\nLABEL created="2024-13-01T00:00:00Z" license="not-a-license" revision="xyz1234" authors="jane at example"\n',
      options: [{ schema: { created: 'rfc3339', license: 'spdx', revision: 'hash', authors: 'email' } }],
      errors: [
        { messageId: 'invalidFormat', data: { label: 'created', format: 'RFC 3339 date and time', value: '2024-13-01T00:00:00Z' }, line: 2, column: 15, endLine: 2, endColumn: 37 },
        { messageId: 'invalidFormat', data: { label: 'license', format: 'SPDX license expression', value: 'not-a-license' }, line: 2, column: 46, endLine: 2, endColumn: 61 },
        { messageId: 'invalidFormat', data: { label: 'revision', format: 'git commit hash', value: 'xyz1234' }, line: 2, column: 71, endLine: 2, endColumn: 80 },
        { messageId: 'invalidFormat', data: { label: 'authors', format: 'email address', value: 'jane at example' }, line: 2, column: 89, endLine: 2, endColumn: 106 },
      ],
      output: null,
    },
    {
      name: 'strict: labels outside the schema',
      code: 'FROM alpine:3.20\nLABEL title="app" team="core"\n',
      options: [{ schema: { title: 'text' }, strict: true }],
      errors: [{ messageId: 'superfluousLabel', data: { label: 'team' }, line: 2, column: 19, endLine: 2, endColumn: 23 }],
      output: null,
    },
  ],
});
