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
import { trimmedEnd } from './line-span.js';

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
const values = new WeakMap<ComposeFileNode, ComposeValue | null>();

/**
 * A Compose file as data (interpolated with the `.env` beside it, merge keys applied, `!reset` keys
 * dropped), computed once per parsed file and shared by the pack's rules (`null` for an empty
 * document). Whatever the root is: `composeData` wants a mapping, the schema check does not.
 */
export function composeFileValue(compose: ComposeFileNode, project: ProjectFacts): ComposeValue | null {
  let value = values.get(compose);
  if (value === undefined) {
    const document = compose.document;
    const variables = document?.contents ? dotenvVariables(compose.file.path, project) : undefined;
    value = document?.contents && variables ? composeValue(document, { interpolate: (text) => interpolate(text, variables) }) : null;
    values.set(compose, value);
  }
  return value;
}

/** The data of a Compose file, computed once per parsed file and shared by the pack's rules. */
export function composeData(compose: ComposeFileNode, project: ProjectFacts): ComposeData | null {
  if (cache.has(compose)) return cache.get(compose) ?? null;
  const data = buildComposeData(compose, project);
  cache.set(compose, data);
  return data;
}

function buildComposeData(compose: ComposeFileNode, project: ProjectFacts): ComposeData | null {
  const value = composeFileValue(compose, project);
  if (!value || value.truncated || !isData(value.value)) return null;
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
        return [start, trimmedEnd(compose.file.text, start, end)];
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
  let pointer = `/services/${pointerSegment(name)}`;
  for (const segment of rest) pointer += `/${pointerSegment(segment)}`;
  return pointer;
}

export function isData(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A scalar as text (numbers and booleans too); `null` for anything else. */
export function scalarText(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
}
