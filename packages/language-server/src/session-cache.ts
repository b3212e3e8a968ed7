import path from 'node:path';
import { LintSession, MemoryHost, NodeHost, type LintOptions, type ProjectHost } from '@docmind-docker-lint/core';
import { RecordingHost } from './recording-host.js';

/** What the embedding program may set for every session (tests add plugins). */
export type SessionDefaults = Pick<LintOptions, 'plugins' | 'baseConfig' | 'useConfigFiles' | 'rules'>;

/** The root of the in-memory project that documents without a file (`untitled:`) are linted in. */
export const VIRTUAL_ROOT = path.resolve('/__docmind-docker-lint-untitled__');

export interface CachedSession {
  readonly session: LintSession;
  /** The files of the root, without the session's recording: what projects read through. */
  readonly files: ProjectHost;
}

interface Entry {
  readonly session: Promise<CachedSession>;
  /** What the session's config resolution read or looked for (config files, `extends` targets). */
  readonly configReads: RecordingHost;
}

/**
 * One LintSession per workspace root and config file, created on first use and kept until a file its
 * configuration was read from (or looked for) changes: plugins, rules and resolved configs are reused
 * by every lint in that root. A session that cannot be created (a broken `-c` file) stays a rejected
 * promise until then.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly defaults: SessionDefaults = {}) {}

  forRoot(root: string, configFile: string | null): Promise<CachedSession> {
    const key = `${root}\0${configFile ?? ''}`;
    let entry = this.entries.get(key);
    if (!entry) {
      const files: ProjectHost = root === VIRTUAL_ROOT ? new MemoryHost() : new NodeHost();
      const configReads = new RecordingHost(files);
      const options: LintOptions = { ...this.defaults, cwd: root, host: configReads, ...(configFile !== null ? { configFile } : {}) };
      // Load what enabled rules need (the shell parser) before any synchronous lint.
      const ready = LintSession.create(options).then(async (session) => {
        await session.prepare();
        return { session, files };
      });
      entry = { session: ready, configReads };
      this.entries.set(key, entry);
    }
    return entry.session;
  }

  /** Drops the sessions whose configuration read or looked for a file; whether there were any. */
  invalidateFor(filePath: string): boolean {
    const absolute = path.resolve(filePath);
    let dropped = false;
    for (const [key, entry] of this.entries) {
      if (!entry.configReads.files.has(absolute)) continue;
      this.entries.delete(key);
      dropped = true;
    }
    return dropped;
  }

  clear(): void {
    this.entries.clear();
  }
}
