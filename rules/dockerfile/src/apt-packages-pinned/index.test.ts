import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const F = 'FROM debian:12\n';

new RuleTester().run('apt-packages-pinned', rule, {
  valid: [
    `${F}RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 'git=1:2.39.*'\n`,
    { name: 'target release value, release suffix, local files', code: `${F}RUN apt-get install -y -t bookworm-backports golang=2:1.21~2 && apt-get install -y ./tool.deb nginx/bookworm\n` },
    { name: 'variables and substitutions are unknown', code: `${F}RUN apt-get install -y $PACKAGES $(cat /tmp/packages)\n` },
    `${F}RUN apt-get -o Dpkg::Options::=--force-confold remove -y curl\n`,
  ],
  invalid: [
    {
      code: `${F}RUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u8 git\n`,
      errors: [{ messageId: 'unpinned', data: { package: 'git' }, line: 2, column: 65, endLine: 2, endColumn: 68 }],
      output: null,
    },
    {
      name: 'continued lines, sh -c, exec form, ONBUILD, apt',
      code: `${F}RUN apt-get install -y \\\n    curl \\\n    wget=1.21.3-1+b2\nRUN sh -c 'apt install -y vim'\nRUN ["apt-get", "install", "-y", "make"]\nONBUILD RUN apt-get install -y gcc\n`,
      errors: [
        { messageId: 'unpinned', data: { package: 'curl' }, line: 3, column: 5, endLine: 3, endColumn: 9 },
        { messageId: 'unpinned', data: { package: 'vim' }, line: 5, column: 27, endLine: 5, endColumn: 30 },
        { messageId: 'unpinned', data: { package: 'make' }, line: 6, column: 34, endLine: 6, endColumn: 40 },
        { messageId: 'unpinned', data: { package: 'gcc' }, line: 7, column: 32, endLine: 7, endColumn: 35 },
      ],
      output: null,
    },
  ],
});
