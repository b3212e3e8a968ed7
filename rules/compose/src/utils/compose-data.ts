import path from 'node:path';
import {
  composeValue,
  dotenvLookup,
  interpolate,
  nodeRange,
  parseDotenv,
  pointerSegment,
  type ComposeFileNode,
  type ComposeValue,
  type InterpolationResult,
  type OffsetRange,
  type ProjectFacts,
  type ValueLocation,
} from '@docmind-docker-lint/core';
import { isScalar } from 'yaml';

type Data = Record<string, unknown>;

/** A Compose file as data (interpolated with the `.env` beside it, merge keys applied) with positions. */
export interface ComposeData {
  readonly value: ComposeValue;
  readonly root: Data;
  /** Services that are mappings, by name. */
  readonly services: Readonly<Record<string, Data>>;
  location(pointer: string): ValueLocation | undefined;
  /** The interpolation of a string value, when it used `$`. */
  interpolation(pointer: string): InterpolationResult | undefined;
  /** The range of a value's node (the key when there is no value), or `null`. */
  valueRange(pointer: string): OffsetRange | null;
  keyRange(pointer: string): OffsetRange | null;
}

const cache = new WeakMap<ComposeFileNode, ComposeData | null>();

/** The data of a Compose file, computed once per parsed file and shared by the pack's rules. */
export function composeData(compose: ComposeFileNode, project: ProjectFacts): ComposeData | null {
  if (cache.has(compose)) return cache.get(compose) ?? null;
  const data = buildComposeData(compose, project);
  cache.set(compose, data);
  return data;
}

function buildComposeData(compose: ComposeFileNode, project: ProjectFacts): ComposeData | null {
  const document = compose.document;
  if (!document?.contents) return null;
  const variables = dotenvVariables(compose.file.path, project);
  const value = composeValue(document, { interpolate: (text) => interpolate(text, variables) });
  if (value.truncated || !isData(value.value)) return null;
  const root = value.value;
  const services: Record<string, Data> = {};
  if (isData(root.services)) {
    for (const [name, service] of Object.entries(root.services)) if (isData(service)) services[name] = service;
  }
  return {
    value,
    root,
    services,
    location: (pointer) => value.locations.get(pointer),
    interpolation: (pointer) => value.interpolations.get(pointer),
    valueRange: (pointer) => {
      const location = value.locations.get(pointer);
      if (!location) return null;
      if (location.value && !(isScalar(location.value) && nodeRange(location.value)[0] === nodeRange(location.value)[1])) {
        const [start, end] = nodeRange(location.value);
        // A block collection's range runs to the start of the next line.
        return [start, start + compose.file.text.slice(start, end).trimEnd().length];
      }
      return location.key ? nodeRange(location.key) : null;
    },
    keyRange: (pointer) => {
      const key = value.locations.get(pointer)?.key;
      return key ? nodeRange(key) : null;
    },
  };
}

/** Interpolation values from the `.env` beside a Compose file (never the linter's own environment). */
export function dotenvVariables(composePath: string, project: ProjectFacts): (name: string) => string | undefined {
  const envText = project.readText(path.join(path.dirname(composePath), '.env'));
  return envText === undefined ? () => undefined : dotenvLookup(parseDotenv(envText));
}

/** `/services/<name>/<key>...` */
export function servicePointer(name: string, ...rest: readonly (string | number)[]): string {
  return ['', 'services', name, ...rest].map((segment) => (segment === '' ? '' : pointerSegment(segment))).join('/');
}

export function isData(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A scalar as text (numbers and booleans too); `null` for anything else. */
export function scalarText(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
}
