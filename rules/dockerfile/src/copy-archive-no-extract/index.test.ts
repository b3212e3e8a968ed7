import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('copy-archive-no-extract', rule, {
  valid: [
    'FROM alpine:3.20\nADD app.tar.gz /opt/app/\n',
    { name: 'copied, not unpacked', code: 'FROM alpine:3.20\nCOPY app.tar /opt/\nRUN ls /opt\n' },
    { name: 'not an archive', code: 'FROM alpine:3.20\nCOPY package.json /app/\nRUN tar -xf other.tar\n' },
    { name: 'from another stage', code: 'FROM alpine:3.20\nCOPY --from=build /out/app.tar /tmp/\nRUN tar -xf /tmp/app.tar\n' },
    { name: 'tar options ADD does not have', code: 'FROM alpine:3.20\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt --strip-components=1\n' },
    { name: 'unpacked in another stage', code: 'FROM alpine:3.20\nCOPY app.tar /tmp/\nFROM alpine:3.20\nRUN tar -xf /tmp/app.tar\n' },
    { name: 'a zip archive, which ADD does not unpack', code: 'FROM alpine:3.20\nCOPY app.zip /tmp/\nRUN unzip /tmp/app.zip\n' },
    { name: 'tar creating an archive', code: 'FROM alpine:3.20\nCOPY app.tar /tmp/\nRUN tar -cf /tmp/app.tar /opt\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\n',
      errors: [{ messageId: 'copyThenExtract', data: { source: 'app.tar.gz', line: '3' }, line: 2, column: 6, endLine: 2, endColumn: 16 }],
      output: null,
    },
    {
      name: 'renamed by the COPY, unpacked later in a chain with old-style options',
      code: 'FROM alpine:3.20\nCOPY dist/release.tgz /opt/app.tgz\nWORKDIR /opt\nRUN echo start \\\n && tar xf app.tgz\n',
      errors: [{ messageId: 'copyThenExtract', data: { source: 'dist/release.tgz', line: '5' }, line: 2, column: 6, endLine: 2, endColumn: 22 }],
      output: null,
    },
  ],
});
