import path from 'node:path';
import { isInside } from '../project/is-inside.js';
import type { FileStat, ProjectHost } from '../types/project.js';

/**
 * A host for one run over many files: what is at a path, the names in a folder and real paths are
 * asked of the base host once (files are not expected to change while a run reads them; discovery,
 * the size check, the project's link checks and folder listings all ask again). Reads pass through:
 * file contents are not kept. A run that moves from folder to folder forgets what it kept outside the
 * folders it is in (`forgetOutside`), so what this host holds follows those folders, not the tree.
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

  /**
   * Forgets the answers kept for paths outside the folders a run is now in: all but `dir`, what lies
   * below it, the folders above it and the entries of those folders (the same region the project model
   * keeps, see `Project.forgetOutside`). Anything forgotten is asked of the base host again if wanted,
   * with the same answer while the files do not change.
   */
  forgetOutside(dir: string): void {
    const absolute = path.resolve(dir);
    const keepFolder = (folder: string): boolean => isInside(absolute, folder) || isInside(folder, absolute);
    const keepEntry = (entry: string): boolean => isInside(absolute, entry) || isInside(path.dirname(entry), absolute);
    for (const key of this.stats.keys()) if (!keepEntry(key)) this.stats.delete(key);
    for (const key of this.folders.keys()) if (!keepFolder(key)) this.folders.delete(key);
    for (const key of this.realPaths.keys()) if (!keepEntry(key)) this.realPaths.delete(key);
  }

  realPath(filePath: string): string | undefined {
    const absolute = path.resolve(filePath);
    if (!this.realPaths.has(absolute)) this.realPaths.set(absolute, this.base.realPath?.(absolute));
    return this.realPaths.get(absolute);
  }
}
