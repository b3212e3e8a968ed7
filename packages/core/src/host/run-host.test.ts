// The run's host keeps what it was told about paths, and forgets it outside the folders the run is in.
import { describe, expect, it } from 'vitest';
import type { FileStat } from '../types/project.js';
import { MemoryHost } from './memory-host.js';
import { RunHost } from './run-host.js';

/** A MemoryHost that counts what it is asked. */
class CountingHost extends MemoryHost {
  readonly asked: string[] = [];
  override stat(filePath: string): FileStat | undefined {
    this.asked.push(`stat ${filePath}`);
    return super.stat(filePath);
  }
  override readDirectory(dirPath: string): readonly string[] {
    this.asked.push(`list ${dirPath}`);
    return super.readDirectory(dirPath);
  }
}

const files = {
  '/p/compose.yaml': 'services: {}\n',
  '/p/a/Dockerfile': 'FROM alpine:3\n',
  '/p/a/sub/x.txt': 'x\n',
  '/p/b/Dockerfile': 'FROM alpine:3\n',
};

describe('RunHost', () => {
  it('asks the base host once per path', () => {
    const base = new CountingHost(files);
    const host = new RunHost(base);
    expect(host.stat('/p/a/Dockerfile')?.kind).toBe('file');
    expect(host.stat('/p/a/Dockerfile')?.kind).toBe('file');
    expect(host.readDirectory('/p/a')).toEqual(host.readDirectory('/p/a'));
    expect(base.asked).toEqual(['stat /p/a/Dockerfile', 'list /p/a']);
  });

  it('forgets what lies outside a folder, its subfolders and the folders above it, with the same answers after', () => {
    const base = new CountingHost(files);
    const host = new RunHost(base);
    const paths = ['/p', '/p/compose.yaml', '/p/a', '/p/a/Dockerfile', '/p/a/sub/x.txt', '/p/b', '/p/b/Dockerfile', '/p/b/missing'];
    const before = paths.map((entry) => host.stat(entry));
    for (const folder of ['/p', '/p/a', '/p/b']) host.readDirectory(folder);
    host.forgetOutside('/p/a');
    base.asked.length = 0;
    expect(paths.map((entry) => host.stat(entry))).toEqual(before);
    for (const folder of ['/p', '/p/a', '/p/b']) host.readDirectory(folder);
    // Kept: the folder, what is below it, the folders above it and their entries. Asked again: the rest.
    expect(base.asked).toEqual(['stat /p/b/Dockerfile', 'stat /p/b/missing', 'list /p/b']);
  });
});
