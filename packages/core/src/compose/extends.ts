import path from 'node:path';
import { mergeCompose } from './merge.js';

type Data = Record<string, unknown>;

/** A problem found while following `extends`, on the service whose `extends` is at fault. */
export interface ExtendsProblem {
  readonly service: string;
  readonly kind: 'missing-file' | 'missing-service' | 'cycle';
  readonly message: string;
}

/**
 * The services of one Compose file (as data, after interpolation) with `extends` resolved: the base
 * service (in this file or in `extends.file`, relative to the file that names it, recursively) is
 * merged under the extending one with Compose's merge rules, and `extends` is removed.
 * `loadServices(absolutePath)` returns another file's services, or `undefined` when it cannot be read.
 */
export function resolveExtends(
  filePath: string,
  services: Readonly<Record<string, unknown>>,
  loadServices: (absolutePath: string) => Readonly<Record<string, unknown>> | undefined,
): { services: Record<string, unknown>; problems: ExtendsProblem[] } {
  const problems: ExtendsProblem[] = [];
  const cache = new Map<string, unknown>();
  const servicesOf = (file: string): Readonly<Record<string, unknown>> | undefined =>
    file === filePath ? services : loadServices(file);

  const resolve = (file: string, name: string, stack: readonly string[], reportAs: string): unknown => {
    const id = `${file}#${name}`;
    const cached = cache.get(id);
    if (cached !== undefined) return cached;
    const service = servicesOf(file)?.[name];
    if (!isData(service) || service.extends === undefined) return service;
    if (stack.includes(id)) {
      problems.push({ service: reportAs, kind: 'cycle', message: `"extends" forms a cycle: ${[...stack, id].map(label).join(' -> ')}` });
      return withoutExtends(service);
    }
    const reference = service.extends;
    const baseName = typeof reference === 'string' ? reference : isData(reference) ? reference.service : undefined;
    const baseFile = isData(reference) && typeof reference.file === 'string' ? path.resolve(path.dirname(file), reference.file) : file;
    if (typeof baseName !== 'string') return withoutExtends(service);
    const baseServices = servicesOf(baseFile);
    if (!baseServices) {
      problems.push({ service: reportAs, kind: 'missing-file', message: `the file "${path.basename(baseFile)}" that "extends" names cannot be read` });
      return withoutExtends(service);
    }
    if (!Object.hasOwn(baseServices, baseName)) {
      problems.push({ service: reportAs, kind: 'missing-service', message: `"extends" names the service "${baseName}", which ${baseFile === filePath ? 'this file does not define' : `"${path.basename(baseFile)}" does not define`}` });
      return withoutExtends(service);
    }
    const cyclesBefore = problems.filter((problem) => problem.kind === 'cycle').length;
    const base = resolve(baseFile, baseName, [...stack, id], reportAs);
    const inCycle = problems.filter((problem) => problem.kind === 'cycle').length > cyclesBefore;
    const merged = mergeCompose({ services: { [name]: base } }, { services: { [name]: withoutExtends(service) } }) as {
      services: Data;
    };
    const result = merged.services[name];
    if (!inCycle) cache.set(id, result);
    return result;
  };

  const out: Record<string, unknown> = {};
  for (const name of Object.keys(services)) out[name] = resolve(filePath, name, [], name);
  return { services: out, problems };
}

function withoutExtends(service: Data): Data {
  const { extends: _extends, ...rest } = service;
  return rest;
}

function label(id: string): string {
  const hash = id.lastIndexOf('#');
  return `${path.basename(id.slice(0, hash))}:${id.slice(hash + 1)}`;
}

function isData(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
