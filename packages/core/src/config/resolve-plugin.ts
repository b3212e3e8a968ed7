import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The file a plugin specifier names, resolved the way Node resolves it from a module in `fromDir`: a
 * package name (`docmind-docker-lint-plugin-x`, `@scope/plugin`) through the `node_modules` folders
 * from `fromDir` up, or a path (`./plugins/local.js`) relative to `fromDir`. `undefined` when nothing
 * is found.
 *
 * `require.resolve` does the work. It does not see the `import` condition, so for a package whose
 * `exports` only offers `import` the entry is read from the package's `exports` here.
 */
export function resolvePlugin(specifier: string, fromDir: string): string | undefined {
  const require = createRequire(path.join(fromDir, '__docmind_plugin_resolver__.js'));
  try {
    return require.resolve(specifier);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_PACKAGE_PATH_NOT_EXPORTED') return undefined;
  }
  const packageDir = require.resolve.paths(specifier)
    ?.map((modulesDir) => path.join(modulesDir, specifier))
    .find((dir) => readManifest(dir) !== undefined);
  const manifest = packageDir === undefined ? undefined : readManifest(packageDir);
  const exportsField = manifest?.exports;
  const rootExport = isConditions(exportsField) && '.' in exportsField ? exportsField['.'] : exportsField;
  const target = pickConditional(rootExport);
  return packageDir !== undefined && target !== undefined ? path.join(packageDir, target) : undefined;
}

function readManifest(dir: string): { exports?: unknown } | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { exports?: unknown };
  } catch {
    return undefined;
  }
}

function isConditions(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The target of an `exports` entry under the conditions an ESM import in Node matches. */
function pickConditional(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (Array.isArray(entry)) return entry.map(pickConditional).find((target) => target !== undefined);
  if (!isConditions(entry)) return undefined;
  for (const [condition, value] of Object.entries(entry)) {
    if (condition === 'node' || condition === 'import' || condition === 'default') {
      const target = pickConditional(value);
      if (target !== undefined) return target;
    }
  }
  return undefined;
}
