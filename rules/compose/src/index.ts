import type { AnyRule, ConfigObject, Plugin } from '@docmind-docker-lint/core';

/** Every rule of the pack, by id. Each lives in `src/<rule-id>/`. */
export const rules: Readonly<Record<string, AnyRule>> = {};

const recommended: ConfigObject = {
  rules: Object.fromEntries(
    Object.entries(rules)
      .filter(([, rule]) => rule.meta.docs.recommended)
      .map(([id]) => [id, 'error']),
  ),
};

const plugin: Plugin = {
  meta: { name: '@docmind-docker-lint/plugin-compose', version: '0.1.0' },
  rules,
  configs: { recommended },
};

export default plugin;
