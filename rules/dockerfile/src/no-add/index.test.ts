import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('no-add', rule, {
  valid: [
    'FROM alpine:3.20\nCOPY app /srv/app\n',
    'FROM alpine:3.20\nADD rootfs.tar.xz /\n',
    'FROM alpine:3.20\nADD "file.tgz" /usr/src/app/\n',
    'FROM alpine:3.20\nADD https://example.com/tool.tgz /opt/\n',
    'FROM alpine:3.20\nADD git@github.com:example/repo.git /src\n',
    { name: 'a variable may hold a URL or an archive', code: 'FROM alpine:3.20\nADD $ALPACA_URL /usr/local/bin/alpaca\nADD ${BASE}/tool.bin /bin/\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nADD requirements.txt /app/\n',
      errors: [{ messageId: 'localAdd', data: { source: 'requirements.txt' }, line: 2, column: 1, endLine: 2, endColumn: 4 }],
      output: 'FROM alpine:3.20\nCOPY requirements.txt /app/\n',
    },
    {
      name: 'lower case, several sources, flags COPY also has, a heredoc, ONBUILD',
      code: 'FROM alpine:3.20\nadd --chown=app --link a b /app/\nADD <<EOF /etc/motd\nhello\nEOF\nONBUILD ADD . /src\n',
      errors: [
        { messageId: 'localAdd', data: { source: 'a' }, line: 2, column: 1, endLine: 2, endColumn: 4 },
        { messageId: 'localAdd', data: { source: '<<EOF' }, line: 3, column: 1, endLine: 3, endColumn: 4 },
        { messageId: 'localAdd', data: { source: '.' }, line: 6, column: 9, endLine: 6, endColumn: 12 },
      ],
      output: 'FROM alpine:3.20\ncopy --chown=app --link a b /app/\nCOPY <<EOF /etc/motd\nhello\nEOF\nONBUILD COPY . /src\n',
    },
    {
      name: 'no fix when COPY would do less: an archive or a variable among the sources, an ADD-only flag',
      code: 'FROM alpine:3.20\nADD app.zip vendor.tar.gz /opt/\nADD $LIB app.jar /app/\nADD --checksum=sha256:0123 local.bin /bin/\n',
      errors: [
        { messageId: 'localAdd', data: { source: 'app.zip' }, line: 2, column: 1, endLine: 2, endColumn: 4 },
        { messageId: 'localAdd', data: { source: 'app.jar' }, line: 3, column: 1, endLine: 3, endColumn: 4 },
        { messageId: 'localAdd', data: { source: 'local.bin' }, line: 4, column: 1, endLine: 4, endColumn: 4 },
      ],
      output: null,
    },
    {
      name: 'archives and URLs too, when not allowed (as Checkov)',
      code: 'FROM alpine:3.20\nADD rootfs.tar /\nADD https://example.com/a.sh /usr/local/bin/\n',
      options: [{ allowArchives: false, allowUrls: false }],
      errors: [
        { messageId: 'archiveAdd', data: { source: 'rootfs.tar' }, line: 2, column: 1, endLine: 2, endColumn: 4 },
        { messageId: 'remoteAdd', data: { source: 'https://example.com/a.sh' }, line: 3, column: 1, endLine: 3, endColumn: 4 },
      ],
      output: null,
    },
  ],
});
