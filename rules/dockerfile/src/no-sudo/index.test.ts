import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('no-sudo', rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y sudo\n',
    'FROM debian:12\nRUN echo sudo > /etc/motd\n',
    'FROM debian:12\nRUN grep -q sudo /etc/group || groupadd sudo\n',
    { name: 'PowerShell is not analysed', code: 'FROM windows\nSHELL ["pwsh", "-c"]\nRUN sudo x\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN sudo apt-get update\n',
      errors: [
        {
          messageId: 'sudo',
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 9,
          suggestions: [{ messageId: 'removeSudo', data: { prefix: 'sudo' }, output: 'FROM debian:12\nRUN apt-get update\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'sudo with options, later in a chain, on a continued line',
      code: 'FROM debian:12\nRUN apt-get update \\\n && sudo -u app -E make install\n',
      errors: [
        {
          messageId: 'sudo',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 9,
          suggestions: [{ messageId: 'removeSudo', data: { prefix: 'sudo -u app -E' }, output: 'FROM debian:12\nRUN apt-get update \\\n && make install\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'inside sh -c, ONBUILD and exec form',
      code: 'FROM debian:12\nRUN sh -c "sudo make"\nONBUILD RUN sudo make\nRUN ["sudo", "make"]\n',
      errors: [
        { messageId: 'sudo', line: 2, column: 12, endLine: 2, endColumn: 16, suggestions: [{ messageId: 'removeSudo', output: 'FROM debian:12\nRUN sh -c "make"\nONBUILD RUN sudo make\nRUN ["sudo", "make"]\n' }] },
        { messageId: 'sudo', line: 3, column: 13, endLine: 3, endColumn: 17, suggestions: [{ messageId: 'removeSudo', output: 'FROM debian:12\nRUN sh -c "sudo make"\nONBUILD RUN make\nRUN ["sudo", "make"]\n' }] },
        { messageId: 'sudo', line: 4, column: 6, endLine: 4, endColumn: 12, suggestions: [{ messageId: 'removeSudo', output: 'FROM debian:12\nRUN sh -c "sudo make"\nONBUILD RUN sudo make\nRUN ["make"]\n' }] },
      ],
      output: null,
    },
    {
      name: 'sudo alone runs nothing to keep: no suggestion',
      code: 'FROM debian:12\nRUN sudo -l\n',
      errors: [{ messageId: 'sudo', line: 2, column: 5, endLine: 2, endColumn: 9, suggestions: [] }],
      output: null,
    },
  ],
});
