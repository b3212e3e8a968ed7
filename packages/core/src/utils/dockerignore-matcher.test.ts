import { describe, expect, it } from 'vitest';
import { parseDockerignore } from '../parse/parse-dockerignore.js';
import { SourceFile } from '../source/source-file.js';
import { DockerignoreMatcher } from './dockerignore-matcher.js';

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
