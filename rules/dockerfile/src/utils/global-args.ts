import { expandVariables, type DockerfileNode } from '@docmind-docker-lint/core';
import { instructionProperties } from './instruction-properties.js';
import { variableReferences } from './variable-references.js';

/**
 * The ARGs BuildKit defines for every FROM without a declaration: the platform of the build and of
 * the target (https://docs.docker.com/build/building/variables/#multi-platform-build-arguments).
 */
export const PLATFORM_ARGS: ReadonlySet<string> = new Set([
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
]);

/**
 * The ARGs declared before the first FROM (the only ones FROM lines can use), by name, with their
 * default value: `undefined` when declared without one (`ARG TAG`). A later default replaces an
 * earlier one; a later declaration without a default keeps it.
 */
export function globalArgs(dockerfile: DockerfileNode): Map<string, string | undefined> {
  const declared = new Map<string, string | undefined>();
  for (const instruction of dockerfile.globalArgs) {
    for (const property of instructionProperties(instruction)) {
      declared.set(property.name, property.value ?? declared.get(property.name));
    }
  }
  return declared;
}

/** A FROM word with the global ARG defaults expanded. */
export interface GlobalExpansion {
  /** The expanded text; `null` when it uses a form the expander does not know. */
  readonly text: string | null;
  /** Variables the text uses plainly (`$X`, `${X}`) that have no value here: the build must supply them. */
  readonly unset: readonly string[];
}

/** Expands a FROM image or `--platform` value with the global ARG defaults, as the builder does without build args. */
export function expandWithGlobalArgs(text: string, dockerfile: DockerfileNode, declared = globalArgs(dockerfile)): GlobalExpansion {
  const unset = variableReferences(text, dockerfile.escapeCharacter)
    .filter((reference) => reference.operator === null && declared.get(reference.name) === undefined)
    .map((reference) => reference.name);
  return { text: expandVariables(text, (name) => declared.get(name), dockerfile.escapeCharacter), unset };
}
