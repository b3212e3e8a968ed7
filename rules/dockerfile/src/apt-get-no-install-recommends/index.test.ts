import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const F = 'FROM debian:12\n';

new RuleTester().run('apt-get-no-install-recommends', rule, {
  valid: [
    `${F}RUN apt-get update && apt-get install -y --no-install-recommends curl\n`,
    `${F}RUN apt-get --no-install-recommends -y install curl && apt-get remove -y wget\n`,
    `${F}RUN apt-get -o APT::Install-Recommends=false install -y curl\n`,
    `${F}RUN apt-get install -y --install-recommends=no curl\n`,
    {
      name: 'recommends switched off in apt.conf.d by an earlier RUN of the parent stage',
      code: `FROM debian:12 AS base\nRUN echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/99-no-recommends\nFROM base\nRUN apt-get install -y curl\n`,
    },
    {
      // Corpus: docker-library/postgres 18/bookworm/Dockerfile:161.
      name: 'a simulated install installs nothing',
      code:
        `${F}RUN set -eux; \\\n\tif apt-get install -s "postgresql-$PG_MAJOR-jit" > /dev/null 2>&1; then \\\n` +
        `\t\tapt-get install -y --no-install-recommends "postgresql-$PG_MAJOR-jit=$PG_VERSION"; \\\n\tfi\n`,
    },
    `${F}RUN apt-get install -qs a && apt-get --simulate install b && apt install --dry-run c && apt-get install --just-print --recon --no-act d\n`,
  ],
  invalid: [
    {
      name: 'an s inside the value of a short option, or after --, is no simulation',
      code: `${F}RUN apt-get install -tstretch-backports a && apt-get install -y -- -s\n`,
      errors: [
        { messageId: 'missingNoInstallRecommends', line: 2, column: 13, endLine: 2, endColumn: 20 },
        { messageId: 'missingNoInstallRecommends', line: 2, column: 54, endLine: 2, endColumn: 61 },
      ],
      output: null,
    },
    {
      code: `${F}RUN apt-get update && apt-get install -y curl\n`,
      errors: [
        {
          messageId: 'missingNoInstallRecommends',
          data: { manager: 'apt-get' },
          line: 2,
          column: 31,
          endLine: 2,
          endColumn: 38,
          suggestions: [{ messageId: 'addNoInstallRecommends', output: `${F}RUN apt-get update && apt-get install --no-install-recommends -y curl\n` }],
        },
      ],
      output: null,
    },
    {
      name: 'apt, sh -c, exec form, ONBUILD, a heredoc script',
      code: `${F}RUN apt install -y a\nRUN sh -c "apt-get install -y b"\nRUN ["apt-get", "install", "-y", "c"]\nONBUILD RUN apt-get -y install d\nRUN <<EOF\napt-get install -y e\nEOF\n`,
      errors: [
        { messageId: 'missingNoInstallRecommends', data: { manager: 'apt' }, line: 2, column: 9, endLine: 2, endColumn: 16, suggestions: [{ messageId: 'addNoInstallRecommends', output: `${F}RUN apt install --no-install-recommends -y a\nRUN sh -c "apt-get install -y b"\nRUN ["apt-get", "install", "-y", "c"]\nONBUILD RUN apt-get -y install d\nRUN <<EOF\napt-get install -y e\nEOF\n` }] },
        { messageId: 'missingNoInstallRecommends', line: 3, column: 20, endLine: 3, endColumn: 27, suggestions: [{ messageId: 'addNoInstallRecommends', output: `${F}RUN apt install -y a\nRUN sh -c "apt-get install --no-install-recommends -y b"\nRUN ["apt-get", "install", "-y", "c"]\nONBUILD RUN apt-get -y install d\nRUN <<EOF\napt-get install -y e\nEOF\n` }] },
        { messageId: 'missingNoInstallRecommends', line: 4, column: 17, endLine: 4, endColumn: 26, suggestions: [{ messageId: 'addNoInstallRecommends', output: `${F}RUN apt install -y a\nRUN sh -c "apt-get install -y b"\nRUN ["apt-get", "install", "--no-install-recommends", "-y", "c"]\nONBUILD RUN apt-get -y install d\nRUN <<EOF\napt-get install -y e\nEOF\n` }] },
        { messageId: 'missingNoInstallRecommends', line: 5, column: 24, endLine: 5, endColumn: 31, suggestions: [{ messageId: 'addNoInstallRecommends', output: `${F}RUN apt install -y a\nRUN sh -c "apt-get install -y b"\nRUN ["apt-get", "install", "-y", "c"]\nONBUILD RUN apt-get -y install --no-install-recommends d\nRUN <<EOF\napt-get install -y e\nEOF\n` }] },
        { messageId: 'missingNoInstallRecommends', line: 7, column: 9, endLine: 7, endColumn: 16, suggestions: [{ messageId: 'addNoInstallRecommends', output: `${F}RUN apt install -y a\nRUN sh -c "apt-get install -y b"\nRUN ["apt-get", "install", "-y", "c"]\nONBUILD RUN apt-get -y install d\nRUN <<EOF\napt-get install --no-install-recommends -y e\nEOF\n` }] },
      ],
      output: null,
    },
  ],
});
