import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const F = 'FROM opensuse/leap:15.6\n';

new RuleTester().run('zypper-packages-pinned', rule, {
  valid: [
    `${F}RUN zypper install -y tomcat=9.0.87 'curl>=8.6' apache2\\<=2.4.58 ./local-1.0.rpm && zypper clean\n`,
    { name: 'patterns have no version', code: `${F}RUN zypper --non-interactive install -t pattern devel_basis && zypper in --type=pattern apparmor\n` },
  ],
  invalid: [
    {
      code: `${F}RUN zypper --non-interactive install tomcat=9.0.87 git-core && zypper clean\n`,
      errors: [{ messageId: 'unpinned', data: { package: 'git-core' }, line: 2, column: 52, endLine: 2, endColumn: 60 }],
      output: null,
    },
    {
      name: 'zypper in, explicit package type',
      code: `${F}RUN zypper -n in -t package vim\n`,
      errors: [{ messageId: 'unpinned', data: { package: 'vim' }, line: 2, column: 29, endLine: 2, endColumn: 32 }],
      output: null,
    },
  ],
});
