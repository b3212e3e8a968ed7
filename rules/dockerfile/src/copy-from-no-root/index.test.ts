import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('copy-from-no-root', rule, {
  valid: [
    'FROM alpine:3.20\nCOPY / /\n',
    'FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /out /\n',
    'FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build / /rootfs\n',
    {
      // Corpus: moby/buildkit Dockerfile (cni-plugins-export), a stage that holds only what was copied into it.
      name: 'a stage built FROM scratch holds only what was put there',
      code: 'FROM golang:1.23 AS cni\nRUN go build -o /opt/cni/bin/ ./...\nFROM scratch AS export\nCOPY --from=cni /opt/cni/bin /opt/cni/bin\nFROM alpine:3.20\nCOPY --link --from=export / /\n',
    },
    {
      // Corpus: moby/buildkit Dockerfile (`FROM binaries-$TARGETOS AS binaries`).
      name: 'a stage FROM a variable whose every candidate is built FROM scratch',
      code: 'FROM scratch AS bin-linux\nCOPY a /\nFROM scratch AS bin-windows\nCOPY a.exe /\nFROM bin-$TARGETOS AS bin\nFROM alpine:3.20\nCOPY --from=bin / /\n',
    },
    {
      // Corpus: docker/compose Dockerfile and moby/buildkit (`FROM --platform=$BUILDPLATFORM tonistiigi/xx:${XX_VERSION} AS xx`).
      name: 'the xx cross-compilation helpers are made to be copied into the root',
      code: 'ARG XX_VERSION=1.9.0\nFROM --platform=$BUILDPLATFORM tonistiigi/xx:${XX_VERSION} AS xx\nFROM golang:1.23-alpine AS base\nCOPY --from=xx / /\nCOPY --from=docker.io/tonistiigi/xx:1.9.0 / /\n',
    },
    {
      name: 'an image of your own in allowImages',
      code: 'FROM alpine:3.20\nCOPY --from=ghcr.io/acme/rootfs:1 / /\n',
      options: [{ allowImages: ['ghcr.io/acme/rootfs'] }],
    },
  ],
  invalid: [
    {
      code: 'FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build / /\n',
      errors: [{ messageId: 'wholeFilesystem', data: { from: 'build' }, line: 3, column: 19, endLine: 3, endColumn: 20 }],
      output: null,
    },
    {
      name: 'a variable FROM with one candidate that is not built FROM scratch',
      code: 'FROM scratch AS bin-linux\nFROM debian:12 AS bin-base\nFROM bin-$KIND AS bin\nFROM alpine:3.20\nCOPY --from=bin / /\n',
      errors: [{ messageId: 'wholeFilesystem', data: { from: 'bin' }, line: 5, column: 17, endLine: 5, endColumn: 18 }],
      output: null,
    },
    {
      name: 'allowImages replaces the default list',
      code: 'FROM tonistiigi/xx:1.9.0 AS xx\nFROM golang:1.23\nCOPY --from=xx / /\n',
      options: [{ allowImages: [] }],
      errors: [{ messageId: 'wholeFilesystem', data: { from: 'xx' }, line: 3, column: 16, endLine: 3, endColumn: 17 }],
      output: null,
    },
    {
      name: 'quoted, and in JSON form',
      code: 'FROM scratch\nCOPY --from=busybox:1.37 "/" "/"\nCOPY --from=busybox:1.37 ["/", "/"]\n',
      errors: [
        { messageId: 'wholeFilesystem', line: 2, column: 26, endLine: 2, endColumn: 29 },
        { messageId: 'wholeFilesystem', line: 3, column: 27, endLine: 3, endColumn: 30 },
      ],
      output: null,
    },
  ],
});
