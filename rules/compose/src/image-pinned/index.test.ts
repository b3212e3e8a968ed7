import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const filename = 'compose.yaml';

new RuleTester().run('image-pinned', rule, {
  valid: [
    { filename, code: 'services:\n  web:\n    image: nginx:1.27-alpine\n  db:\n    image: postgres@sha256:0a7dfd1b3e0ab4f0c2d0fbd5fd3f5a3b0b1d8e0a83c8a1d2cce0b7c9f4c7e1aa\n' },
    { name: 'a registry with a port, and a tag', filename, code: 'services:\n  web:\n    image: localhost:5000/team/app:2.1\n' },
    { name: 'a tag from a variable that is not known', filename, code: 'services:\n  web:\n    image: ${REGISTRY:-ghcr.io}/acme/app:${TAG:?set TAG}\n  api:\n    image: ghcr.io/acme/${API_IMAGE}\n' },
    { name: 'a tag from .env', filename, code: 'services:\n  web:\n    image: ghcr.io/acme/app:${TAG}\n', files: { '.env': 'TAG=1.4.2\n' } },
    { name: 'build without image', filename, code: 'services:\n  web:\n    build: .\n' },
    { name: 'a custom list', filename, code: 'services:\n  web:\n    image: nginx:latest\n', options: [{ prohibitedTags: ['edge'] }] },
  ],
  invalid: [
    {
      filename,
      code: 'services:\n  web:\n    image: nginx\n  db:\n    image: "postgres:latest"\n',
      errors: [
        { messageId: 'missingTag', data: { service: 'web', image: 'nginx' }, line: 3, column: 12, endLine: 3, endColumn: 17 },
        { messageId: 'floatingTag', data: { service: 'db', tag: 'latest' }, line: 5, column: 12, endLine: 5, endColumn: 29 },
      ],
      output: null,
    },
    {
      name: 'a variable registry does not hide a missing tag; the message shows the text as written',
      filename,
      code: 'services:\n  web:\n    image: ${REGISTRY}/acme/app\n',
      errors: [{ messageId: 'missingTag', data: { service: 'web', image: '${REGISTRY}/acme/app' }, line: 3, column: 12, endLine: 3, endColumn: 32 }],
      output: null,
    },
    {
      name: 'a moving tag from .env',
      filename,
      code: 'services:\n  web:\n    image: ghcr.io/acme/app:${TAG}\n',
      files: { '.env': 'TAG=nightly\n' },
      errors: [{ messageId: 'floatingTag', data: { service: 'web', tag: 'nightly' }, line: 3, column: 12, endLine: 3, endColumn: 35 }],
      output: null,
    },
    {
      name: 'an image in a merged block is reported once, where it is written',
      filename,
      code: 'x-app: &app\n  image: acme/app:latest\nservices:\n  a:\n    <<: *app\n  b:\n    <<: *app\n',
      errors: [{ messageId: 'floatingTag', data: { service: 'a', tag: 'latest' }, line: 2, column: 10, endLine: 2, endColumn: 25 }],
      output: null,
    },
  ],
});
