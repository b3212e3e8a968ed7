import path from 'node:path';
import type { OffsetRange, ProjectFacts } from '@docmind-docker-lint/core';

/** The environment names the app reads, and where they were declared. */
export interface Contract {
  readonly names: ReadonlySet<string>;
  /** Where the contract comes from, for messages: the example file relative to the root, or the `known` option. */
  readonly source: string;
  /** The declaration of each name, when the contract is a file. */
  readonly declarations: ReadonlyMap<string, { readonly file: string; readonly range: OffsetRange }>;
}

/**
 * The contract that applies to files in the given folders: the first example file (`.env.example`)
 * found in them, in order, commented-out `# KEY=` lines included (they document optional settings);
 * else the `known` list; `null` when there is neither, so that no name can be called unknown.
 */
export function loadContract(
  project: ProjectFacts,
  dirs: readonly string[],
  exampleFile: string,
  known: readonly string[],
): Contract | null {
  for (const dir of new Set(dirs)) {
    const file = path.join(dir, exampleFile);
    const example = project.getEnvFile(file);
    if (!example || example.entries.length === 0) continue;
    const declarations = new Map<string, { file: string; range: OffsetRange }>();
    for (const entry of example.entries) {
      if (!declarations.has(entry.key)) declarations.set(entry.key, { file, range: entry.keyRange });
    }
    const source = path.relative(project.root, file).split(path.sep).join('/');
    return { names: new Set(declarations.keys()), source, declarations };
  }
  if (known.length === 0) return null;
  return { names: new Set(known), source: 'the `known` option', declarations: new Map() };
}
