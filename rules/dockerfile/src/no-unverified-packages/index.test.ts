import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('no-unverified-packages', rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n',
    'FROM rockylinux:9\nRUN rpm --import https://example.com/key.asc && rpm -i pkg.rpm\n',
    'FROM debian:12\nRUN echo --allow-unauthenticated\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nRUN apk add --allow-untrusted /tmp/pkg.apk\n',
      errors: [
        {
          messageId: 'unverified',
          data: { program: 'apk', option: '--allow-untrusted' },
          line: 2,
          column: 13,
          endLine: 2,
          endColumn: 30,
          suggestions: [{ messageId: 'removeOption', output: 'FROM alpine:3.20\nRUN apk add /tmp/pkg.apk\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'apt-get options and -o settings',
      code: 'FROM debian:12\nRUN apt-get install -y --force-yes --allow-unauthenticated x && apt-get -o APT::Get::AllowUnauthenticated=true install y\n',
      errors: [
        {
          messageId: 'unverified',
          data: { program: 'apt-get', option: '--force-yes' },
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 35,
          suggestions: [
            { messageId: 'removeOption', output: 'FROM debian:12\nRUN apt-get install -y --allow-unauthenticated x && apt-get -o APT::Get::AllowUnauthenticated=true install y\n' },
          ],
        },
        {
          messageId: 'unverified',
          data: { program: 'apt-get', option: '--allow-unauthenticated' },
          line: 2,
          column: 36,
          endLine: 2,
          endColumn: 59,
          suggestions: [{ messageId: 'removeOption', output: 'FROM debian:12\nRUN apt-get install -y --force-yes x && apt-get -o APT::Get::AllowUnauthenticated=true install y\n' }],
        },
        { messageId: 'unverified', data: { program: 'apt-get', option: 'APT::Get::AllowUnauthenticated=true' }, line: 2, column: 73, endLine: 2, endColumn: 111, suggestions: [] },
      ],
      output: null,
    },
    {
      name: 'yum, dnf in exec form, rpm',
      code: 'FROM rockylinux:9\nRUN yum install -y --nogpgcheck x && rpm -i --nosignature --nodigest y.rpm\nRUN ["dnf", "install", "--nogpgcheck", "z"]\n',
      errors: [
        { messageId: 'unverified', data: { program: 'yum', option: '--nogpgcheck' }, line: 2, column: 20, endLine: 2, endColumn: 32 },
        { messageId: 'unverified', data: { program: 'rpm', option: '--nosignature' }, line: 2, column: 45, endLine: 2, endColumn: 58 },
        { messageId: 'unverified', data: { program: 'rpm', option: '--nodigest' }, line: 2, column: 59, endLine: 2, endColumn: 69 },
        {
          messageId: 'unverified',
          data: { program: 'dnf', option: '--nogpgcheck' },
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'removeOption',
              output: 'FROM rockylinux:9\nRUN yum install -y --nogpgcheck x && rpm -i --nosignature --nodigest y.rpm\nRUN ["dnf", "install", "z"]\n',
            },
          ],
        },
      ],
      output: null,
    },
  ],
});
