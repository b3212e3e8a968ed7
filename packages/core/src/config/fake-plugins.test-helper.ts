import type { AnyRule, Plugin, RuleMeta } from '../types/rule.js';

/** A rule that reports nothing: config tests only need its meta. */
export function fakeRule(name: string, meta: Partial<RuleMeta<string, readonly unknown[]>> = {}): AnyRule {
  return {
    name,
    meta: { type: 'problem', docs: { description: name }, messages: {}, schema: [], defaultOptions: [], ...meta },
    create: () => ({}),
  };
}

const allowOption = {
  type: 'object',
  properties: { allow: { type: 'array', items: { type: 'string' } } },
  additionalProperties: false,
} as const;

const requiresOption = {
  type: 'object',
  properties: { requires: { type: 'string', description: 'A PEP 440 specifier.' } },
  additionalProperties: false,
} as const;

/** A pack of Dockerfile rules without a namespace, with peer ids. */
export const dockerfilePack: Plugin = {
  meta: { name: '@docmind-docker-lint/plugin-dockerfile' },
  rules: {
    'image-tag-pinned': fakeRule('image-tag-pinned', {
      docs: { description: 'Pin image tags.', sources: { hadolint: ['DL3006', 'DL3007'] } },
      schema: [allowOption],
    }),
    'cmd-exec-form': fakeRule('cmd-exec-form', {
      docs: { description: 'Use the exec form.', sources: { buildkit: ['JSONArgsRecommended'] } },
    }),
    'old-rule': fakeRule('old-rule', { deprecated: true }),
  },
  configs: {
    recommended: { rules: { 'image-tag-pinned': 'error', 'cmd-exec-form': 'warn' } },
  },
};

/** The mission pack, with a `docmind` preset of its own. */
export const docmindPack: Plugin = {
  meta: { name: '@docmind-docker-lint/plugin-docmind' },
  rules: {
    'python-version-pin': fakeRule('python-version-pin', { schema: [requiresOption] }),
    'compose-env-names': fakeRule('compose-env-names'),
  },
  configs: {
    recommended: { rules: { 'python-version-pin': ['error', { requires: '>=3.11' }] } },
    docmind: { extends: 'recommended', rules: { 'compose-env-names': 'error' }, settings: { envContract: '.env.example' } },
  },
};

/** A third-party plugin: its rule ids are `acme/<rule>`. */
export const acmePlugin: Plugin = {
  meta: { name: 'docmind-docker-lint-plugin-acme', namespace: 'acme' },
  rules: {
    'no-latest': fakeRule('no-latest', { schema: { type: 'array', items: [{ type: 'string', enum: ['strict', 'loose'] }], maxItems: 1 } }),
  },
  configs: { strict: { rules: { 'acme/no-latest': ['error', 'strict'] } } },
};

export const allPlugins: readonly Plugin[] = [dockerfilePack, docmindPack, acmePlugin];
