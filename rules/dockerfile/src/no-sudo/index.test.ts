import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('no-sudo', rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y sudo\n',
    'FROM debian:12\nRUN echo sudo > /etc/motd\n',
    'FROM debian:12\nRUN grep -q sudo /etc/group || groupadd sudo\n',
    { name: 'PowerShell is not analysed', code: 'FROM windows\nSHELL ["pwsh", "-c"]\nRUN sudo x\n' },
    {
      // Corpus: microsoft/vscode-dev-containers containers/reasonml/.devcontainer/Dockerfile:3.
      name: 'root dropping privileges with sudo -u',
      code: 'FROM mcr.microsoft.com/devcontainers/javascript-node:16-bullseye\nRUN sudo -u node npm install -g bs-platform esy@latest\n',
    },
    {
      // Corpus: microsoft/vscode-dev-containers containers/elm/.devcontainer/Dockerfile:16.
      name: 'sudo -u a user from an ARG default, and the other ways to write -u',
      code:
        'FROM mcr.microsoft.com/devcontainers/javascript-node:16\nARG USERNAME=node\n' +
        'RUN export DEBIAN_FRONTEND=noninteractive \\\n    && sudo -u ${USERNAME} npm install --global elm\n' +
        'RUN sudo --user=node a && sudo --user node b && sudo -unode c && sudo -Eu node d && sudo -H -u "#1000" e\n',
    },
    { name: 'after USER root', code: 'FROM node:22 AS base\nUSER node\nFROM base\nUSER root\nRUN sudo -u node npm ci\n' },
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
      code: 'FROM debian:12\nRUN apt-get update \\\n && sudo -g staff -E make install\n',
      errors: [
        {
          messageId: 'sudo',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 9,
          suggestions: [{ messageId: 'removeSudo', data: { prefix: 'sudo -g staff -E' }, output: 'FROM debian:12\nRUN apt-get update \\\n && make install\n' }],
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
      name: 'sudo -u to root, to a user only the build knows, or run by a user that is not root',
      code:
        'FROM debian:12\nARG WHO\nRUN sudo -u root a && sudo -u "#0" b && sudo -u $WHO c && sudo -u "$HOME" d\n' +
        'FROM node:22\nUSER node\nRUN sudo -u app e\nUSER ${RUNNER}\nRUN sudo -u app f\n',
      errors: [
        { messageId: 'sudo', line: 3, column: 5, endLine: 3, endColumn: 9 },
        { messageId: 'sudo', line: 3, column: 23, endLine: 3, endColumn: 27 },
        { messageId: 'sudo', line: 3, column: 41, endLine: 3, endColumn: 45 },
        { messageId: 'sudo', line: 3, column: 59, endLine: 3, endColumn: 63 },
        { messageId: 'sudo', line: 6, column: 5, endLine: 6, endColumn: 9 },
        { messageId: 'sudo', line: 8, column: 5, endLine: 8, endColumn: 9 },
      ],
      output: null,
    },
    {
      // Corpus: microsoft/vscode-dev-containers build/patch/2021-01-25/Dockerfile:50. The sudo runs
      // exactly when the stage's user is not root, to gain root: what the rule is about (`USER root`).
      name: 'sudo guarded by an id -u check is still sudo to gain root',
      code:
        'FROM mcr.microsoft.com/vscode/devcontainers/universal:1\nRUN if [ "$(id -u)" -ne 0 ]; then \\\n' +
        '        sudo bash -c "${PATCH_SCRIPT}"; \\\n    else \\\n        bash -c "${PATCH_SCRIPT}"; \\\n    fi\n',
      errors: [{ messageId: 'sudo', line: 3, column: 9, endLine: 3, endColumn: 13 }],
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
