// @docmind-docker-lint/eslint-plugin: our rule packs inside ESLint (9.7+), through ESLint's languages
// API. See docs/api.md#eslint-adapter.
import { loadBuiltinPlugins } from '@docmind-docker-lint/core';
import { createPlugin } from './plugin.js';

// The built-in packs, loaded as the core loads them (the same rule objects our CLI runs), and the
// shell parser they need: a config module may await, ESLint's rules may not.
const plugin = await createPlugin(await loadBuiltinPlugins());

export default plugin;
export { createPlugin, PLUGIN_KEY, DOCKERFILE_FILES, DOCKERFILE_IGNORES, COMPOSE_FILES, type EslintPlugin } from './plugin.js';
export { DockerLanguage } from './language.js';
export { DockerSourceCode, VISITOR_KEYS, type RootNode } from './source-code.js';
export type { EslintRule } from './adapt-rule.js';
