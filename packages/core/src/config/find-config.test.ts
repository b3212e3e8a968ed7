import { describe, expect, it } from 'vitest';
import { MemoryHost } from '../host/memory-host.js';
import type { ProjectHost } from '../types/project.js';
import { ConfigFinder } from './find-config.js';

/** A MemoryHost that counts reads per path. */
function countingHost(files: Record<string, string>): { host: ProjectHost; reads: Map<string, number> } {
  const memory = new MemoryHost(files);
  const reads = new Map<string, number>();
  const host: ProjectHost = {
    readFile: (path) => {
      reads.set(path, (reads.get(path) ?? 0) + 1);
      return memory.readFile(path);
    },
    stat: (path) => memory.stat(path),
    readDirectory: (path) => memory.readDirectory(path),
  };
  return { host, reads };
}

describe('ConfigFinder', () => {
  const files = {
    '/repo/.docmind-docker-lint.json': '{ "rules": {} }',
    '/repo/a/package.json': '{ "name": "a" }',
    '/repo/a/b/.docmind-docker-lint.yml': 'settings: { b: true }\n',
    '/repo/root/.docmind-docker-lint.yaml': 'root: true\n',
    '/repo/root/deeper/.docmind-docker-lint.yaml': 'settings: { deeper: true }\n',
  };

  it('lists the configs from the farthest to the nearest', () => {
    const { host } = countingHost(files);
    expect(new ConfigFinder(host, '/repo').configsFor('/repo/a/b/c').map((loaded) => loaded.filePath)).toEqual([
      '/repo/.docmind-docker-lint.json',
      '/repo/a/b/.docmind-docker-lint.yml',
    ]);
  });

  it('stops above a root: true config', () => {
    const { host } = countingHost(files);
    expect(new ConfigFinder(host, '/repo').configsFor('/repo/root/deeper').map((loaded) => loaded.filePath)).toEqual([
      '/repo/root/.docmind-docker-lint.yaml',
      '/repo/root/deeper/.docmind-docker-lint.yaml',
    ]);
  });

  it('stops at the root folder, which it includes, and finds nothing outside it', () => {
    const { host } = countingHost(files);
    const finder = new ConfigFinder(host, '/repo/a');
    expect(finder.configsFor('/repo/a/b').map((loaded) => loaded.filePath)).toEqual(['/repo/a/b/.docmind-docker-lint.yml']);
    expect(finder.configsFor('/repo')).toEqual([]);
    expect(finder.configsFor('/other')).toEqual([]);
  });

  it('reads each config file once, however many folders share it', () => {
    const { host, reads } = countingHost(files);
    const finder = new ConfigFinder(host, '/repo');
    finder.configsFor('/repo/a/b/c');
    finder.configsFor('/repo/a/b/d');
    finder.configsFor('/repo/a/e');
    finder.configsFor('/repo/a/b/c');
    expect(Object.fromEntries(reads)).toEqual({
      '/repo/.docmind-docker-lint.json': 1,
      '/repo/a/package.json': 1,
      '/repo/a/b/.docmind-docker-lint.yml': 1,
    });
  });

  it('takes a folder as a config holder only when the name is a file', () => {
    const { host } = countingHost({ '/repo/.docmind-docker-lint.json/inner': 'x', '/repo/.docmind-docker-lint.yaml': 'root: true\n' });
    expect(new ConfigFinder(host, '/repo').configIn('/repo')?.filePath).toBe('/repo/.docmind-docker-lint.yaml');
  });
});
