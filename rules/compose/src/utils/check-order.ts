import { nodeRange, type ComposeFileNode, type OffsetRange, type RuleFixer } from '@docmind-docker-lint/core';
import { isMap, isPair, isScalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { reorderItems } from './reorder-items.js';

/** An item out of place: it should come before `before`, an item above it. */
export interface MisplacedItem {
  readonly index: number;
  readonly name: string;
  readonly before: string;
  readonly range: OffsetRange;
}

export interface OrderCheck {
  readonly misplaced: readonly MisplacedItem[];
  /** The fix that puts every item in place, or `null` when the items cannot be moved as text. */
  readonly fix: ((fixer: RuleFixer) => ReturnType<RuleFixer['replaceTextRange']>) | null;
}

/**
 * Compares the items of a collection with the order `compare` gives (a stable sort: items that
 * compare equal keep their order), and builds one fix that moves every item at once. `compose`, the
 * file the collection belongs to, lets the fix be checked without parsing the text again.
 */
export function checkOrder(
  text: string,
  collection: YAMLMap | YAMLSeq,
  nameOf: (item: unknown) => string | null,
  compare: (a: string, b: string) => number,
  compose?: ComposeFileNode,
): OrderCheck {
  const items = collection.items as unknown[];
  const names = items.map(nameOf);
  if (names.some((name) => name === null)) return { misplaced: [], fix: null };
  const list = names as string[];
  const misplaced: MisplacedItem[] = [];
  // The names seen so far, sorted (stable: equal names in the order they came), so that the least
  // earlier name greater than this one is found by binary search, not by comparing with all of them.
  const seen: string[] = [];
  for (const [index, name] of list.entries()) {
    const at = firstGreater(seen, name, compare);
    if (at === seen.length) seen.push(name);
    else seen.splice(at, 0, name);
    if (at === seen.length - 1) continue;
    const first = seen[at + 1]!;
    const item = items[index];
    const node = isPair(item) ? item.key : item;
    if (!node || typeof node !== 'object' || !('range' in node) || !node.range) continue;
    misplaced.push({ index, name, before: first, range: nodeRange(node as { range: [number, number, number] }) });
  }
  if (misplaced.length === 0) return { misplaced, fix: null };
  const order = list.map((_, index) => index).sort((a, b) => compare(list[a]!, list[b]!) || a - b);
  const edit = reorderItems(text, collection, order, compose);
  return { misplaced, fix: edit ? (fixer) => fixer.replaceTextRange(edit.range, edit.text) : null };
}

/** The index of the first name in `sorted` that `compare` puts after `name` (`sorted.length` if none). */
function firstGreater(sorted: readonly string[], name: string, compare: (a: string, b: string) => number): number {
  let low = 0;
  let high = sorted.length;
  // Sorted input is the usual case: the new name goes last.
  if (high === 0 || compare(sorted[high - 1]!, name) <= 0) return high;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(sorted[middle]!, name) > 0) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The key of a mapping entry as text (`<<` included); `null` for complex keys. */
export function keyName(item: unknown): string | null {
  if (!isPair(item) || !isScalar(item.key)) return null;
  const value: unknown = item.key.value;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
}

/** A raw child collection of a mapping, when it is written there (not an alias). */
export function childCollection(map: unknown, key: string): YAMLMap | YAMLSeq | null {
  if (!isMap(map)) return null;
  const value = map.get(key, true) as unknown;
  return value && typeof value === 'object' && 'items' in value ? (value as YAMLMap | YAMLSeq) : null;
}
