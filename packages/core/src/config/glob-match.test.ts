import { describe, expect, it } from 'vitest';
import { ignoreVerdict, matchesGlob, relativePosix } from './glob-match.js';

describe('matchesGlob', () => {
  it('matches a glob without a slash against the base name at any depth', () => {
    expect(matchesGlob('Dockerfile', 'Dockerfile*')).toBe(true);
    expect(matchesGlob('services/api/Dockerfile.prod', 'Dockerfile*')).toBe(true);
    expect(matchesGlob('services/api/compose.yaml', 'Dockerfile*')).toBe(false);
  });

  it('matches a glob with a slash from the folder, dotfiles included', () => {
    expect(matchesGlob('services/api/compose.yaml', 'services/**/*.yaml')).toBe(true);
    expect(matchesGlob('other/services/api/compose.yaml', 'services/**/*.yaml')).toBe(false);
    expect(matchesGlob('.github/workflows/ci.yml', '**/*.yml')).toBe(true);
    expect(matchesGlob('app/.env.example', '.env*')).toBe(true);
  });

  it('anchors a glob with a leading slash, and accepts a leading ./', () => {
    expect(matchesGlob('compose.yaml', '/compose.yaml')).toBe(true);
    expect(matchesGlob('app/compose.yaml', '/compose.yaml')).toBe(false);
    expect(matchesGlob('app/compose.yaml', './app/*.yaml')).toBe(true);
  });

  it('never matches a path outside the folder', () => {
    expect(matchesGlob('../Dockerfile', 'Dockerfile')).toBe(false);
    expect(matchesGlob('', '**')).toBe(false);
  });
});

describe('ignoreVerdict', () => {
  it('ignores a path when a glob matches it or one of its folders', () => {
    expect(ignoreVerdict('dist/app/Dockerfile', ['dist'])).toBe(true);
    expect(ignoreVerdict('a/node_modules/x/Dockerfile', ['node_modules/'])).toBe(true);
    expect(ignoreVerdict('a/b/Dockerfile', ['a/b'])).toBe(true);
    expect(ignoreVerdict('a/Dockerfile', ['b'])).toBeUndefined();
  });

  it('matches folders only with a trailing slash', () => {
    expect(ignoreVerdict('build', ['build/'])).toBeUndefined();
    expect(ignoreVerdict('build/Dockerfile', ['build/'])).toBe(true);
  });

  it('lets the last matching glob decide, ! taking a match back', () => {
    expect(ignoreVerdict('x/keep.bak', ['*.bak', '!keep.bak'])).toBe(false);
    expect(ignoreVerdict('x/keep.bak', ['!keep.bak', '*.bak'])).toBe(true);
  });
});

describe('relativePosix', () => {
  it('gives a path relative to a folder with forward slashes', () => {
    expect(relativePosix('/repo', '/repo/a/b')).toBe('a/b');
    expect(relativePosix('/repo/a', '/repo/b')).toBe('../b');
  });
});
