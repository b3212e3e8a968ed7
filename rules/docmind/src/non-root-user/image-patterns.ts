import { isDockerHub, type ImageReference } from '@docmind-docker-lint/core';

/**
 * Whether an image matches a list of patterns, `.dockerignore` style: `*` matches any run of
 * characters (slashes and colons included), a leading `!` excludes, and the last matching pattern
 * wins. The image is matched as `[registry/]name:tag`, Docker Hub's registry left out and a missing
 * tag read as `latest`.
 */
export function matchesImagePatterns(image: ImageReference, patterns: readonly string[]): boolean {
  const registry = image.registry && !isDockerHub(image) ? `${image.registry}/` : '';
  const reference = `${registry}${image.name}:${image.tag ?? 'latest'}`;
  let matched = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    if (globToRegExp(negated ? pattern.slice(1) : pattern).test(reference)) matched = !negated;
  }
  return matched;
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}
