import { makeCreateRule } from '@docmind-docker-lint/core';
import { RuleTester } from './rule-tester.js';

const createRule = makeCreateRule((name) => `https://example.test/${name}`);

/** A small rule that exercises every part of the tester: positions, data, fixes, suggestions, related, created files. */
const rule = createRule({
  name: 'tester-self-check',
  meta: {
    type: 'problem',
    docs: { description: 'Exercises the RuleTester.' },
    messages: { lower: 'Keyword "{{keyword}}" should be upper case.', upper: 'Use {{keyword}}.', ignore: 'No .dockerignore.' },
    schema: [],
    defaultOptions: [],
    fixable: 'code',
    hasSuggestions: true,
  },
  create(context) {
    return {
      Instruction(node) {
        const written = context.sourceFile.slice(node.keywordRange);
        if (written === node.keyword) return;
        context.report({
          range: node.keywordRange,
          messageId: 'lower',
          data: { keyword: written },
          fix: (fixer) => fixer.replaceTextRange(node.keywordRange, node.keyword),
          suggest: [{ messageId: 'upper', data: { keyword: node.keyword }, fix: (fixer) => fixer.replaceTextRange(node.keywordRange, node.keyword) }],
          related: [{ file: context.filename, range: [0, 4], message: 'first instruction' }],
        });
      },
      Dockerfile(node) {
        const [buildContext] = context.project.buildContextsOf(context.filename);
        if (buildContext && !buildContext.dockerignore) {
          context.report({ node, messageId: 'ignore', fix: (fixer) => fixer.createFile(buildContext.dockerignorePath, '.env\n') });
        }
      },
    };
  },
});

new RuleTester().run('tester-self-check', rule, {
  valid: [{ code: 'FROM alpine:3\n', files: { '.dockerignore': '.git\n' } }],
  invalid: [
    {
      code: 'FROM alpine:3\nrun true\n',
      files: { '.dockerignore': '.git\n' },
      errors: [
        {
          messageId: 'lower',
          data: { keyword: 'run' },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 4,
          suggestions: [{ messageId: 'upper', output: 'FROM alpine:3\nRUN true\n' }],
          related: [{ file: 'Dockerfile', line: 1, column: 1, endLine: 1, endColumn: 5, message: 'first instruction' }],
        },
      ],
      output: 'FROM alpine:3\nRUN true\n',
    },
    {
      name: 'creates a file in another place of the project',
      code: 'FROM alpine:3\n',
      errors: [{ messageId: 'ignore', line: 1, column: 1, endLine: 2, endColumn: 1 }],
      output: 'FROM alpine:3\n',
      outputFiles: { '.dockerignore': '.env\n' },
    },
  ],
});
