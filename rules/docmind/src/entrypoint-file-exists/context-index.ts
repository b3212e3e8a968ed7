import path from 'node:path';
import { DockerignoreMatcher, type BuildContext, type ProjectFacts } from '@docmind-docker-lint/core';

/** The files of a build context (as on disk, `.dockerignore` answered separately), by relative posix path. */
export class ContextIndex {
  readonly files = new Set<string>();
  /** Folders holding files; `''` is the context itself. */
  readonly dirs = new Set<string>(['']);
  private readonly globs = new Map<string, readonly string[]>();

  constructor(
    readonly buildContext: BuildContext,
    private readonly project: ProjectFacts,
  ) {
    for (const entry of project.listFiles(buildContext.dir)) {
      const folder = entry.endsWith('/');
      const relative = folder ? entry.slice(0, -1) : entry;
      if (!folder) this.files.add(relative);
      for (let parent = folder ? relative : path.posix.dirname(relative); parent !== '.'; parent = path.posix.dirname(parent)) {
        this.dirs.add(parent);
      }
    }
  }

  /** Whether a file or folder exists (asked of the host too, since a huge context's listing is cut short). */
  has(relative: string): boolean {
    return this.files.has(relative) || this.dirs.has(relative) || this.project.exists(path.join(this.buildContext.dir, relative));
  }

  isExcluded(relative: string): boolean {
    return relative !== '' && this.buildContext.isExcluded(relative);
  }

  isExecutable(relative: string): boolean | undefined {
    return this.project.isExecutable(path.join(this.buildContext.dir, relative));
  }

  /**
   * What a wildcard source (`*.py`, `src/*`) names: the shallowest matching file or folder on each
   * path, matched with Docker's rules (`*` stays inside one segment).
   */
  globRoots(pattern: string): readonly string[] {
    const cached = this.globs.get(pattern);
    if (cached) return cached;
    const matcher = new DockerignoreMatcher([{ pattern, negated: false, line: 0, range: [0, 0] }]);
    const roots = new Set<string>();
    for (const file of this.files) {
      const segments = file.split('/');
      for (let depth = 1; depth <= segments.length; depth++) {
        const prefix = segments.slice(0, depth).join('/');
        if (matcher.isExcluded(prefix)) {
          roots.add(prefix);
          break;
        }
      }
    }
    const sorted = [...roots].sort();
    this.globs.set(pattern, sorted);
    return sorted;
  }
}
