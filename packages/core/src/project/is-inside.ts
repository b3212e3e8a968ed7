import path from 'node:path';

/** Whether `target` is `root` or lies below it (both absolute). */
export function isInside(root: string, target: string): boolean {
  // The project model asks this for every path it reads, nearly always with two normalised POSIX
  // paths: then it is a prefix test, with the same answer as `path.relative` below (which resolves and
  // splits both paths on every call), a `..`-named first step included.
  if (isNormalAbsolute(root) && isNormalAbsolute(target)) {
    if (target === root) return true;
    return target.startsWith(root) && target.charCodeAt(root.length) === SLASH && !target.startsWith('..', root.length + 1);
  }
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** `path.resolve(filePath)`, without its work when the path is already absolute and normalised (POSIX). */
export function resolvePath(filePath: string): string {
  return isNormalAbsolute(filePath) ? filePath : path.resolve(filePath);
}

const SLASH = 0x2f;

/**
 * An absolute POSIX path that `path.resolve` returns unchanged: no empty, `.` or `..` step and no
 * trailing slash (the root `/` itself takes the slow way). Always false on Windows.
 */
function isNormalAbsolute(filePath: string): boolean {
  return POSIX && filePath.charCodeAt(0) === SLASH && !NOT_NORMAL.test(filePath);
}

const POSIX = path.sep === '/';
const NOT_NORMAL = /\/\.{0,2}(?:\/|$)/;
