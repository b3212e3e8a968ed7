import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('no-pointless-command', rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y openssh-client vim procps\n',
    'FROM debian:12\nRUN echo top > /tmp/x\n',
    { code: 'FROM debian:12\nRUN ps aux\n', options: [{ commands: ['vim'] }] },
    {
      // Corpus: jessfraz/dockerfiles browsh/Dockerfile (a first run of the program, stopped after 10 s).
      name: 'kill of a job the same RUN started in the background',
      code: 'FROM debian:12\nRUN TERM=xterm browsh & \\\n\t\tpidsave=$!; \\\n\t\tsleep 10; kill $pidsave || true;\n',
    },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN top\n',
      errors: [{ messageId: 'pointlessCommand', data: { command: 'top' }, line: 2, column: 5, endLine: 2, endColumn: 8 }],
      output: null,
    },
    {
      name: 'in chains, in ONBUILD, with a folder',
      code: 'FROM debian:12\nRUN apt-get update && /usr/sbin/service nginx start\nONBUILD RUN ssh host true\n',
      errors: [
        { messageId: 'pointlessCommand', data: { command: 'service' }, line: 2, column: 23, endLine: 2, endColumn: 40 },
        { messageId: 'pointlessCommand', data: { command: 'ssh' }, line: 3, column: 13, endLine: 3, endColumn: 16 },
      ],
      output: null,
    },
    {
      name: 'a background job after the kill, or a redirection with &, does not count',
      code: 'FROM debian:12\nRUN kill 1; sleep 1 &\nRUN make >/dev/null 2>&1 && kill -HUP 1\n',
      errors: [
        { messageId: 'pointlessCommand', data: { command: 'kill' }, line: 2, column: 5, endLine: 2, endColumn: 9 },
        { messageId: 'pointlessCommand', data: { command: 'kill' }, line: 3, column: 29, endLine: 3, endColumn: 33 },
      ],
      output: null,
    },
    {
      name: 'a configured list',
      code: 'FROM debian:12\nRUN reboot\n',
      options: [{ commands: ['reboot'] }],
      errors: [{ messageId: 'pointlessCommand', data: { command: 'reboot' }, line: 2, column: 5, endLine: 2, endColumn: 11 }],
      output: null,
    },
  ],
});
