import path from 'node:path';
import {
  buildComposeModel,
  composeValue,
  defaultComposeFiles,
  interpolate,
  isOverrideFile,
  parseCompose,
  SourceFile,
  type ComposeFileNode,
  type ComposeModel,
  type ProjectFacts,
} from '@docmind-docker-lint/core';
import type { Document } from 'yaml';
import { composeFileValue, dotenvVariables, isData } from './compose-data.js';

/** Top-level sections whose entries services refer to by name. */
export type ResourceKind = 'services' | 'networks' | 'volumes' | 'secrets' | 'configs';

const RESOURCE_KINDS: readonly ResourceKind[] = ['services', 'networks', 'volumes', 'secrets', 'configs'];
const MAX_INCLUDE_DEPTH = 10;

/** The project a Compose file belongs to: the files Compose would merge it with, merged. */
export interface ComposeProject {
  readonly model: ComposeModel;
  /** Absolute paths, in merge order. */
  readonly files: readonly string[];
  /** Names the merged files and the files they `include` define, by section. */
  readonly defined: Readonly<Record<ResourceKind, ReadonlySet<string>>>;
  /** An `include` could not be read: names may be missing from `defined`. */
  readonly incomplete: boolean;
}

const cache = new WeakMap<ComposeFileNode, ComposeProject | null>();

/**
 * The merged model around a Compose file: the folder's default files (`compose.yaml` and its
 * `.override` twin, or the `docker-compose.*` pair), plus the file itself when it is not one of them
 * (as `-f compose.yaml -f this.yaml` would merge it); or, for a file of the run's `--compose-file`
 * list, that list in its order. Taking the union errs on the side of fewer reports: a name or a
 * healthcheck another file of the set defines counts.
 */
/**
 * Whether a Compose file is an override, a fragment of a project rather than a whole one: by its name
 * (`compose.override.yaml`), or as a file after the first of the run's `--compose-file` list.
 */
export function isComposeOverride(filePath: string, project: ProjectFacts): boolean {
  if (isOverrideFile(filePath)) return true;
  const named = project.composeProjectOf?.(filePath);
  return named !== undefined && named[0] !== filePath;
}

export function composeProject(compose: ComposeFileNode, project: ProjectFacts): ComposeProject | null {
  if (cache.has(compose)) return cache.get(compose) ?? null;
  const result = buildProject(compose, project);
  cache.set(compose, result);
  return result;
}

function buildProject(compose: ComposeFileNode, project: ProjectFacts): ComposeProject | null {
  if (!compose.document?.contents) return null;
  const own = compose.file.path;
  const named = project.composeProjectOf?.(own);
  const defaults = named ? [] : defaultComposeFiles(path.dirname(own), (file) => project.exists(file));
  const files = named ? [...named] : defaults.includes(own) ? defaults : [...defaults, own];
  const documentOf = (file: string): Document | undefined => {
    if (file === own) return compose.document ?? undefined;
    const parsed = project.getFile(file);
    if (parsed?.type === 'ComposeFile') return parsed.document ?? undefined;
    // `extends.file` and `include` may name any YAML file (`common.yaml`), which is not classified as Compose.
    const text = parsed ? undefined : project.readText(file);
    return text === undefined ? undefined : (parseCompose(SourceFile.fromText(file, text, 'compose')).document ?? undefined);
  };
  const modelFiles = files.flatMap((file) => {
    const document = documentOf(file);
    return document ? [{ path: file, document }] : [];
  });
  // Compose reads `.env` from the project folder: that of the first file.
  const variables = dotenvVariables(files[0] ?? own, project);
  // The file's own data, as the pack's rules have it, is what the model would make of it when it is
  // interpolated from the same `.env` and holds no tag (`!reset`, `!override`: a tag is written `!`).
  const ownValue = path.dirname(files[0] ?? own) === path.dirname(own) && !compose.file.text.includes('!') ? composeFileValue(compose, project) : null;
  const values = ownValue && modelFiles.some((file) => file.path === own) ? new Map([[own, ownValue]]) : undefined;
  const model = buildComposeModel({ files: modelFiles, variables, loadDocument: documentOf, ...(values ? { values } : {}) });
  const defined = Object.fromEntries(RESOURCE_KINDS.map((kind) => [kind, new Set(namesIn(model.data[kind]))])) as Record<
    ResourceKind,
    Set<string>
  >;
  let incomplete = false;
  const visited = new Set(files);
  const follow = (from: string, include: unknown, depth: number): void => {
    const { paths, unreadable } = includePaths(include);
    if (unreadable) incomplete = true;
    for (const target of paths) {
      const file = path.resolve(path.dirname(from), target);
      if (visited.has(file)) continue;
      visited.add(file);
      const document = documentOf(file);
      if (!document || depth > MAX_INCLUDE_DEPTH) {
        incomplete = true;
        continue;
      }
      const data = composeValue(document, { interpolate: (text) => interpolate(text, variables) }).value;
      if (!isData(data)) continue;
      for (const kind of RESOURCE_KINDS) for (const name of namesIn(data[kind])) defined[kind].add(name);
      follow(file, data.include, depth + 1);
    }
  };
  for (const file of modelFiles) {
    const data = model.files.get(file.path)?.value;
    if (isData(data)) follow(file.path, data.include, 0);
  }
  return { model, files: modelFiles.map((file) => file.path), defined, incomplete };
}

function namesIn(section: unknown): string[] {
  return isData(section) ? Object.keys(section) : [];
}

/** The files an `include` names (`- path`, `- path: [a, b]`); `unreadable` when an entry names none clearly. */
function includePaths(include: unknown): { paths: string[]; unreadable: boolean } {
  if (include === undefined) return { paths: [], unreadable: false };
  if (!Array.isArray(include)) return { paths: [], unreadable: true };
  let unreadable = false;
  const paths = include.flatMap((entry): unknown[] => (typeof entry === 'string' ? [entry] : isData(entry) ? [entry.path].flat() : [entry]));
  const names = paths.filter((item): item is string => typeof item === 'string' && item !== '');
  if (names.length !== paths.length) unreadable = true;
  return { paths: names, unreadable };
}
