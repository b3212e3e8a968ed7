import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const F = 'FROM debian:12\n';

new RuleTester().run('no-apt', rule, {
  valid: [
    `${F}RUN apt-get update && apt-get install -y curl && apt-cache policy curl\n`,
    `${F}RUN echo apt install && aptitude install -y curl\n`,
    { name: 'PowerShell is not analysed', code: 'FROM debian:12\nSHELL ["pwsh", "-c"]\nRUN apt install curl\n' },
  ],
  invalid: [
    {
      code: `${F}RUN apt update && apt install -y curl\n`,
      errors: [
        { messageId: 'apt', data: { replacement: 'apt-get' }, line: 2, column: 5, endLine: 2, endColumn: 8 },
        { messageId: 'apt', data: { replacement: 'apt-get' }, line: 2, column: 19, endLine: 2, endColumn: 22 },
      ],
      output: `${F}RUN apt-get update && apt-get install -y curl\n`,
    },
    {
      name: 'search and show go to apt-cache; a folder is kept',
      code: `${F}RUN apt search curl; /usr/bin/apt show curl\n`,
      errors: [
        { messageId: 'apt', data: { replacement: 'apt-cache' }, line: 2, column: 5, endLine: 2, endColumn: 8 },
        { messageId: 'apt', data: { replacement: 'apt-cache' }, line: 2, column: 22, endLine: 2, endColumn: 34 },
      ],
      output: `${F}RUN apt-cache search curl; /usr/bin/apt-cache show curl\n`,
    },
    {
      name: 'upgrade, list and full-upgrade behave differently: no fix',
      code: `${F}RUN apt upgrade -y && apt list --installed && apt full-upgrade -y\n`,
      errors: [
        { messageId: 'apt', data: { replacement: 'apt-get` or `apt-cache' }, line: 2, column: 5, endLine: 2, endColumn: 8 },
        { messageId: 'apt', data: { replacement: 'apt-get` or `apt-cache' }, line: 2, column: 23, endLine: 2, endColumn: 26 },
        { messageId: 'apt', data: { replacement: 'apt-get` or `apt-cache' }, line: 2, column: 47, endLine: 2, endColumn: 50 },
      ],
      output: null,
    },
    {
      name: 'sh -c, exec form, ONBUILD, heredoc, a quoted name (not rewritten)',
      code: `${F}RUN sh -c 'apt install -y a'\nRUN ["apt", "remove", "-y", "b"]\nONBUILD RUN apt purge -y c\nRUN <<EOF\n"apt" install -y d\nEOF\n`,
      errors: [
        { messageId: 'apt', line: 2, column: 12, endLine: 2, endColumn: 15 },
        { messageId: 'apt', line: 3, column: 6, endLine: 3, endColumn: 11 },
        { messageId: 'apt', line: 4, column: 13, endLine: 4, endColumn: 16 },
        { messageId: 'apt', line: 6, column: 1, endLine: 6, endColumn: 6 },
      ],
      output: `${F}RUN sh -c 'apt-get install -y a'\nRUN ["apt-get", "remove", "-y", "b"]\nONBUILD RUN apt-get purge -y c\nRUN <<EOF\n"apt" install -y d\nEOF\n`,
    },
  ],
});
