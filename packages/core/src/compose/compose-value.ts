import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Scalar } from 'yaml';
import type { InterpolationResult } from './interpolation.js';

/** Compose's own YAML tags in override files: `!reset` clears a value, `!override` replaces it whole. */
export const RESET_TAG = '!reset';
export const OVERRIDE_TAG = '!override';

/** A value tagged `!reset` in the JS form of an override file (kept only with `keepTags`). */
export class ResetValue {
  constructor(readonly value: unknown) {}
}

/** A value tagged `!override` in the JS form of an override file (kept only with `keepTags`). */
export class OverrideValue {
  constructor(readonly value: unknown) {}
}

/** Where a value of the JS form came from in the YAML text. */
export interface ValueLocation {
  /** The key of the pair holding the value; `null` for the root and sequence items. */
  readonly key: Node | null;
  /** The value's node (the anchored node for an alias); `null` for `key:` with no value. */
  readonly value: Node | null;
}

export interface ComposeValueOptions {
  /**
   * Interpolation of string scalars (never keys). The result's `value` replaces the text; every
   * result is recorded under its pointer in `interpolations`.
   */
  readonly interpolate?: (text: string) => InterpolationResult;
  /** Keep `!reset` and `!override` as `ResetValue` / `OverrideValue` (for merging); otherwise a `!reset` key is dropped. */
  readonly keepTags?: boolean;
  /** How many nodes to visit at most (aliases are visited again each time): a bound for alias bombs. */
  readonly maxNodes?: number;
}

export interface ComposeValue {
  /** The document as plain JSON-like data: `<<` merge keys applied, aliases resolved. */
  readonly value: unknown;
  /** By JSON Pointer (as Ajv's `instancePath` spells it: `/services/web/ports/0`). */
  readonly locations: ReadonlyMap<string, ValueLocation>;
  /** Interpolated scalars by JSON Pointer (only those that use a variable or `$$`). */
  readonly interpolations: ReadonlyMap<string, InterpolationResult>;
  /** True when `maxNodes` stopped the walk; `value` is then incomplete. */
  readonly truncated: boolean;
}

const DEFAULT_MAX_NODES = 200_000;

/** Escapes a key for a JSON Pointer segment. */
export function pointerSegment(key: string | number): string {
  const text = String(key);
  return text.includes('~') || text.includes('/') ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text;
}

/** The segments of a JSON Pointer. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Converts a parsed Compose document to the data Compose sees, remembering where each value came
 * from, so that a check on the data (a schema, a merge) can point at the exact bytes.
 */
export function composeValue(document: Document, options: ComposeValueOptions = {}): ComposeValue {
  const locations = new Map<string, ValueLocation>();
  const interpolations = new Map<string, InterpolationResult>();
  const maxNodes = options.maxNodes ?? DEFAULT_MAX_NODES;
  let visited = 0;
  let truncated = false;

  // `Alias.resolve` searches the whole document; an alias bomb visits the same few aliases 200,000 times.
  const aliasTargets = new Map<unknown, unknown>();
  const resolve = (node: unknown, depth: number): Node | null => {
    if (!isAlias(node)) return node && depth < 1000 ? (node as Node) : null;
    let current: unknown = node;
    for (let hops = 0; isAlias(current) && hops < 100; hops++) {
      const alias = current;
      if (!aliasTargets.has(alias)) aliasTargets.set(alias, alias.resolve(document));
      current = aliasTargets.get(alias);
    }
    return current && !isAlias(current) && depth < 1000 ? (current as Node) : null;
  };

  // Nodes being converted: an alias to one of them (`&a [*a]`) is a cycle, which Compose rejects; it converts to null.
  const open = new Set<Node>();
  const convert = (raw: unknown, pointer: string, key: Node | null, depth: number): unknown => {
    const node = resolve(raw, depth);
    locations.set(pointer, { key, value: node });
    if (++visited > maxNodes) {
      truncated = true;
      return null;
    }
    if (!node || open.has(node)) return null;
    const tagged = tagOf(node);
    open.add(node);
    let plain: unknown;
    try {
      plain = convertNode(node, pointer, depth);
    } finally {
      open.delete(node);
    }
    if (options.keepTags && tagged === RESET_TAG) return new ResetValue(plain);
    if (options.keepTags && tagged === OVERRIDE_TAG) return new OverrideValue(plain);
    return plain;
  };

  const convertNode = (node: Node, pointer: string, depth: number): unknown => {
    if (isScalar(node)) return scalarValue(node, pointer);
    if (isSeq(node)) {
      const out: unknown[] = [];
      for (const item of node.items) {
        const index = out.length;
        if (!options.keepTags && isResetNode(item, depth)) continue;
        out.push(convert(item, `${pointer}/${index}`, null, depth + 1));
      }
      return out;
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      const merged: { key: Node; value: unknown }[] = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (isMergeKey(pair.key)) {
          merged.push({ key: pair.key as Node, value: pair.value });
          continue;
        }
        const name = keyText(pair.key);
        if (name === null) continue;
        if (!options.keepTags && isResetNode(pair.value, depth)) continue;
        out[name] = convert(pair.value, `${pointer}/${pointerSegment(name)}`, pair.key as Node, depth + 1);
      }
      for (const { value } of merged) mergeInto(out, value, pointer, depth);
      return out;
    }
    return null;
  };

  /** YAML merge keys (`<<: *base`, `<<: [*a, *b]`): keys already present win, then earlier sources. */
  const mergeInto = (out: Record<string, unknown>, source: unknown, pointer: string, depth: number): void => {
    const resolved = resolve(source, depth);
    const sources = isSeq(resolved) ? resolved.items.map((item) => resolve(item, depth)) : [resolved];
    for (const map of sources) {
      if (!isMap(map) || open.has(map)) continue;
      open.add(map);
      try {
        for (const pair of map.items) {
          if (!isPair(pair)) continue;
          if (isMergeKey(pair.key)) {
            mergeInto(out, pair.value, pointer, depth + 1);
            continue;
          }
          const name = keyText(pair.key);
          if (name === null || Object.hasOwn(out, name)) continue;
          out[name] = convert(pair.value, `${pointer}/${pointerSegment(name)}`, pair.key as Node, depth + 1);
        }
      } finally {
        open.delete(map);
      }
    }
  };

  const scalarValue = (node: Scalar, pointer: string): unknown => {
    const value: unknown = node.value;
    if (typeof value === 'string' && options.interpolate && value.includes('$')) {
      const result = options.interpolate(value);
      interpolations.set(pointer, result);
      return result.value;
    }
    if (typeof value === 'bigint') return Number(value);
    return value;
  };

  const isResetNode = (node: unknown, depth: number): boolean => {
    const resolved = resolve(node, depth);
    return resolved !== null && tagOf(resolved) === RESET_TAG;
  };

  const value = document.contents ? convert(document.contents, '', null, 0) : null;
  return { value, locations, interpolations, truncated };
}

function tagOf(node: Node): string | undefined {
  return 'tag' in node && typeof node.tag === 'string' ? node.tag : undefined;
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && key.value === '<<' && key.type === 'PLAIN';
}

/** A key as Compose reads it: strings as they are, numbers and booleans as their text. */
function keyText(key: unknown): string | null {
  if (!isScalar(key)) return null;
  if (key.type === 'PLAIN' && typeof key.source === 'string') return key.source;
  const value: unknown = key.value;
  if (value === null) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return null;
}
