import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('definition-description-format', rule, {
  valid: [
    '# VERSION the Alpine release to build on\nARG VERSION=3.20\n# base holds the runtime packages\nFROM alpine:${VERSION} AS base\n',
    // A bare `#` line ends the description block; unnamed stages and other instructions have none.
    '# just a note\n#\nARG VERSION=3.20\n# a note\nFROM alpine:3.20\n# a note\nCOPY . /app\n',
    // Any of the names of a multi-name ARG.
    'FROM alpine:3.20\n# GID the group id\nARG UID=1000 GID=1000\n',
    // Tool directives are not descriptions.
    '# syntax=docker/dockerfile:1\nARG VERSION=3.20\nFROM alpine:3.20\n# hadolint ignore=DL3006\nFROM app AS final\n',
  ],
  invalid: [
    {
      name: 'a note right above an ARG',
      code: 'FROM alpine:3.20\n# pin this before releasing\nARG VERSION=3.20\n',
      errors: [
        {
          messageId: 'descriptionName',
          data: { keyword: 'ARG', expected: "'VERSION'" },
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 12,
          suggestions: [
            { messageId: 'prefixName', data: { name: 'VERSION' }, output: 'FROM alpine:3.20\n# VERSION pin this before releasing\nARG VERSION=3.20\n' },
            { messageId: 'detachComment', output: 'FROM alpine:3.20\n# pin this before releasing\n#\nARG VERSION=3.20\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'blank lines do not separate the comment from the instruction',
      code: '# a multi-stage build\n\nFROM alpine:3.20 AS base\n',
      errors: [{ messageId: 'descriptionName', data: { keyword: 'FROM', expected: "'base'" }, line: 3, column: 21, endLine: 3, endColumn: 25 }],
      output: null,
    },
    {
      name: 'the name in another case is recased (stage names are lowercased by the builder)',
      code: '# Base is the runtime image\nFROM alpine:3.20 AS Base\n',
      errors: [{ messageId: 'descriptionName', data: { keyword: 'FROM', expected: "'base'" }, line: 2, column: 21, endLine: 2, endColumn: 25, suggestions: [] }],
      output: '# base is the runtime image\nFROM alpine:3.20 AS Base\n',
    },
    {
      name: 'an ARG with several names',
      code: 'FROM alpine:3.20\n# ids of the app user\nARG UID=1000 GID=1000\n',
      errors: [
        {
          messageId: 'descriptionName',
          data: { keyword: 'ARG', expected: 'one of its names (UID, GID)' },
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 22,
          suggestions: [{ messageId: 'detachComment', output: 'FROM alpine:3.20\n# ids of the app user\n#\nARG UID=1000 GID=1000\n' }],
        },
      ],
      output: null,
    },
  ],
});
