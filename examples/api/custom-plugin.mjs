// Writes a custom rule, bundles it in a plugin with a preset, and runs it on a string.
import { lintText, makeCreateRule } from '@docmind-docker-lint/core';

const createRule = makeCreateRule((name) => `https://example.com/rules/${name}`);

const noLatestTag = createRule({
  name: 'no-latest-tag',
  meta: {
    type: 'problem',
    docs: { description: 'Base images must not use the `latest` tag.', recommended: true },
    messages: { latest: 'Image "{{image}}" uses the latest tag; pin a version.' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      FROM(node) {
        const image = node.stage?.image;
        if (image?.tag === 'latest') context.report({ range: image.range, messageId: 'latest', data: { image: image.raw } });
      },
    };
  },
});

const plugin = {
  meta: { name: 'example-plugin', namespace: 'example' },
  rules: { 'no-latest-tag': noLatestTag },
  configs: { strict: { rules: { 'example/no-latest-tag': 'error' } } },
};

const [result] = await lintText('FROM node:latest\n', {
  cwd: '/virtual',
  filePath: 'Dockerfile',
  plugins: [plugin],
  useConfigFiles: false,
  baseConfig: { extends: ['example/strict'] },
});
for (const message of result.messages) console.log(`${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
