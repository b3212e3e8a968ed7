import path from 'node:path';

/**
 * A file's path as reports print it: relative to the working folder with `/` separators, or the
 * absolute path for a file outside it.
 */
export function reportPath(cwd: string, filePath: string): string {
  const relative = path.relative(cwd, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return filePath;
  return relative.split(path.sep).join('/');
}
