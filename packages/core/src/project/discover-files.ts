import path from 'node:path';
import { classifyFile, LINTED_KINDS } from '../source/classify-file.js';
import type { FileKind } from '../source/source-file.js';
import type { ProjectHost } from '../types/project.js';
import { isInside } from './is-inside.js';

/** Folders never descended into. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '.hg', '.svn']);

export interface DiscoveredFile {
  readonly path: string;
  readonly kind: FileKind;
  /** Named on the command line rather than found by walking a folder. */
  readonly explicit: boolean;
}

export interface Discovery {
  readonly files: readonly DiscoveredFile[];
  /** Named paths that do not exist (or lie outside the root). */
  readonly missing: readonly string[];
}

/**
 * Finds the files to lint under the given paths: folders are walked (skipping VCS folders and
 * `node_modules`, never following a link), files are taken as named. `isIgnored` is asked for every
 * file and folder met on the walk; a named file is linted even when its name is unusual (its kind
 * then comes from its extension: YAML is Compose, anything else a Dockerfile).
 */
export function discoverFiles(
  host: ProjectHost,
  root: string,
  paths: readonly string[],
  isIgnored: (absolutePath: string) => boolean,
): Discovery {
  const files = new Map<string, DiscoveredFile>();
  const missing: string[] = [];
  const realRoot = host.realPath?.(root) ?? root;
  const walk = (folder: string): void => {
    for (const name of [...host.readDirectory(folder)].sort()) {
      const full = path.join(folder, name);
      const stat = host.stat(full);
      if (!stat || stat.kind === 'symlink' || stat.kind === 'other') continue;
      if (isIgnored(full)) continue;
      if (stat.kind === 'directory') {
        if (!SKIPPED_FOLDERS.has(name)) walk(full);
        continue;
      }
      const kind = classifyFile(name);
      if (LINTED_KINDS.has(kind) && !files.has(full)) files.set(full, { path: full, kind, explicit: false });
    }
  };
  for (const given of paths) {
    const absolute = path.resolve(root, given);
    const stat = host.stat(absolute);
    const real = host.realPath?.(absolute) ?? absolute;
    if (!stat || !isInside(root, absolute) || !isInside(realRoot, real)) {
      missing.push(given);
      continue;
    }
    const targetStat = stat.kind === 'symlink' ? host.stat(real) : stat;
    if (targetStat?.kind === 'directory') {
      if (!isIgnored(absolute) || absolute === root) walk(absolute);
    } else if (targetStat?.kind === 'file') {
      if (files.has(absolute)) continue;
      const byName = classifyFile(path.basename(absolute));
      const kind = byName !== 'unknown' ? byName : /\.ya?ml$/i.test(absolute) ? 'compose' : 'dockerfile';
      files.set(absolute, { path: absolute, kind, explicit: true });
    } else {
      // A link loop, a dangling link, a socket: named, so say it cannot be linted rather than skip it silently.
      missing.push(given);
    }
  }
  return { files: [...files.values()], missing };
}
