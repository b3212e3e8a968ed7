import fs from 'node:fs';
import type { FileStat, ProjectHost } from '../types/project.js';

/**
 * The ProjectHost over `node:fs`: the one place where the engine meets the file system (reads
 * only; writes belong to the fixer package). Unreadable paths read as missing.
 */
export class NodeHost implements ProjectHost {
  constructor(private readonly maxFileSize = Number.POSITIVE_INFINITY) {}

  readFile(filePath: string): Uint8Array | undefined {
    try {
      const stat = fs.statSync(filePath);
      if (!stat.isFile() || stat.size > this.maxFileSize) return undefined;
      return fs.readFileSync(filePath);
    } catch {
      return undefined;
    }
  }

  stat(filePath: string): FileStat | undefined {
    try {
      // Nothing there is the common miss (a probe for an optional file): answered without an exception.
      const stat = fs.lstatSync(filePath, { throwIfNoEntry: false });
      if (!stat) return undefined;
      const kind = stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : stat.isSymbolicLink() ? 'symlink' : 'other';
      // Windows has no execute bits: report no mode rather than one that says "not executable".
      return process.platform === 'win32' ? { kind, size: stat.size } : { kind, size: stat.size, mode: stat.mode & 0o7777 };
    } catch {
      return undefined;
    }
  }

  readDirectory(dirPath: string): readonly string[] {
    try {
      return fs.readdirSync(dirPath);
    } catch {
      return [];
    }
  }

  realPath(filePath: string): string | undefined {
    try {
      return fs.realpathSync.native(filePath);
    } catch {
      return undefined;
    }
  }
}
