import path from 'node:path';
import type { PyprojectNode, PythonVersionNode, RelatedReport } from '@docmind-docker-lint/core';
import { maxSatisfying, satisfies, validRange } from '@renovatebot/pep440';
import { CPYTHON_RELEASES } from './cpython-releases.js';

/** The Python a project declares, and where it declares it. */
export interface PythonConstraint {
  /** A PEP 440 specifier. */
  readonly specifier: string;
  /** How messages name it: `pyproject.toml:7 requires-python ">=3.11,<3.12"`. */
  readonly label: string;
  /** The declaration's position, for `related`; `null` for the rule's option. */
  readonly related: RelatedReport | null;
}

/** Every known final release: each minor's patches from `.0` to its newest. */
const KNOWN_VERSIONS: readonly string[] = CPYTHON_RELEASES.flatMap(({ minor, latest }) => {
  const newestPatch = Number(latest.slice(minor.length + 1));
  return Array.from({ length: newestPatch + 1 }, (_, patch) => `${minor}.${patch}`);
});

export type Precision = 'major' | 'minor' | 'patch';

/** `3` is a major, `3.11` a minor, `3.11.4` and `3.14.0rc1` a patch release. */
export function precisionOf(version: string): Precision {
  const dots = /^\d+(?:\.\d+)*/.exec(version)?.[0].split('.').length ?? 1;
  return dots === 1 ? 'major' : dots === 2 ? 'minor' : 'patch';
}

/** `3.11` of `3.11.4`. */
export function minorOf(version: string): string {
  return /^\d+(?:\.\d+)?/.exec(version)?.[0] ?? version;
}

/**
 * Whether a version as a tag or `.python-version` spells it satisfies a specifier. A minor (`3.11`)
 * stands for the release its tag pulls today: the newest known patch of that minor (a minor newer
 * than the known list is taken as its `.0`).
 */
export function satisfiesSpecifier(version: string, specifier: string): boolean {
  const release = precisionOf(version) === 'minor' ? CPYTHON_RELEASES.find((known) => known.minor === version) : undefined;
  return satisfies(release?.latest ?? version, specifier);
}

/**
 * The newest known release that satisfies a specifier, spelled as a minor when that minor's newest
 * patch is the one (so the tag keeps receiving patches), else as the exact release. `patch`
 * precision always spells the exact release. `null` when no known release satisfies it.
 */
export function newestSatisfying(specifier: string, precision: Precision): string | null {
  const best = maxSatisfying([...KNOWN_VERSIONS], specifier);
  if (best === null) return null;
  const release = CPYTHON_RELEASES.find((known) => known.latest === best);
  return release && precision !== 'patch' ? release.minor : best;
}

/** The newest minor still receiving bug fixes: what an unpinned tag pulls today. */
export function newestStableMinor(): string {
  return CPYTHON_RELEASES.find((release) => release.status === 'bugfix')?.minor ?? CPYTHON_RELEASES[0]!.minor;
}

/**
 * A version request (`3.11`, `cpython-3.11.4`, `>=3.11` in `.python-version` or the `requires`
 * option) as a PEP 440 specifier: a bare version means that release series (`3.11` -> `==3.11.*`,
 * `3.11.4` -> `==3.11.4`). `null` when it is neither.
 */
export function specifierOf(request: string): string | null {
  const bare = bareVersionOf(request);
  if (bare !== null) return precisionOf(bare) === 'patch' ? `==${bare}` : `==${bare}.*`;
  const trimmed = request.trim();
  return /^[<>=!~]/.test(trimmed) && validRange(trimmed) ? trimmed : null;
}

/** The version a bare request names (`3.11` of `cpython@3.11`), or `null` for a specifier. */
export function bareVersionOf(request: string): string | null {
  return /^(?:c?python[-@]?)?(\d+(?:\.\d+){0,2})$/i.exec(request.trim())?.[1] ?? null;
}

export function constraintFromOption(requires: string): PythonConstraint {
  const specifier = specifierOf(requires);
  if (specifier === null) {
    throw new Error(`python-version-pin: the "requires" option ${JSON.stringify(requires)} is not a PEP 440 specifier or version.`);
  }
  return { specifier, label: `the "requires" option ${JSON.stringify(requires)}`, related: null };
}

/** `[project].requires-python`, when it is a valid specifier. Paths in the label are relative to `fromDir`. */
export function constraintFromPyproject(pyproject: PyprojectNode | null, fromDir: string): PythonConstraint | null {
  const requires = pyproject?.requiresPython;
  if (!pyproject || !requires || !validRange(requires.value)) return null;
  const { line } = pyproject.file.positionAt(requires.range[0]);
  const label = `${relativePath(fromDir, pyproject.file.path)}:${line} requires-python ${JSON.stringify(requires.value)}`;
  return {
    specifier: requires.value,
    label,
    related: { file: pyproject.file.path, range: requires.range, message: `The declared Python: requires-python ${JSON.stringify(requires.value)}.` },
  };
}

/** The version of `.python-version`, when it names a CPython version or specifier. */
export function constraintFromPythonVersion(node: PythonVersionNode | null, fromDir: string): PythonConstraint | null {
  const version = node?.version;
  const specifier = version ? specifierOf(version.value) : null;
  if (!node || !version || specifier === null) return null;
  const { line } = node.file.positionAt(version.range[0]);
  return {
    specifier,
    label: `${relativePath(fromDir, node.file.path)}:${line} ${JSON.stringify(version.value)}`,
    related: { file: node.file.path, range: version.range, message: `The declared Python: ${JSON.stringify(version.value)}.` },
  };
}

function relativePath(fromDir: string, file: string): string {
  return path.relative(fromDir, file).split(path.sep).join('/');
}
