import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

new RuleTester().run('copy-no-ignored-source', rule, {
  valid: [
    { name: 'no .dockerignore', code: 'FROM alpine:3.20\nCOPY Dockerfile /\n' },
    { name: 'not excluded', code: 'FROM alpine:3.20\nCOPY app.py /app/\n', files: { '.dockerignore': '.git\n*.md\n' } },
    { name: 'the destination does not count', code: 'FROM alpine:3.20\nCOPY app.py /foobar\n', files: { '.dockerignore': 'foobar\n' } },
    { name: 'from another stage', code: 'FROM alpine:3.20 AS base\nFROM base\nCOPY --from=base /foobar /x\n', files: { '.dockerignore': 'foobar\n' } },
    { name: 'a `!` pattern: no verdict, as BuildKit', code: 'FROM alpine:3.20\nCOPY ./Dockerfile .\n', files: { '.dockerignore': '**\n!Dockerfile\n' } },
    { name: 'the whole context, with a pattern that leaves part of it', code: 'FROM alpine:3.20\nCOPY . /app/\n', files: { '.dockerignore': 'node_modules\n' } },
    { name: 'URLs and heredocs are not from the context', code: 'FROM alpine:3.20\nADD https://example.com/x /x\nCOPY <<EOF /y\nhi\nEOF\n', files: { '.dockerignore': '*\n' } },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nCOPY Dockerfile .\nADD Dockerfile /windy\n',
      files: { '.dockerignore': 'Dockerfile\n' },
      errors: [
        { messageId: 'ignoredSource', data: { keyword: 'COPY', source: 'Dockerfile', dockerignore: '.dockerignore' }, line: 2, column: 6, endLine: 2, endColumn: 16 },
        { messageId: 'ignoredSource', data: { keyword: 'ADD', source: 'Dockerfile', dockerignore: '.dockerignore' }, line: 3, column: 5, endLine: 3, endColumn: 15 },
      ],
      output: null,
    },
    {
      name: 'a file inside an excluded folder, written with ./ and in exec form',
      code: 'FROM alpine:3.20\nCOPY ./build/out/app.js /app/\nCOPY ["build/x", "docs/readme.md", "/srv/"]\n',
      files: { '.dockerignore': 'build\n*.md\n**/*.md\n' },
      errors: [
        { messageId: 'ignoredSource', data: { keyword: 'COPY', source: './build/out/app.js', dockerignore: '.dockerignore' }, line: 2, column: 6, endLine: 2, endColumn: 24 },
        { messageId: 'ignoredSource', data: { keyword: 'COPY', source: '"build/x"', dockerignore: '.dockerignore' }, line: 3, column: 7, endLine: 3, endColumn: 16 },
        { messageId: 'ignoredSource', data: { keyword: 'COPY', source: '"docs/readme.md"', dockerignore: '.dockerignore' }, line: 3, column: 18, endLine: 3, endColumn: 34 },
      ],
      output: null,
    },
    {
      name: 'the whole context, when everything is excluded',
      code: 'FROM alpine:3.20\nCOPY . .\n',
      files: { '.dockerignore': '*\n' },
      errors: [{ messageId: 'ignoredSource', data: { keyword: 'COPY', source: '.', dockerignore: '.dockerignore' }, line: 2, column: 6, endLine: 2, endColumn: 7 }],
      output: null,
    },
    {
      name: "the Dockerfile's own .dockerignore",
      code: 'FROM alpine:3.20\nCOPY secrets.env /etc/\n',
      filename: 'app.Dockerfile',
      files: { 'app.Dockerfile.dockerignore': '*.env\n' },
      errors: [{ messageId: 'ignoredSource', data: { keyword: 'COPY', source: 'secrets.env', dockerignore: 'app.Dockerfile.dockerignore' }, line: 2, column: 6, endLine: 2, endColumn: 17 }],
      output: null,
    },
  ],
});
