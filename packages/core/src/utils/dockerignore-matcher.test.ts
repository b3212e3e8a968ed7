import fc from 'fast-check';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { parseDockerignore } from '../parse/parse-dockerignore.js';
import { SourceFile } from '../source/source-file.js';
import { DockerignoreMatcher, escapeUnclosedBrackets } from './dockerignore-matcher.js';

const matcher = (text: string) =>
  new DockerignoreMatcher(parseDockerignore(SourceFile.fromText('/c/.dockerignore', text, 'dockerignore')).entries);

describe('DockerignoreMatcher (Docker documentation examples)', () => {
  const docs = matcher('# comment\n*/temp*\n*/*/temp*\ntemp?\n');
  it.each([
    ['somedir/temporary.txt', true],
    ['somedir/temp', true],
    ['somedir/subdir/temporary.txt', true],
    ['tempa', true],
    ['tempb', true],
    ['temp', false],
    ['temporary.txt', false],
    ['a/b/c/temp.txt', false],
  ])('%s excluded: %s', (path, excluded) => {
    expect(docs.isExcluded(path)).toBe(excluded);
  });

  it('anchors patterns at the root and lets ** span folders', () => {
    const m = matcher('.env\n**/*.pem\n');
    expect(m.isExcluded('.env')).toBe(true);
    expect(m.isExcluded('sub/.env')).toBe(false);
    expect(m.isExcluded('keys/deep/server.pem')).toBe(true);
    expect(m.isExcluded('server.pem')).toBe(true);
  });

  it('excludes what is inside an excluded folder', () => {
    const m = matcher('.git\nnode_modules/\n');
    expect(m.isExcluded('.git/config')).toBe(true);
    expect(m.isExcluded('node_modules/a/index.js')).toBe(true);
  });

  it('lets the last matching pattern win, with ! exceptions', () => {
    const m = matcher('*.md\n!README*.md\nREADME-secret.md\n');
    expect(m.isExcluded('CHANGES.md')).toBe(true);
    expect(m.isExcluded('README.md')).toBe(false);
    expect(m.isExcluded('README-secret.md')).toBe(true);
    expect(m.lastMatch('README.md')).toMatchObject({ pattern: 'README*.md', negated: true, line: 2 });
  });

  it('cleans patterns as Docker does', () => {
    const m = matcher('/build/\n./dist\n  .venv  \n');
    expect(m.isExcluded('build/x')).toBe(true);
    expect(m.isExcluded('dist')).toBe(true);
    expect(m.isExcluded('.venv/bin/python')).toBe(true);
  });
});

describe('DockerignoreMatcher: one pass over the segments agrees with minimatch on every leading part', () => {
  const part = fc.constantFrom('a', 'b', 'ab', '*', '?', '**', '[ab]', '{a,b}', '{a,**}', 'a*', '*.pem', '.env', '.*', '..', '.', '[', 'a[', '[a', '\\[', ']', '\\]', '[!', '[]', '[\\]', 'a\\');
  const pattern = fc.array(part, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('/'));
  const segment = fc.constantFrom('a', 'b', 'ab', 'x.pem', '.env', '..', '.', '', 'a.b', '[', 'a[', '[a', ']', '[]', '!', '\\');
  const filePath = fc.array(segment, { minLength: 1, maxLength: 8 }).map((segments) => segments.join('/'));

  /** What the matcher promises, asked the slow way: minimatch on each leading part of the path. */
  function expectedDepth(glob: string, relativePath: string): number {
    // The pattern as written: the matcher's own escaping of unclosed `[` must not change what it matches.
    const mm = new minimatch.Minimatch(glob, { dot: true, nocomment: true, nonegate: true });
    const segments = relativePath.split('/').filter((s) => s !== '' && s !== '.');
    for (let depth = 1; depth <= segments.length; depth++) if (mm.match(segments.slice(0, depth).join('/'))) return depth;
    return -1;
  }

  it('matchDepths and lastMatch (2,000 runs)', () => {
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 3 }), filePath, (globs, relativePath) => {
        const entries = globs.map((glob, index) => ({ pattern: glob, negated: index % 2 === 1, line: index + 1, range: [0, 0] as const }));
        const m = new DockerignoreMatcher(entries);
        const expected = globs.map((glob) => expectedDepth(glob, relativePath));
        expect(m.matchDepths(relativePath)).toEqual(expected);
        const last = expected.findLastIndex((depth) => depth !== -1);
        expect(m.lastMatch(relativePath)).toBe(last === -1 ? undefined : entries[last]);
      }),
      { numRuns: 2000, seed: 9 },
    );
  });

  it('is linear in the depth: 20,000 segments against `**` patterns', () => {
    const m = new DockerignoreMatcher(['**/.env', '**/secrets/**/*.pem', 'a/**/b/**', '**/x/**/y/**/z'].map((glob, index) => ({ pattern: glob, negated: false, line: index + 1, range: [0, 0] as const })));
    const deep = 'a/'.repeat(20_000);
    const started = performance.now();
    expect(m.lastMatch(deep)).toBeUndefined();
    expect(m.matchDepths(`${deep}b/c`)).toEqual([-1, -1, 20_002, -1]);
    // Minimatch on each leading part takes minutes here.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('compiles a line of unclosed `[` in linear time, as literal brackets', () => {
    const started = performance.now();
    const m = new DockerignoreMatcher([{ pattern: `${'['.repeat(20_000)}x`, negated: false, line: 1, range: [0, 0] }]);
    expect(m.isExcluded(`${'['.repeat(20_000)}x`)).toBe(true);
    expect(m.isExcluded('x')).toBe(false);
    // Minimatch alone takes about 40 s on 6,000.
    expect(performance.now() - started).toBeLessThan(2000);
    expect(escapeUnclosedBrackets('[a]b[c\\[d\\]')).toBe('[a]b\\[c\\[d\\]');
  });
});
