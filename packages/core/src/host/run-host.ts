import path from 'node:path';
import type { FileStat, ProjectHost } from '../types/project.js';

/**
 * A host for one run over many files: what is at a path, the names in a folder and real paths are
 * asked of the base host once (files are not expected to change while a run reads them; discovery,
 * the size check, the project's link checks and folder listings all ask again). Reads pass through:
 * file contents are not kept.
 */
export class RunHost implements ProjectHost {
  private readonly stats = new Map<string, FileStat | undefined>();
  private readonly folders = new Map<string, readonly string[]>();
  private readonly realPaths = new Map<string, string | undefined>();

  constructor(private readonly base: ProjectHost) {}

  readFile(filePath: string): Uint8Array | undefined {
    return this.base.readFile(filePath);
  }

  stat(filePath: string): FileStat | undefined {
    const absolute = path.resolve(filePath);
    if (!this.stats.has(absolute)) {
      // A name missing from its folder's listing (already read) is missing: no system call, no exception.
      const siblings = this.folders.get(path.dirname(absolute));
      this.stats.set(absolute, siblings && !siblings.includes(path.basename(absolute)) ? undefined : this.base.stat(absolute));
    }
    return this.stats.get(absolute);
  }

  readDirectory(dirPath: string): readonly string[] {
    const absolute = path.resolve(dirPath);
    let names = this.folders.get(absolute);
    if (!names) this.folders.set(absolute, (names = this.base.readDirectory(absolute)));
    return names;
  }

  realPath(filePath: string): string | undefined {
    const absolute = path.resolve(filePath);
    if (!this.realPaths.has(absolute)) this.realPaths.set(absolute, this.base.realPath?.(absolute));
    return this.realPaths.get(absolute);
  }
}
