import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('instruction-casing', rule, {
  valid: [
    'FROM alpine:3.20\nRUN echo hi\nCOPY app /app\n',
    'from alpine:3.20\nrun echo hi\ncopy app /app\n',
    // Only the keyword counts: arguments may use any case.
    'FROM alpine:3.20 AS Build\nRUN ECHO hi\n',
    { code: 'FROM alpine:3.20\nRUN echo hi\n', options: [{ casing: 'upper' }] },
    {
      // Corpus: fedora-cloud/Fedora-Dockerfiles haskell/Dockerfile (a package list continues past a missing `\`).
      name: 'a line that is no instruction is not a keyword to recase',
      code: 'FROM fedora\nRUN dnf -y install ghc\\\n  ghc-primitive-devel\n  ghc-unordered-containers-devel\\\n  ghc-random-devel\n',
    },
  ],
  invalid: [
    {
      name: 'a lowercase keyword among uppercase ones',
      code: 'FROM alpine:3.20\ncopy app /app\nCOPY lib /lib\n',
      errors: [{ messageId: 'inconsistentCasing', data: { keyword: 'copy', casing: 'uppercase', reason: 'the majority case' }, line: 2, column: 1, endLine: 2, endColumn: 5 }],
      output: 'FROM alpine:3.20\nCOPY app /app\nCOPY lib /lib\n',
    },
    {
      name: 'the majority is lowercase',
      code: 'FROM alpine:3.20\ncopy app /app\ncopy lib /lib\nrun make\n',
      errors: [{ messageId: 'inconsistentCasing', data: { keyword: 'FROM', casing: 'lowercase', reason: 'the majority case' }, line: 1, column: 1, endLine: 1, endColumn: 5 }],
      output: 'from alpine:3.20\ncopy app /app\ncopy lib /lib\nrun make\n',
    },
    {
      name: 'a tie means uppercase, and mixed-case keywords are always reported',
      code: 'from alpine:3.20\nRUN make\nEntryPoint ["app"]\n',
      errors: [
        { messageId: 'inconsistentCasing', line: 1, column: 1, endLine: 1, endColumn: 5 },
        { messageId: 'inconsistentCasing', line: 3, column: 1, endLine: 3, endColumn: 11 },
      ],
      output: 'FROM alpine:3.20\nRUN make\nENTRYPOINT ["app"]\n',
    },
    {
      name: 'a forced case',
      code: 'FROM alpine:3.20\nRUN make\n',
      options: [{ casing: 'lower' }],
      errors: [
        { messageId: 'inconsistentCasing', data: { keyword: 'FROM', casing: 'lowercase', reason: 'as configured' }, line: 1, column: 1, endLine: 1, endColumn: 5 },
        { messageId: 'inconsistentCasing', line: 2, column: 1, endLine: 2, endColumn: 4 },
      ],
      output: 'from alpine:3.20\nrun make\n',
    },
  ],
});
