import path from 'node:path';
import type { FileStat, ProjectHost } from '../types/project.js';

/**
 * A ProjectHost over files held in memory (absolute path -> text or bytes), for `lintText`, editors
 * and tests. Folders exist implicitly above every file. `modes` sets permission bits per file.
 */
export class MemoryHost implements ProjectHost {
  private readonly files = new Map<string, Uint8Array>();
  private readonly folders = new Map<string, Set<string>>();

  constructor(
    files: Readonly<Record<string, string | Uint8Array>> = {},
    private readonly modes: Readonly<Record<string, number>> = {},
  ) {
    for (const [filePath, content] of Object.entries(files)) this.setFile(filePath, content);
  }

  setFile(filePath: string, content: string | Uint8Array): void {
    const absolute = path.resolve(filePath);
    this.files.set(absolute, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    let child = absolute;
    for (let parent = path.dirname(child); ; child = parent, parent = path.dirname(parent)) {
      const names = this.folders.get(parent) ?? new Set<string>();
      names.add(path.basename(child));
      this.folders.set(parent, names);
      if (parent === path.dirname(parent)) break;
    }
  }

  readFile(filePath: string): Uint8Array | undefined {
    return this.files.get(path.resolve(filePath));
  }

  stat(filePath: string): FileStat | undefined {
    const absolute = path.resolve(filePath);
    const file = this.files.get(absolute);
    if (file) return { kind: 'file', size: file.length, mode: this.modes[absolute] ?? 0o644 };
    return this.folders.has(absolute) ? { kind: 'directory', size: 0, mode: 0o755 } : undefined;
  }

  readDirectory(dirPath: string): readonly string[] {
    return [...(this.folders.get(path.resolve(dirPath)) ?? [])];
  }
}
