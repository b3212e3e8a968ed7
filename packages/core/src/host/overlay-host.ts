import path from 'node:path';
import type { FileStat, ProjectHost } from '../types/project.js';

/**
 * A ProjectHost that shows some files with other contents than the base host has (unsaved editor
 * buffers, fixes not yet written): `undefined` content hides a file.
 */
export class OverlayHost implements ProjectHost {
  constructor(
    private readonly base: ProjectHost,
    private readonly overlay: ReadonlyMap<string, string | undefined>,
  ) {}

  readFile(filePath: string): Uint8Array | undefined {
    const absolute = path.resolve(filePath);
    if (!this.overlay.has(absolute)) return this.base.readFile(absolute);
    const text = this.overlay.get(absolute);
    return text === undefined ? undefined : new TextEncoder().encode(text);
  }

  stat(filePath: string): FileStat | undefined {
    const absolute = path.resolve(filePath);
    if (!this.overlay.has(absolute)) return this.base.stat(absolute);
    const text = this.overlay.get(absolute);
    if (text === undefined) return undefined;
    return { ...(this.base.stat(absolute) ?? { kind: 'file', mode: 0o644 }), kind: 'file', size: text.length };
  }

  readDirectory(dirPath: string): readonly string[] {
    const absolute = path.resolve(dirPath);
    const names = new Set(this.base.readDirectory(absolute));
    for (const [filePath, text] of this.overlay) {
      if (path.dirname(filePath) !== absolute) continue;
      if (text === undefined) names.delete(path.basename(filePath));
      else names.add(path.basename(filePath));
    }
    return [...names];
  }

  realPath(filePath: string): string | undefined {
    return this.base.realPath?.(filePath);
  }
}
