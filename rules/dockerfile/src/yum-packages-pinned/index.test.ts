import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const F = 'FROM rockylinux:9\n';

new RuleTester().run('yum-packages-pinned', rule, {
  valid: [
    `${F}RUN yum install -y tomcat-9.0.87 openssl-1:3.0.7 gcc-c++-11.4.1 'bash >= 5.1' && yum clean all\n`,
    { name: 'rpm files, URLs, modules with a stream, groups', code: `${F}RUN yum install -y ./tool-1.0.rpm https://example.com/repo.rpm && yum module install -y nodejs:20 && yum groupinstall -y "Development Tools" && yum install -y @core\n` },
    { name: 'versions from ENV and ARG defaults of the stage', code: `${F}ENV GIT_VERSION=2.43.5-1.el9\nARG TOMCAT_VERSION\nRUN yum install -y git-\${GIT_VERSION} tomcat-$TOMCAT_VERSION\n` },
    { name: 'an ARG declared in an earlier stage, a list in a variable', code: `FROM rockylinux:9 AS base\nARG VERSION=1.2.3\nFROM rockylinux:9\nRUN yum install -y tool-\${VERSION} $PACKAGES\n` },
  ],
  invalid: [
    {
      code: `${F}RUN yum install -y tomcat-9.0.87 httpd && yum clean all\n`,
      errors: [{ messageId: 'unpinned', data: { package: 'httpd' }, line: 2, column: 34, endLine: 2, endColumn: 39 }],
      output: null,
    },
    {
      name: 'module without a stream, a version variable nothing in this stage sets',
      code: `FROM rockylinux:9 AS base\nENV GIT_VERSION=2.43.5-1.el9\nFROM rockylinux:9\nRUN yum module install -y nodejs \\\n && yum -y install git-\${GIT_VERSION}\n`,
      errors: [
        { messageId: 'unpinned', data: { package: 'nodejs' }, line: 4, column: 27, endLine: 4, endColumn: 33 },
        { messageId: 'unpinned', data: { package: 'git-${GIT_VERSION}' }, line: 5, column: 20, endLine: 5, endColumn: 38 },
      ],
      output: null,
    },
  ],
});
