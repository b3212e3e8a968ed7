import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('yum-no-insecure-ssl', rule, {
  valid: [
    'FROM rockylinux:9\nRUN dnf config-manager --setopt=repo.sslcacert=/etc/pki/corp.pem --save\n',
    'FROM rockylinux:9\nRUN yum install -y --setopt=sslverify=1 httpd\n',
    'FROM rockylinux:9\nRUN echo --setopt=sslverify=0\n',
  ],
  invalid: [
    {
      code: 'FROM rockylinux:9\nRUN yum-config-manager --save --setopt=sslverify=0\n',
      errors: [
        {
          messageId: 'sslVerifyOff',
          data: { program: 'yum-config-manager' },
          line: 2,
          column: 31,
          endLine: 2,
          endColumn: 51,
          suggestions: [{ messageId: 'enableSslVerify', output: 'FROM rockylinux:9\nRUN yum-config-manager --save --setopt=sslverify=1\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'dnf config-manager with a repository key, and --setopt as two words',
      code: 'FROM rockylinux:9\nRUN dnf config-manager --setopt=corp.sslverify=false --save && microdnf install --setopt sslverify=no x\n',
      errors: [
        {
          messageId: 'sslVerifyOff',
          data: { program: 'dnf' },
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 53,
          suggestions: [
            { messageId: 'enableSslVerify', output: 'FROM rockylinux:9\nRUN dnf config-manager --setopt=corp.sslverify=1 --save && microdnf install --setopt sslverify=no x\n' },
          ],
        },
        {
          messageId: 'sslVerifyOff',
          data: { program: 'microdnf' },
          line: 2,
          column: 81,
          endLine: 2,
          endColumn: 102,
          suggestions: [
            { messageId: 'enableSslVerify', output: 'FROM rockylinux:9\nRUN dnf config-manager --setopt=corp.sslverify=false --save && microdnf install --setopt sslverify=1 x\n' },
          ],
        },
      ],
      output: null,
    },
  ],
});
