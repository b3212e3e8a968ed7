import path from 'node:path';
import { isInside } from '../project/is-inside.js';
import type { ProjectHost } from '../types/project.js';
import { loadConfigFile, type LoadedConfig } from './load-config-file.js';

/** Config file names of a folder, in order of precedence: the first one present is the folder's config. */
export const CONFIG_FILE_NAMES = [
  '.docmind-docker-lint.json',
  '.docmind-docker-lint.yaml',
  '.docmind-docker-lint.yml',
  'package.json',
] as const;

/**
 * Finds the config files that apply in a folder, eslintrc-style: each folder's own config (the first
 * of CONFIG_FILE_NAMES it holds; `package.json` counts only with a `"docmind-docker-lint"` key), then
 * the folders above, up to and including `stopAt` or a config with `root: true`. Folders outside
 * `stopAt` have none: nothing outside the project is read. Results are cached per folder.
 */
export class ConfigFinder {
  private readonly chains = new Map<string, readonly LoadedConfig[]>();
  private readonly folderConfigs = new Map<string, LoadedConfig | undefined>();

  constructor(
    private readonly host: ProjectHost,
    private readonly stopAt: string,
  ) {}

  /** The configs that apply in `dir`, farthest first (so nearer ones are merged over them). */
  configsFor(dir: string): readonly LoadedConfig[] {
    const folder = path.resolve(dir);
    const cached = this.chains.get(folder);
    if (cached) return cached;
    let chain: readonly LoadedConfig[] = [];
    if (isInside(this.stopAt, folder)) {
      const own = this.configIn(folder);
      const parent = path.dirname(folder);
      const above = own?.config.root || folder === this.stopAt || parent === folder ? [] : this.configsFor(parent);
      chain = own ? [...above, own] : above;
    }
    this.chains.set(folder, chain);
    return chain;
  }

  /** The config file of one folder, loaded and validated; `undefined` when it has none. */
  configIn(dir: string): LoadedConfig | undefined {
    const folder = path.resolve(dir);
    if (this.folderConfigs.has(folder)) return this.folderConfigs.get(folder);
    let found: LoadedConfig | undefined;
    for (const name of CONFIG_FILE_NAMES) {
      const filePath = path.join(folder, name);
      if (this.host.stat(filePath)?.kind !== 'file') continue;
      found = loadConfigFile(this.host, filePath);
      if (found) break;
    }
    this.folderConfigs.set(folder, found);
    return found;
  }
}
