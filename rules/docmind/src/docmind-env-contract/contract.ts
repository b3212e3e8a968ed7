import path from 'node:path';
import type { OffsetRange, ProjectFacts } from '@docmind-docker-lint/core';
import { schemaContract, type SettingValueSpec } from './schema-contract.js';

/** The environment names the app reads, and where they were declared. */
export interface Contract {
  readonly names: ReadonlySet<string>;
  /** Where the contract comes from, for messages: the example file relative to the root, or the `known` option. */
  readonly source: string;
  /** The declaration of each name, when the contract is a file. */
  readonly declarations: ReadonlyMap<string, { readonly file: string; readonly range: OffsetRange }>;
  /** What each setting accepts, when the contract is a settings schema. */
  readonly specs: ReadonlyMap<string, SettingValueSpec>;
}

/** Why the configured settings schema cannot be the contract. */
export interface ContractError {
  readonly error: string;
}

/**
 * The contract from the settings model's JSON Schema at `schemaPath` (relative to the project root),
 * or why it cannot be read.
 */
export function loadSchemaContract(project: ProjectFacts, schemaPath: string, prefix: string, delimiter: string): Contract | ContractError {
  const file = path.resolve(project.root, schemaPath);
  const source = path.relative(project.root, file).split(path.sep).join('/');
  const text = project.readText(file);
  if (text === undefined) return { error: `\`${source}\` cannot be read` };
  const result = schemaContract(text, prefix, delimiter);
  if ('error' in result) return { error: `\`${source}\` cannot be used: ${result.error}` };
  const declarations = new Map<string, { file: string; range: OffsetRange }>();
  const specs = new Map<string, SettingValueSpec>();
  for (const setting of result.settings) {
    if (declarations.has(setting.name)) continue;
    declarations.set(setting.name, { file, range: setting.range });
    specs.set(setting.name, setting.spec);
  }
  return { names: new Set(declarations.keys()), source, declarations, specs };
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
    return { names: new Set(declarations.keys()), source, declarations, specs: new Map() };
  }
  if (known.length === 0) return null;
  return { names: new Set(known), source: 'the `known` option', declarations: new Map(), specs: new Map() };
}
