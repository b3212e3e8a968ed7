// isInside's prefix test for normalised POSIX paths answers as `path.relative` does; resolvePath as `path.resolve`.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, resolvePath } from './is-inside.js';

/** The definition the fast path must agree with. */
function byRelative(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

const paths = [
  '/',
  '/a',
  '/a/',
  '/a/b',
  '/a/b/',
  '/a/bc',
  '/a/b/c',
  '/a/b/c/d.yml',
  '/a/b/..c',
  '/a/b/..c/d',
  '/a/b/.c',
  '/a/b/...',
  '/a/b/..',
  '/a/b/.',
  '/a/b/./c',
  '/a/b/../b/c',
  '/a//b/c',
  '/ab',
  'a/b',
  'relative',
  '',
];

describe('isInside', () => {
  it('agrees with path.relative on every pair', () => {
    for (const root of paths) {
      for (const target of paths) expect([root, target, isInside(root, target)]).toEqual([root, target, byRelative(root, target)]);
    }
  });
});

describe('resolvePath', () => {
  it('agrees with path.resolve', () => {
    for (const filePath of paths) expect([filePath, resolvePath(filePath)]).toEqual([filePath, path.resolve(filePath)]);
  });
});
