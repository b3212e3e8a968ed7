import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('require-wget-progress', rule, {
  valid: [
    'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/a\n',
    'FROM debian:12\nRUN wget -qO- https://example.com/a | tar xz\n',
    'FROM debian:12\nRUN wget -nv https://example.com/a && wget --no-verbose https://example.com/b\n',
    'FROM debian:12\nRUN wget -o /tmp/log https://example.com/a && wget --append-output=/tmp/log https://example.com/b\n',
    'FROM debian:12\nRUN curl -fsSLO https://example.com/a\n',
    {
      // Corpus: docker-library/python 3.10/alpine3.23/Dockerfile, nginxinc/docker-nginx alpine-slim.
      name: "BusyBox's wget on Alpine has no --progress",
      code: 'FROM alpine:3.23\nRUN set -eux; \\\n\twget -O python.tar.xz "$URL"\nFROM python:2-alpine AS app\nRUN wget "$URL" -O /tmp/app.run\nFROM app\nRUN wget -O b "$URL"\n',
    },
    { name: 'BusyBox image', code: 'FROM busybox:1.37\nRUN wget https://example.com/a\n' },
    {
      // Corpus: StefanScherer/dockerfiles-windows node-consul-env/Dockerfile:9. RUN goes to cmd, and
      // PowerShell's `wget` is Invoke-WebRequest.
      name: "PowerShell's wget on a Windows image without SHELL",
      code: 'FROM stefanscherer/node-windows:6.0.0\nRUN powershell -Command \\\n    wget https://example.com/consul.zip -OutFile consul.zip ; \\\n    wget https://example.com/envconsul.zip -OutFile envconsul.zip\n',
    },
    { name: 'a Windows path says the image is Windows', code: 'FROM example/base\nWORKDIR C:\\app\nRUN wget https://example.com/a -OutFile a\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN wget https://example.com/a\n',
      errors: [{ messageId: 'noProgress', line: 2, column: 5, endLine: 2, endColumn: 9 }],
      output: 'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/a\n',
    },
    {
      name: 'in a chain, with -O, in a sh -c string and in exec form',
      code: "FROM debian:12\nRUN cd /tmp && wget -O a.tgz https://example.com/a\nRUN sh -c 'wget https://example.com/b'\nRUN [\"wget\", \"https://example.com/c\"]\n",
      errors: [
        { messageId: 'noProgress', line: 2, column: 16, endLine: 2, endColumn: 20 },
        { messageId: 'noProgress', line: 3, column: 12, endLine: 3, endColumn: 16 },
        { messageId: 'noProgress', line: 4, column: 6, endLine: 4, endColumn: 12 },
      ],
      output:
        "FROM debian:12\nRUN cd /tmp && wget --progress=dot:giga -O a.tgz https://example.com/a\nRUN sh -c 'wget --progress=dot:giga https://example.com/b'\nRUN [\"wget\", \"--progress=dot:giga\", \"https://example.com/c\"]\n",
    },
    {
      name: 'GNU wget installed with apk before, in this RUN or in the stage it is built on',
      code: 'FROM alpine:3.23 AS base\nRUN apk add --no-cache --virtual .fetch wget\nFROM base\nRUN wget https://example.com/a\nFROM alpine:3.23\nRUN wget https://example.com/b; apk add wget && wget https://example.com/c\n',
      errors: [
        { messageId: 'noProgress', line: 4, column: 5, endLine: 4, endColumn: 9 },
        { messageId: 'noProgress', line: 6, column: 49, endLine: 6, endColumn: 53 },
      ],
      output:
        'FROM alpine:3.23 AS base\nRUN apk add --no-cache --virtual .fetch wget\nFROM base\nRUN wget --progress=dot:giga https://example.com/a\nFROM alpine:3.23\nRUN wget https://example.com/b; apk add wget && wget --progress=dot:giga https://example.com/c\n',
    },
  ],
});
