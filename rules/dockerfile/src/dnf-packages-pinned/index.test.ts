import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const F = 'FROM fedora:41\n';

new RuleTester().run('dnf-packages-pinned', rule, {
  valid: [
    `${F}RUN dnf install -y tomcat-9.0.87 rpm-sign-4.19.1.1 && microdnf install -y openssl-1:3.2.2 && dnf clean all\n`,
    { name: 'groups and module streams', code: `${F}RUN dnf -y group install "Development Tools" && microdnf module install -y nodejs:20\n` },
    { name: 'a version from an ENV of the parent stage', code: `FROM fedora:41 AS base\nENV GIT_VERSION=2.47.1-1.fc41\nFROM base\nRUN dnf -y install git-core-\${GIT_VERSION}\n` },
  ],
  invalid: [
    {
      code: `${F}RUN dnf install -y rpm-sign && dnf clean all\n`,
      errors: [{ messageId: 'unpinned', data: { package: 'rpm-sign' }, line: 2, column: 20, endLine: 2, endColumn: 28 }],
      output: null,
    },
    {
      name: 'microdnf, dnf5, module without a stream',
      code: `${F}RUN microdnf install -y tomcat && dnf5 install -y git && dnf module install -y postgresql\n`,
      errors: [
        { messageId: 'unpinned', data: { package: 'tomcat' }, line: 2, column: 25, endLine: 2, endColumn: 31 },
        { messageId: 'unpinned', data: { package: 'git' }, line: 2, column: 51, endLine: 2, endColumn: 54 },
        { messageId: 'unpinned', data: { package: 'postgresql' }, line: 2, column: 80, endLine: 2, endColumn: 90 },
      ],
      output: null,
    },
  ],
});
