// The public API of @docmind-docker-lint/language-server. See docs/editors.md.
export { startServer, type ServerOptions } from './server.js';
export { FIX_ALL_KIND } from './code-actions.js';
export { DEFAULT_SETTINGS, SETTINGS_SECTION, type ServerSettings } from './settings.js';
