import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const F = 'FROM debian:12\n';

new RuleTester().run('require-assume-yes', rule, {
  valid: [
    `${F}RUN apt-get update && apt-get install -y curl\n`,
    `${F}RUN apt-get -y install curl\n`,
    `${F}RUN apt-get install --yes curl && apt-get --assume-yes purge wget\n`,
    `${F}RUN apt-get install -yq --no-install-recommends curl\n`,
    { name: 'quiet level 2 implies yes', code: `${F}RUN apt-get install -qq curl && apt-get install -q -q a && apt-get install -q=2 b && apt-get install --quiet --quiet c\n` },
    `${F}RUN apt-get -o APT::Get::Assume-Yes=true install curl\n`,
    { name: 'a simulation asks nothing', code: `${F}RUN if apt-get install -s curl > /dev/null; then echo ok; fi\n` },
    { name: 'commands that never ask', code: `${F}RUN apt-get update && apt-get clean && yum clean all && zypper refresh && dnf makecache\n` },
    'FROM fedora:40\nRUN dnf install -y httpd && microdnf --assumeyes install curl && yum -y groupinstall tools\n',
    'FROM fedora:40\nRUN dnf --setopt=assumeyes=1 install httpd\n',
    'FROM opensuse/leap:15\nRUN zypper -n install httpd && zypper install -y a && zypper --non-interactive rm b && zypper in --no-confirm c\n',
    'FROM fedora:40\nRUN notdnf install httpd && echo dnf install x\n',
    { name: 'PowerShell is not analysed', code: 'FROM windows\nSHELL ["pwsh", "-c"]\nRUN apt-get install curl\n' },
  ],
  invalid: [
    {
      code: `${F}RUN apt-get update && apt-get install curl\n`,
      errors: [{ messageId: 'missingYes', data: { manager: 'apt-get', subcommand: 'install', flag: '-y' }, line: 2, column: 31, endLine: 2, endColumn: 38 }],
      output: `${F}RUN apt-get update && apt-get install -y curl\n`,
    },
    {
      name: 'one -q is not enough; global options before the subcommand',
      code: `${F}RUN apt-get -o Dpkg::Options::=--force-confnew -q install curl\n`,
      errors: [{ messageId: 'missingYes', line: 2, column: 51, endLine: 2, endColumn: 58 }],
      output: `${F}RUN apt-get -o Dpkg::Options::=--force-confnew -q install -y curl\n`,
    },
    {
      name: 'continuations, sh -c strings, exec form, ONBUILD',
      code: `${F}RUN apt-get update \\\n && apt-get \\\n    install curl\nRUN sh -c 'apt-get purge wget'\nRUN ["apt-get", "dist-upgrade"]\nONBUILD RUN apt-get remove vim\n`,
      errors: [
        { messageId: 'missingYes', data: { manager: 'apt-get', subcommand: 'install', flag: '-y' }, line: 4, column: 5, endLine: 4, endColumn: 12 },
        { messageId: 'missingYes', data: { manager: 'apt-get', subcommand: 'purge', flag: '-y' }, line: 5, column: 20, endLine: 5, endColumn: 25 },
        { messageId: 'missingYes', data: { manager: 'apt-get', subcommand: 'dist-upgrade', flag: '-y' }, line: 6, column: 17, endLine: 6, endColumn: 31 },
        { messageId: 'missingYes', data: { manager: 'apt-get', subcommand: 'remove', flag: '-y' }, line: 7, column: 21, endLine: 7, endColumn: 27 },
      ],
      output: `${F}RUN apt-get update \\\n && apt-get \\\n    install -y curl\nRUN sh -c 'apt-get purge -y wget'\nRUN ["apt-get", "dist-upgrade", "-y"]\nONBUILD RUN apt-get remove -y vim\n`,
    },
    {
      name: 'a heredoc script',
      code: `${F}RUN <<EOF\nset -e\napt-get install curl\nEOF\n`,
      errors: [{ messageId: 'missingYes', line: 4, column: 9, endLine: 4, endColumn: 16 }],
      output: `${F}RUN <<EOF\nset -e\napt-get install -y curl\nEOF\n`,
    },
    {
      name: 'yum, dnf, microdnf, group install',
      code: 'FROM fedora:40\nRUN yum install httpd && dnf --enablerepo x upgrade && microdnf install curl && dnf group install tools\n',
      errors: [
        { messageId: 'missingYes', data: { manager: 'yum', subcommand: 'install', flag: '-y' }, line: 2, column: 9, endLine: 2, endColumn: 16 },
        { messageId: 'missingYes', data: { manager: 'dnf', subcommand: 'upgrade', flag: '-y' }, line: 2, column: 45, endLine: 2, endColumn: 52 },
        { messageId: 'missingYes', data: { manager: 'microdnf', subcommand: 'install', flag: '-y' }, line: 2, column: 65, endLine: 2, endColumn: 72 },
        { messageId: 'missingYes', data: { manager: 'dnf', subcommand: 'install', flag: '-y' }, line: 2, column: 91, endLine: 2, endColumn: 98 },
      ],
      output: 'FROM fedora:40\nRUN yum install -y httpd && dnf --enablerepo x upgrade -y && microdnf install -y curl && dnf group install -y tools\n',
    },
    {
      name: 'zypper gets the global -n; after the subcommand -n means --name',
      code: 'FROM opensuse/leap:15\nRUN zypper install httpd && zypper in -n curl\n',
      errors: [
        { messageId: 'missingYes', data: { manager: 'zypper', subcommand: 'install', flag: '-n' }, line: 2, column: 12, endLine: 2, endColumn: 19 },
        { messageId: 'missingYes', data: { manager: 'zypper', subcommand: 'in', flag: '-n' }, line: 2, column: 36, endLine: 2, endColumn: 38 },
      ],
      output: 'FROM opensuse/leap:15\nRUN zypper -n install httpd && zypper -n in -n curl\n',
    },
  ],
});
