export interface ParsedImageReference {
  readonly registry: string | null;
  /** Repository path without the registry; Docker Hub's `library/` prefix removed. */
  readonly name: string;
  readonly tag: string | null;
  readonly digest: string | null;
}

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/**
 * Splits an image reference (`[registry/]path[:tag][@digest]`) the way the Docker reference grammar
 * does: the first path component is a registry when it holds a `.` or `:` or is `localhost`.
 */
export function parseImageReference(reference: string): ParsedImageReference {
  let rest = reference;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry: string | null = null;
  const slash = rest.indexOf('/');
  if (slash !== -1) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon !== -1 && !rest.slice(colon).includes('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let name = rest;
  if ((registry === null || DOCKER_HUB.has(registry)) && name.startsWith('library/')) {
    name = name.slice('library/'.length);
  }
  return { registry, name, tag, digest };
}

/** Whether a reference names a Docker Hub image (no registry, or one of Docker Hub's names). */
export function isDockerHub(reference: ParsedImageReference): boolean {
  return reference.registry === null || DOCKER_HUB.has(reference.registry);
}
