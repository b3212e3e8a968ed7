import path from 'node:path';
import type { PrintedConfig } from '../config/index.js';
import { LintSession, type LintOptions } from './lint-session.js';

/**
 * The configuration that applies to one file (presets, cascading config files, overrides and
 * `rules` options resolved), as `--print-config` shows it. Throws `ConfigError` for a broken config.
 */
export async function loadConfig(filePath: string, options: LintOptions = {}): Promise<PrintedConfig> {
  const session = await LintSession.create(options);
  return session.config.resolveConfigForPrint(path.resolve(session.root, filePath));
}
