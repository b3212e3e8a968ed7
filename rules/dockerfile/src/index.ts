import type { ConfigObject, Plugin } from '@docmind-docker-lint/core';

/** Every rule of the pack, by id. Each lives in `src/<rule-id>/`. */
export const rules = {} as const;

const recommended: ConfigObject = {
  rules: Object.fromEntries(
    Object.entries(rules)
      .filter(([, rule]) => (rule as Plugin['rules'][string]).meta.docs.recommended)
      .map(([id]) => [id, 'error']),
  ),
};

const plugin: Plugin = {
  meta: { name: '@docmind-docker-lint/plugin-dockerfile', version: '0.1.0' },
  rules,
  configs: { recommended },
};

export default plugin;
