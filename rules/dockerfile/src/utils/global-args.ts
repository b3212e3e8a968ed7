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

/** A global ARG: its default after expanding the global ARGs before it. */
export interface GlobalArg {
  /** `undefined` when declared without a default (`ARG TAG`). */
  readonly value: string | undefined;
  /** The default uses a form the expander does not know: its value is unknown. */
  readonly opaque: boolean;
}

/**
 * The ARGs declared before the first FROM (the only ones FROM lines can use), by name. Defaults are
 * expanded with the global ARGs declared before them, as the builder does. A later default replaces
 * an earlier one; a later declaration without a default keeps it.
 */
export function globalArgs(dockerfile: DockerfileNode): Map<string, GlobalArg> {
  const declared = new Map<string, GlobalArg>();
  for (const instruction of dockerfile.globalArgs) {
    for (const property of instructionProperties(instruction)) {
      if (property.value === null) {
        declared.set(property.name, declared.get(property.name) ?? { value: undefined, opaque: false });
        continue;
      }
      const expanded = expandVariables(property.value, (name) => declared.get(name)?.value ?? PLATFORM_ARG_EXAMPLES[name], dockerfile.escapeCharacter);
      const usesOpaque = variableReferences(property.value, dockerfile.escapeCharacter).some((reference) => declared.get(reference.name)?.opaque);
      // Quotes inside `${NAME:+"word"}` are removed by the builder's word processing, which the expander does not do.
      const opaque = expanded === null || usesOpaque || hasQuoteInBraces(property.value);
      declared.set(property.name, opaque ? { value: property.value, opaque: true } : { value: expanded, opaque: false });
    }
  }
  return declared;
}

/**
 * Stand-in values of the platform ARGs, for judging a FROM line: the builder always sets them, so a
 * reference built from them is never empty.
 */
const PLATFORM_ARG_EXAMPLES: Readonly<Record<string, string>> = {
  BUILDPLATFORM: 'linux/amd64',
  BUILDOS: 'linux',
  BUILDARCH: 'amd64',
  BUILDVARIANT: '',
  TARGETPLATFORM: 'linux/amd64',
  TARGETOS: 'linux',
  TARGETARCH: 'amd64',
  TARGETVARIANT: '',
};

/** A FROM word with the global ARG defaults expanded. */
export interface GlobalExpansion {
  /** The expanded text; `null` when it uses a form the expander does not know, or an ARG whose default is such. */
  readonly text: string | null;
  /** Variables the text uses plainly (`$X`, `${X}`) that have no value here: the build must supply them. */
  readonly unset: readonly string[];
}

/**
 * Expands a FROM image or `--platform` value with the global ARG defaults, as the builder does without
 * build args; the platform ARGs get typical values (`linux/amd64`) unless a global ARG redeclares them.
 */
export function expandWithGlobalArgs(text: string, dockerfile: DockerfileNode, declared = globalArgs(dockerfile)): GlobalExpansion {
  const valueOf = (name: string): string | undefined => declared.get(name)?.value ?? PLATFORM_ARG_EXAMPLES[name];
  const references = variableReferences(text, dockerfile.escapeCharacter);
  if (references.some((reference) => declared.get(reference.name)?.opaque)) return { text: null, unset: [] };
  const unset = references.filter((reference) => reference.operator === null && valueOf(reference.name) === undefined).map((reference) => reference.name);
  return { text: expandVariables(text, valueOf, dockerfile.escapeCharacter), unset };
}

/**
 * Whether a `${...}` of the text holds a quote, as `/\$\{[^}]*["'][^}]*\}/` tells, in linear time (the
 * regular expression rescans to the end from every `${` of a text without `}`).
 */
export function hasQuoteInBraces(text: string): boolean {
  for (let open = text.indexOf('${'); open !== -1; ) {
    const close = text.indexOf('}', open + 2);
    if (close === -1) return false;
    const inside = text.slice(open + 2, close);
    if (inside.includes('"') || inside.includes("'")) return true;
    // A `${` between the two reads up to the same `}`: its text is part of this one.
    open = text.indexOf('${', close + 1);
  }
  return false;
}
