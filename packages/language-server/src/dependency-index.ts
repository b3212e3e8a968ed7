import path from 'node:path';

/** What one document's last lint read: files, and folders it listed. */
export interface Dependencies {
  readonly files: ReadonlySet<string>;
  readonly folders: ReadonlySet<string>;
}

/** Which open documents depend on which files, from what their last lint read. */
export class DependencyIndex {
  private readonly byUri = new Map<string, Dependencies>();

  set(uri: string, dependencies: Dependencies): void {
    this.byUri.set(uri, dependencies);
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
  }

  /**
   * The documents whose problems may change when a file changes: those that read it, and, when the
   * file was created or deleted, those that listed its folder.
   */
  dependentsOf(filePath: string, createdOrDeleted: boolean): string[] {
    const absolute = path.resolve(filePath);
    const folder = path.dirname(absolute);
    const dependents: string[] = [];
    for (const [uri, dependencies] of this.byUri) {
      if (dependencies.files.has(absolute) || (createdOrDeleted && dependencies.folders.has(folder))) dependents.push(uri);
    }
    return dependents;
  }
}
