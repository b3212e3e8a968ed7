import { OverrideValue, ResetValue } from './compose-value.js';

type Data = Record<string, unknown>;

/**
 * How Compose merges one file into the files before it (`-f a -f b`, `compose.override.yaml`) and a
 * service into the one it `extends`, following compose-go's `override` package:
 * - mappings merge key by key, sequences append, scalars are replaced;
 * - `command`, `entrypoint` and `healthcheck.test` are replaced whole;
 * - `environment`, `labels`, `annotations`, `sysctls`, `extra_hosts`, `build.args` ... are maps in
 *   either form (`KEY=value` lists too) and merge by key;
 * - `depends_on` and `networks` in list form become maps first;
 * - `ports` are de-duplicated by their whole definition, `volumes`, `secrets` and `configs` by target;
 * - `logging` with another driver replaces the base's options;
 * - a value tagged `!reset` removes the key, one tagged `!override` replaces it without merging.
 * Inputs are not modified.
 */
export function mergeCompose(base: unknown, override: unknown): unknown {
  return mergeAt([], base, override);
}

const LIST_OR_DICT = [
  'services.*.annotations',
  'services.*.build.args',
  'services.*.build.additional_contexts',
  'services.*.build.labels',
  'services.*.deploy.labels',
  'services.*.environment',
  'services.*.labels',
  'services.*.sysctls',
  'volumes.*.labels',
  'networks.*.labels',
];
const EXTRA_HOSTS = ['services.*.extra_hosts', 'services.*.build.extra_hosts'];
const REPLACED = ['services.*.command', 'services.*.entrypoint', 'services.*.healthcheck.test', 'services.*.ulimits.*'];
const STRING_LISTS = ['services.*.dns', 'services.*.dns_opt', 'services.*.dns_search', 'services.*.env_file', 'services.*.label_file', 'services.*.tmpfs'];
const NAMED_REFERENCES = ['services.*.depends_on', 'services.*.networks'];
const BY_TARGET = ['services.*.volumes', 'services.*.secrets', 'services.*.configs'];

function matches(path: readonly string[], patterns: readonly string[]): boolean {
  return patterns.some((pattern) => {
    const parts = pattern.split('.');
    return parts.length === path.length && parts.every((part, index) => part === '*' || part === path[index]);
  });
}

function mergeAt(path: readonly string[], base: unknown, override: unknown): unknown {
  if (override instanceof ResetValue) return undefined;
  if (override instanceof OverrideValue) return stripTags(override.value);
  const plainBase = stripTags(base);
  if (base === undefined) return stripTags(override);
  if (matches(path, REPLACED)) return stripTags(override);
  if (matches(path, LIST_OR_DICT)) return mergeMaps(path, toDict(plainBase, '='), toDict(override, '='));
  if (matches(path, EXTRA_HOSTS)) return mergeMaps(path, toDict(plainBase, /[=:]/), toDict(override, /[=:]/));
  if (matches(path, NAMED_REFERENCES)) return mergeMaps(path, namesToDict(plainBase), namesToDict(override));
  if (matches(path, STRING_LISTS)) return uniqueItems([...asList(plainBase), ...asList(stripTags(override))]);
  if (matches(path, ['services.*.build']) && (typeof plainBase === 'string' || typeof override === 'string')) {
    const toBuild = (value: unknown): unknown => (typeof value === 'string' ? { context: value } : value);
    return mergeMaps(path, toBuild(plainBase), toBuild(override));
  }
  if (matches(path, ['services.*.logging']) && isData(plainBase) && isData(override)) {
    const baseDriver = plainBase.driver;
    const overrideDriver = override.driver;
    if (baseDriver !== undefined && overrideDriver !== undefined && baseDriver !== overrideDriver) return stripTags(override);
  }
  if (matches(path, ['services.*.ports']) && Array.isArray(plainBase) && Array.isArray(override)) {
    return mergeKeyed(plainBase, override.map(stripTags), portKey);
  }
  if (matches(path, BY_TARGET) && Array.isArray(plainBase) && Array.isArray(override)) {
    return mergeKeyed(plainBase, override.map(stripTags), path[2] === 'volumes' ? volumeTarget : referenceTarget);
  }
  if (isData(plainBase) && isData(override)) return mergeMaps(path, plainBase, override);
  if (Array.isArray(plainBase) && Array.isArray(override)) return [...(plainBase as unknown[]), ...override.map(stripTags)];
  return stripTags(override);
}

function mergeMaps(path: readonly string[], base: unknown, override: unknown): unknown {
  if (!isData(base) || !isData(override)) return stripTags(override);
  const out: Data = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const merged = mergeAt([...path, key], out[key], value);
    if (merged === undefined) delete out[key];
    else out[key] = merged;
  }
  return out;
}

/** Items of `override` replace the base's items with the same key, in place; new ones are appended. */
function mergeKeyed(base: readonly unknown[], override: readonly unknown[], keyOf: (item: unknown) => string): unknown[] {
  const out = [...base];
  for (const item of override) {
    const key = keyOf(item);
    const index = out.findIndex((existing) => keyOf(existing) === key);
    if (index === -1) out.push(item);
    else out[index] = item;
  }
  return out;
}

function portKey(item: unknown): string {
  if (isData(item)) return `${text(item.host_ip)}:${text(item.published)}:${text(item.target)}/${text(item.protocol) || 'tcp'}`;
  const short = text(item);
  return short.includes('/') ? short : `${short}/tcp`;
}

function volumeTarget(item: unknown): string {
  if (isData(item)) return text(item.target);
  const parts = text(item).split(':');
  return parts.length === 1 ? parts[0]! : parts[1]!;
}

function referenceTarget(item: unknown): string {
  if (isData(item)) return text(item.target) || text(item.source);
  return text(item);
}

/** A scalar as text; anything else as ''. */
function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

function toDict(value: unknown, separator: string | RegExp): unknown {
  const plain = stripTags(value);
  if (!Array.isArray(plain)) return plain;
  const out: Data = {};
  for (const item of plain) {
    const text = String(item);
    const match = typeof separator === 'string' ? text.indexOf(separator) : text.search(separator);
    if (match === -1) out[text] = null;
    else out[text.slice(0, match)] = text.slice(match + 1);
  }
  return out;
}

function namesToDict(value: unknown): unknown {
  const plain = stripTags(value);
  if (!Array.isArray(plain)) return plain;
  return Object.fromEntries(plain.map((name) => [String(name), null]));
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function uniqueItems(items: readonly unknown[]): unknown[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isData(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof ResetValue) && !(value instanceof OverrideValue);
}

/** The value without `!reset` / `!override` markers: what a single file means on its own. */
export function stripTags(value: unknown): unknown {
  if (value instanceof ResetValue) return undefined;
  if (value instanceof OverrideValue) return stripTags(value.value);
  if (Array.isArray(value)) return value.filter((item) => !(item instanceof ResetValue)).map(stripTags);
  if (isData(value)) {
    const out: Data = {};
    for (const [key, item] of Object.entries(value)) {
      if (item instanceof ResetValue) continue;
      out[key] = stripTags(item);
    }
    return out;
  }
  return value;
}
