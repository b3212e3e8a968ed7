import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const F = 'FROM ruby:3.3-slim\n';

new RuleTester().run('gem-packages-pinned', rule, {
  valid: [
    `${F}RUN gem install bundler:2.5.22 rake:13.2.1 --no-document\n`,
    { name: '-v and --version pin every gem named', code: `${F}RUN gem install rails -v 7.2.1 && gem i puma --version=6.4.3\n` },
    { name: 'build options after --, values of options', code: `${F}RUN gem install nokogiri:1.16.7 --install-dir /usr/local/gems -- --use-system-libraries true\n` },
    { name: 'local gem files and other subcommands', code: `${F}RUN gem install ./pkg/tool-1.0.0.gem && gem update --system 3.5.22 && gem uninstall rake\n` },
  ],
  invalid: [
    {
      code: `${F}RUN gem install bundler:2.5.22 rake --no-document\n`,
      errors: [{ messageId: 'unpinned', data: { gem: 'rake' }, line: 2, column: 32, endLine: 2, endColumn: 36 }],
      output: null,
    },
    {
      name: 'gem i, ONBUILD, sh -c',
      code: `${F}RUN gem i -N bundler\nONBUILD RUN sh -c 'gem install rubocop'\n`,
      errors: [
        { messageId: 'unpinned', data: { gem: 'bundler' }, line: 2, column: 14, endLine: 2, endColumn: 21 },
        { messageId: 'unpinned', data: { gem: 'rubocop' }, line: 3, column: 32, endLine: 3, endColumn: 39 },
      ],
      output: null,
    },
  ],
});
