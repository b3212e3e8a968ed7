import type { Plugin } from '../types/rule.js';

/** The rule packs that ship with the linter, loaded on first use (they import the core themselves). */
const BUILTIN_PLUGIN_PACKAGES = [
  '@docmind-docker-lint/plugin-docmind',
  '@docmind-docker-lint/plugin-dockerfile',
  '@docmind-docker-lint/plugin-compose',
] as const;

let loaded: Promise<readonly Plugin[]> | undefined;

export function loadBuiltinPlugins(): Promise<readonly Plugin[]> {
  loaded ??= Promise.all(
    BUILTIN_PLUGIN_PACKAGES.map(async (name) => ((await import(name)) as { default: Plugin }).default),
  );
  return loaded;
}
