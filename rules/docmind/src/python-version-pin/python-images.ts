import { isDockerHub, parseImageReference, type ParsedImageReference } from '@docmind-docker-lint/core';

/** An image that carries CPython, and how its tag names the Python version. */
export interface PythonImage {
  /** Repository as `registry/path` (Docker Hub as `docker.io/library/python`). */
  readonly repository: string;
  /** Finds the version in a tag: a named group `version`; compiled with the `d` flag for its position. */
  readonly versionPattern: RegExp;
  /**
   * What a tag without a version means. `prefix`: the tag is a variant (`slim`, `alpine3.20`) or
   * `latest`, and the version goes in front of it; `report`: reported, not fixed (a custom image whose
   * tag layout is unknown); `ignore`: the image holds no Python then (uv's own `0.5.11`).
   */
  readonly unversioned: 'prefix' | 'report' | 'ignore';
}

/** A version as a tag spells it: `3`, `3.11`, `3.11.4`, `3.14.0rc1`. */
const VERSION = String.raw`(?<version>\d+(?:\.\d+){0,2}(?:(?:a|b|rc)\d+)?)(?=-|$)`;

const BUILTIN_IMAGES: readonly PythonImage[] = [
  { repository: 'docker.io/library/python', versionPattern: new RegExp(`^${VERSION}`, 'd'), unversioned: 'prefix' },
  // uv's images with Python: `python3.12-bookworm-slim`, `0.5.11-python3.12-alpine`.
  { repository: 'ghcr.io/astral-sh/uv', versionPattern: new RegExp(`^(?:[^-]+-)?python${VERSION}`, 'd'), unversioned: 'ignore' },
];

export interface CustomImageOption {
  readonly name: string;
  readonly versionPattern: string;
}

/** The built-in images and those of the `images` option (checked first, so they can replace a built-in). */
export function pythonImages(custom: readonly CustomImageOption[]): readonly PythonImage[] {
  const configured = custom.map((image): PythonImage => {
    if (!image.versionPattern.includes('(?<version>')) {
      throw new Error(`python-version-pin: the versionPattern of image "${image.name}" needs a group named "version".`);
    }
    return {
      repository: repositoryOf(parseImageReference(image.name)),
      versionPattern: new RegExp(image.versionPattern, 'd'),
      unversioned: 'report',
    };
  });
  return [...configured, ...BUILTIN_IMAGES];
}

/** `registry/path` with Docker Hub's spellings made one (`python`, `library/python`, `docker.io/library/python`). */
export function repositoryOf(reference: ParsedImageReference): string {
  if (!isDockerHub(reference)) return `${reference.registry}/${reference.name}`;
  return `docker.io/${reference.name.includes('/') ? reference.name : `library/${reference.name}`}`;
}

/** The Python version in a tag, with its position in the tag. */
export function findVersion(image: PythonImage, tag: string): { readonly text: string; readonly start: number } | null {
  const match = image.versionPattern.exec(tag);
  const version = match?.groups?.['version'];
  const indices = match?.indices?.groups?.['version'];
  if (!version || !indices) return null;
  return { text: version, start: indices[0] };
}
