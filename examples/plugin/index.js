// A docmind-docker-lint plugin is a module whose default export is `{ meta, rules, configs }`.
// With `meta.namespace`, its rule ids are `example/<rule>` and its presets `example/<preset>`.
import noLatestTag from './rules/no-latest-tag.js';
import requireLabels from './rules/require-labels.js';

/** @type {import('@docmind-docker-lint/core').Plugin} */
const plugin = {
  meta: { name: 'docmind-docker-lint-plugin-example', version: '0.1.0', namespace: 'example' },
  rules: {
    'no-latest-tag': noLatestTag,
    'require-labels': requireLabels,
  },
  configs: {
    recommended: {
      rules: {
        'example/no-latest-tag': 'error',
        'example/require-labels': 'warn',
      },
    },
  },
};

export default plugin;
