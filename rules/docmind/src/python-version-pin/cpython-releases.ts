/**
 * Known CPython minor releases and their newest patch release, as published on python.org
 * (https://devguide.python.org/versions/), as of the releases of October 2025 (3.14.0, 3.13.9,
 * 3.12.12, 3.11.14, 3.10.19, and 3.9.25, the last of 3.9). Update the list when Python is released:
 * with stale data a fix picks an older patch or minor than it could, and a floating minor tag is
 * judged by the patch it pulled when the list was written. Patch releases of a minor are numbered
 * without gaps from `.0`.
 */
export interface CPythonMinorRelease {
  /** `3.11`. */
  readonly minor: string;
  /** The newest patch release of that minor, `3.11.14`. */
  readonly latest: string;
  /**
   * `bugfix`: regular bug-fix releases (the newest, recommended minors); `security`: source-only
   * security fixes; `end-of-life`: no more releases.
   */
  readonly status: 'bugfix' | 'security' | 'end-of-life';
}

/** Newest first. */
export const CPYTHON_RELEASES: readonly CPythonMinorRelease[] = [
  { minor: '3.14', latest: '3.14.0', status: 'bugfix' },
  { minor: '3.13', latest: '3.13.9', status: 'bugfix' },
  { minor: '3.12', latest: '3.12.12', status: 'security' },
  { minor: '3.11', latest: '3.11.14', status: 'security' },
  { minor: '3.10', latest: '3.10.19', status: 'security' },
  { minor: '3.9', latest: '3.9.25', status: 'end-of-life' },
  { minor: '3.8', latest: '3.8.20', status: 'end-of-life' },
  { minor: '3.7', latest: '3.7.17', status: 'end-of-life' },
  { minor: '3.6', latest: '3.6.15', status: 'end-of-life' },
];
