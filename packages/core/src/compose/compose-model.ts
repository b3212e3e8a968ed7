import path from 'node:path';
import type { Document } from 'yaml';
import { composeValue, type ComposeValue } from './compose-value.js';
import { resolveExtends, type ExtendsProblem } from './extends.js';
import { interpolate } from './interpolation.js';
import { mergeCompose, stripTags } from './merge.js';
import { isServiceActive } from './profiles.js';

/** One file of a Compose project, in `-f` order. */
export interface ComposeModelFile {
  readonly path: string;
  readonly document: Document;
}

export interface ComposeModelOptions {
  readonly files: readonly ComposeModelFile[];
  /** Variables for interpolation: the environment over the project's `.env`. */
  readonly variables: (name: string) => string | undefined;
  /** Another Compose file named by `extends.file`, parsed; `undefined` when it cannot be read. */
  readonly loadDocument?: (absolutePath: string) => Document | undefined;
  /** Active profiles (`--profile`, `COMPOSE_PROFILES`). */
  readonly profiles?: readonly string[];
  /**
   * Files already converted, by path, as this function would convert them (`composeValue` with
   * `keepTags` and interpolation with `variables`): a caller that has the data of a file spares
   * converting it again.
   */
  readonly values?: ReadonlyMap<string, ComposeValue>;
}

export interface ComposeModel {
  /** The merged project as data: interpolated, `extends` resolved, files merged in order. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly services: Readonly<Record<string, unknown>>;
  /** Names of the services that run with the given profiles. */
  readonly activeServices: readonly string[];
  /** Each file as data, with where every value came from (for reporting in the file that has the bytes). */
  readonly files: ReadonlyMap<string, ComposeValue>;
  readonly extendsProblems: readonly (ExtendsProblem & { readonly file: string })[];
}

/**
 * Builds the model Compose runs from a set of files, in compose-go's loader order: each file is
 * interpolated, its `extends` resolved, then merged into the files before it (`!reset`, `!override`
 * honoured). Pure: files come parsed, variables come as a lookup.
 */
export function buildComposeModel(options: ComposeModelOptions): ComposeModel {
  const lookup = options.variables;
  const values = new Map<string, ComposeValue>(options.values ?? []);
  const valueOf = (filePath: string, document: Document): ComposeValue => {
    const cached = values.get(filePath);
    if (cached) return cached;
    const value = composeValue(document, { interpolate: (text) => interpolate(text, lookup), keepTags: true });
    values.set(filePath, value);
    return value;
  };
  const servicesOf = (value: ComposeValue): Record<string, unknown> => {
    const data = value.value;
    const services = isData(data) ? data.services : undefined;
    return isData(services) ? services : {};
  };
  const extendsProblems: (ExtendsProblem & { file: string })[] = [];
  let merged: unknown = undefined;
  for (const file of options.files) {
    const value = valueOf(file.path, file.document);
    const loadServices = (absolutePath: string): Record<string, unknown> | undefined => {
      const document = options.loadDocument?.(absolutePath);
      return document ? servicesOf(valueOf(absolutePath, document)) : undefined;
    };
    const resolved = resolveExtends(file.path, servicesOf(value), loadServices);
    extendsProblems.push(...resolved.problems.map((problem) => ({ ...problem, file: file.path })));
    const data = isData(value.value) ? { ...value.value, ...(isData(value.value.services) ? { services: resolved.services } : {}) } : {};
    merged = merged === undefined ? stripTags(data) : mergeCompose(merged, data);
  }
  const data = isData(merged) ? merged : {};
  const services = isData(data.services) ? data.services : {};
  const active = new Set(options.profiles ?? []);
  return {
    data,
    services,
    activeServices: Object.keys(services).filter((name) => isServiceActive(services[name], active)),
    files: values,
    extendsProblems,
  };
}

const MAIN_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];

/**
 * The files `docker compose` reads in a folder without `-f`: the first of `compose.yaml`,
 * `compose.yml`, `docker-compose.yml`, `docker-compose.yaml`, then its `.override` twin if present.
 */
export function defaultComposeFiles(dir: string, exists: (absolutePath: string) => boolean): string[] {
  const main = MAIN_FILES.map((name) => path.join(dir, name)).find(exists);
  if (!main) return [];
  const override = main.replace(/\.(ya?ml)$/, '.override.$1');
  return exists(override) ? [main, override] : [main];
}

/** Whether a file is an override file (`compose.override.yaml`, `docker-compose.override.yml`): a fragment, not a whole project. */
export function isOverrideFile(filePath: string): boolean {
  return /\.override\.ya?ml$/i.test(path.basename(filePath));
}

function isData(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
