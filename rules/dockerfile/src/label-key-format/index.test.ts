import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('label-key-format', rule, {
  valid: ['FROM alpine:3.20\nLABEL org.opencontainers.image.title="app" maintainer="jane" com.example.build-id="7"\n'],
  invalid: [
    {
      code: 'FROM alpine:3.20\nLABEL com.docker.extension.api="x" Version=1\n',
      errors: [
        { messageId: 'reservedNamespace', data: { key: 'com.docker.extension.api', namespace: 'com.docker.' }, line: 2, column: 7, endLine: 2, endColumn: 31 },
        { messageId: 'invalidKey', data: { key: 'Version', problem: 'does not start with a lowercase letter' }, line: 2, column: 36, endLine: 2, endColumn: 43 },
      ],
      output: null,
    },
    {
      code: 'FROM alpine:3.20\nLABEL app. =x\nLABEL my..app=x my_app=x\n',
      errors: [
        { messageId: 'invalidKey', data: { key: 'app.', problem: 'does not end with a lowercase letter or digit' }, line: 2, column: 7, endLine: 2, endColumn: 11 },
        { messageId: 'invalidKey', data: { key: 'my..app', problem: 'repeats `.` or `-`' }, line: 3, column: 7, endLine: 3, endColumn: 14 },
        { messageId: 'invalidKey', data: { key: 'my_app', problem: 'holds characters other than lowercase letters, digits, `.` and `-`' }, line: 3, column: 17, endLine: 3, endColumn: 23 },
      ],
      output: null,
    },
  ],
});
