import path from 'node:path';
import type { StageNode } from '@docmind-docker-lint/core';
import { distance } from 'fastest-levenshtein';
import type { ContextIndex } from './context-index.js';
import type { ImageFiles } from './image-files.js';

/** How many replacements a missing file or module gets at most. */
const MAX_SUGGESTIONS = 3;
/** Folders a build makes or that never hold the program (virtual environments, VCS data, caches). */
const NOT_SOURCES = /(^|\/)(\.git|\.?venv|node_modules|__pycache__|site-packages|\.mypy_cache|\.pytest_cache|\.ruff_cache)(\/|$)/;

/** An existing context file and where it is in the image. */
export interface PlacedFile {
  readonly contextPath: string;
  readonly imagePath: string;
}

/**
 * The existing context files closest to a missing one: files of the same name (`app.py` ->
 * `src/docmind/app.py`), else near-misses of the name (`mian.py` -> `main.py`) unless `sameNameOnly`,
 * each ranked by how far its image path is from the missing path. Only files that reach the stage count.
 */
export function closestImagePaths(
  missing: string,
  stage: StageNode,
  context: ContextIndex,
  files: ImageFiles,
  sameNameOnly: boolean,
): PlacedFile[] {
  const name = path.posix.basename(missing);
  const extension = path.posix.extname(name);
  const tolerance = Math.max(2, Math.floor(name.length / 4));
  const ranked: (PlacedFile & { readonly sameName: boolean; readonly cost: number })[] = [];
  for (const file of context.files) {
    if (NOT_SOURCES.test(file)) continue;
    const fileName = path.posix.basename(file);
    const sameName = fileName === name;
    if (!sameName && (sameNameOnly || path.posix.extname(fileName) !== extension || distance(fileName, name) > tolerance)) continue;
    for (const imagePath of files.placements(file, stage)) {
      if (imagePath !== missing) ranked.push({ contextPath: file, imagePath, sameName, cost: distance(imagePath, missing) });
    }
  }
  ranked.sort((a, b) => Number(b.sameName) - Number(a.sameName) || a.cost - b.cost || a.imagePath.localeCompare(b.imagePath));
  const seen = new Set<string>();
  // A file of the very name is the answer; near-misses of the name only stand in for one.
  const sameNameFound = ranked.some((candidate) => candidate.sameName);
  return ranked
    .filter((candidate) => (candidate.sameName || !sameNameFound) && !seen.has(candidate.imagePath) && seen.add(candidate.imagePath))
    .slice(0, MAX_SUGGESTIONS)
    .map(({ contextPath, imagePath }) => ({ contextPath, imagePath }));
}

/** The dotted names closest to a missing module among the modules of its package in the context. */
export function closestModules(missing: string, root: string, use: 'main' | 'import', context: ContextIndex): string[] {
  const top = missing.split('.')[0]!;
  const prefix = root === '' ? '' : `${root}/`;
  const modules = new Set<string>();
  for (const file of context.files) {
    if (!file.startsWith(`${prefix}${top}/`) && file !== `${prefix}${top}.py`) continue;
    if (!file.endsWith('.py') || context.isExcluded(file)) continue;
    const dotted = file.slice(prefix.length, -'.py'.length).split('/');
    const last = dotted.at(-1);
    if (last === '__main__') {
      if (use === 'main') modules.add(dotted.slice(0, -1).join('.'));
    } else if (last === '__init__') {
      if (use === 'import') modules.add(dotted.slice(0, -1).join('.'));
    } else if (dotted.every((part) => /^[A-Za-z_]\w*$/.test(part))) {
      modules.add(dotted.join('.'));
    }
  }
  const tolerance = Math.max(2, Math.floor(missing.length / 4));
  return [...modules]
    .map((module) => ({ module, cost: Math.min(distance(module, missing), lastPartCost(module, missing)) }))
    .filter((candidate) => candidate.cost <= tolerance)
    .sort((a, b) => a.cost - b.cost || a.module.localeCompare(b.module))
    .slice(0, MAX_SUGGESTIONS)
    .map((candidate) => candidate.module);
}

/** `pkg.app` for `app`: the same last part in another package costs one step per moved part. */
function lastPartCost(module: string, missing: string): number {
  const moduleParts = module.split('.');
  const missingParts = missing.split('.');
  return moduleParts.at(-1) === missingParts.at(-1) ? Math.abs(moduleParts.length - missingParts.length) + 1 : Number.POSITIVE_INFINITY;
}
