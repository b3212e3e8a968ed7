import path from 'node:path';

/**
 * The folders the client opened. A document belongs to the innermost one that holds it; a document
 * outside them all is linted with its own folder as the root (config files and Compose files are not
 * looked for above it).
 */
export class WorkspaceRoots {
  private folders: readonly string[] = [];

  set(folders: readonly string[]): void {
    this.folders = [...new Set(folders.map((folder) => path.resolve(folder)))].sort((a, b) => b.length - a.length);
  }

  add(folder: string): void {
    this.set([...this.folders, folder]);
  }

  remove(folder: string): void {
    const removed = path.resolve(folder);
    this.set(this.folders.filter((known) => known !== removed));
  }

  rootOf(filePath: string): string {
    return this.folders.find((folder) => isInsideOrSame(folder, filePath)) ?? path.dirname(filePath);
  }
}

function isInsideOrSame(folder: string, filePath: string): boolean {
  const relative = path.relative(folder, filePath);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
