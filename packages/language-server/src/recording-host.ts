import path from 'node:path';
import type { FileStat, ProjectHost } from '@docmind-docker-lint/core';

/**
 * A ProjectHost that remembers what one lint looked at: the files read or looked up, and the folders
 * listed. A later change to one of those files, or a file appearing in or vanishing from one of those
 * folders, can change the lint's problems.
 */
export class RecordingHost implements ProjectHost {
  readonly files = new Set<string>();
  readonly folders = new Set<string>();

  constructor(private readonly base: ProjectHost) {}

  readFile(filePath: string): Uint8Array | undefined {
    this.files.add(path.resolve(filePath));
    return this.base.readFile(filePath);
  }

  stat(filePath: string): FileStat | undefined {
    this.files.add(path.resolve(filePath));
    return this.base.stat(filePath);
  }

  readDirectory(dirPath: string): readonly string[] {
    this.folders.add(path.resolve(dirPath));
    return this.base.readDirectory(dirPath);
  }

  realPath(filePath: string): string | undefined {
    return this.base.realPath?.(filePath);
  }
}
