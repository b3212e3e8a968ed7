import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const F = 'FROM debian:12\n';

new RuleTester().run('no-package-upgrade', rule, {
  valid: [
    `${F}RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8\n`,
    { name: 'upgrading named packages', code: `${F}RUN apt-get update && apt-get upgrade -y openssl && zypper update -y libopenssl3\n` },
    { name: 'allowUpgrade keeps upgrades within the release', code: `${F}RUN apt-get update && apt-get upgrade -y && zypper -n update\n`, options: [{ allowUpgrade: true }] },
  ],
  invalid: [
    {
      code: `${F}RUN apt-get update && apt-get dist-upgrade -y && apt-get install -y curl\n`,
      errors: [
        {
          messageId: 'distributionUpgrade',
          data: { command: 'apt-get dist-upgrade' },
          line: 2,
          column: 31,
          endLine: 2,
          endColumn: 43,
          suggestions: [{ messageId: 'removeCommand', output: `${F}RUN apt-get update && apt-get install -y curl\n` }],
        },
      ],
      output: null,
    },
    {
      name: 'last in a chain, alone in its RUN, zypper dup and update',
      code: `${F}RUN apt-get update && apt-get upgrade -y\nRUN zypper -n dup\nRUN zypper -n up \\\n && zypper clean\n`,
      errors: [
        {
          messageId: 'upgrade',
          data: { command: 'apt-get upgrade' },
          line: 2,
          column: 31,
          endLine: 2,
          endColumn: 38,
          suggestions: [{ messageId: 'removeCommand', output: `${F}RUN apt-get update\nRUN zypper -n dup\nRUN zypper -n up \\\n && zypper clean\n` }],
        },
        {
          messageId: 'distributionUpgrade',
          data: { command: 'zypper dup' },
          line: 3,
          column: 15,
          endLine: 3,
          endColumn: 18,
          suggestions: [{ messageId: 'removeCommand', output: `${F}RUN apt-get update && apt-get upgrade -y\nRUN zypper -n up \\\n && zypper clean\n` }],
        },
        {
          messageId: 'upgrade',
          data: { command: 'zypper up' },
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 17,
          suggestions: [{ messageId: 'removeCommand', output: `${F}RUN apt-get update && apt-get upgrade -y\nRUN zypper -n dup\nRUN zypper clean\n` }],
        },
      ],
      output: null,
    },
    {
      name: 'no suggestion where removing the command would change the rest (a pipeline, ||)',
      code: `${F}RUN apt-get full-upgrade -y | tee /tmp/log || true\n`,
      options: [{ allowUpgrade: true }],
      errors: [{ messageId: 'distributionUpgrade', data: { command: 'apt-get full-upgrade' }, line: 2, column: 13, endLine: 2, endColumn: 25, suggestions: [] }],
      output: null,
    },
  ],
});
