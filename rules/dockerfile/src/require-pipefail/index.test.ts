import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('require-pipefail', rule, {
  valid: [
    'FROM debian:12\nRUN curl -fsSL https://example.com/key && echo done\n',
    'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/key | gpg --dearmor -o /k.gpg\n',
    'FROM debian:12\nSHELL ["/usr/bin/zsh", "-eo", "pipefail", "-c"]\nRUN a | b\n',
    'FROM debian:12\nRUN set -euo pipefail; curl -fsSL https://example.com/key | gpg --dearmor -o /k.gpg\n',
    'FROM debian:12\nRUN echo "a | b" && grep -E "x|y" file\n',
    { name: 'PowerShell pipes are not POSIX pipes', code: 'FROM windows\nSHELL ["pwsh", "-c"]\nRUN Get-Item x | Select-Object Name\n' },
    { name: 'the SHELL of the parent stage counts', code: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN a | b\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN wget -O - https://example.com | tar xz\n',
      errors: [{ messageId: 'pipeWithoutPipefail', line: 2, column: 35, endLine: 2, endColumn: 36 }],
      output: null,
    },
    {
      name: 'sh does not know pipefail',
      code: 'FROM alpine:3.20\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN a | b\n',
      errors: [{ messageId: 'pipeWithoutPipefail', line: 3, column: 7, endLine: 3, endColumn: 8 }],
      output: null,
    },
    {
      name: 'a later SHELL without pipefail, and a new stage, reset it',
      code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\nSHELL ["/bin/bash", "-c"]\nRUN c | d\nFROM debian:12\nRUN e |& f\n',
      errors: [
        { messageId: 'pipeWithoutPipefail', line: 5, column: 7, endLine: 5, endColumn: 8 },
        { messageId: 'pipeWithoutPipefail', line: 7, column: 7, endLine: 7, endColumn: 9 },
      ],
      output: null,
    },
    {
      name: 'set -o pipefail after the pipe is too late; a sh -c string is a new shell',
      code: 'FROM debian:12\nRUN a | b; set -o pipefail\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN sh -c "c | d"\n',
      errors: [
        { messageId: 'pipeWithoutPipefail', line: 2, column: 7, endLine: 2, endColumn: 8 },
        { messageId: 'pipeWithoutPipefail', line: 4, column: 14, endLine: 4, endColumn: 15 },
      ],
      output: null,
    },
    {
      name: 'one report per RUN, on its first pipe, across continuations',
      code: 'FROM debian:12\nRUN a \\\n  | b | c\n',
      errors: [{ messageId: 'pipeWithoutPipefail', line: 3, column: 3, endLine: 3, endColumn: 4 }],
      output: null,
    },
  ],
});
