import type { ComposeFileNode, OffsetRange } from '@docmind-docker-lint/core';
import { isAlias, isMap, isNode, isPair, isSeq, parseAllDocuments, visit, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { trimmedEnd } from './line-span.js';

/** One edit that puts the items of a collection in a new order. */
export interface ReorderEdit {
  readonly range: OffsetRange;
  readonly text: string;
}

/**
 * Moves whole items of a YAML mapping or sequence into `order` (indices of the current items), as
 * text: each item of a block collection moves with its lines, the comment lines right above it and
 * a comment at the end of its last line; blank lines and everything outside the items stay where
 * they are. Anchors move with their nodes. Returns `null` when the items cannot be cut into lines
 * (two on one line) or the result would not parse the same way (an alias moved above its anchor).
 * `parsed`, the Compose file the collection belongs to, saves parsing `text` again when its parse
 * found no problem.
 */
export function reorderItems(text: string, collection: YAMLMap | YAMLSeq, order: readonly number[], parsed?: ComposeFileNode): ReorderEdit | null {
  const items = collection.items as unknown[];
  if (items.length < 2 || order.length !== items.length) return null;
  const spans: OffsetRange[] = [];
  for (const item of items) {
    const span = collection.flow ? flowSpan(item) : blockSpan(text, item, isMap(collection));
    if (!span) return null;
    spans.push(span);
  }
  for (let index = 1; index < spans.length; index++) if (spans[index]![0] < spans[index - 1]![1]) return null;
  let out = '';
  for (const [position, source] of order.entries()) {
    const [start, end] = spans[source]!;
    out += text.slice(start, end);
    if (position < spans.length - 1) out += text.slice(spans[position]![1], spans[position + 1]![0]);
  }
  const range: OffsetRange = [spans[0]![0], spans.at(-1)![1]];
  // Moving whole lines of a block collection (each item starts its line, at the indentation the
  // parser accepted) within a text that parses without errors cannot make it fail to parse; without
  // an alias, nothing else can change. With aliases, the order of anchors and aliases after the move
  // tells whether each alias still has its anchor before it: the file's own parse, when it found no
  // problem (no error, warning or unresolved alias), gives that order without parsing. Anything else
  // is checked by parsing the result.
  if (!collection.flow) {
    const own = parsed && parsed.file.text === text && parsed.parseProblems.length === 0 ? parsed.document : null;
    if (!text.includes('*') && (own || isClean(text))) return { range, text: out };
    const resolved = own ? aliasesStayResolved(own, collection, order) : null;
    if (resolved !== null) return resolved ? { range, text: out } : null;
  }
  const result = text.slice(0, range[0]) + out + text.slice(range[1]);
  if (!parsesCleanly(result)) return null;
  return { range, text: out };
}

/** The last text asked about: the ordering rules check several collections of one file in a row. */
let lastChecked: { readonly text: string; readonly clean: boolean } | undefined;

/** The text parses without errors; remembered for the last text. */
function isClean(text: string): boolean {
  if (lastChecked?.text !== text) lastChecked = { text, clean: parsesCleanly(text) };
  return lastChecked.clean;
}

function parsesCleanly(text: string): boolean {
  const documents = parseAllDocuments(text, { uniqueKeys: true });
  const list = Array.isArray(documents) ? documents : [];
  return !list.some((document) => document.errors.length > 0 || hasDanglingAlias(document));
}

function startOf(item: unknown): number | null {
  const node = isPair(item) ? item.key : item;
  return node && typeof node === 'object' && 'range' in node && Array.isArray((node as Node).range) ? (node as Node).range![0] : null;
}

function endOf(item: unknown): number | null {
  const node = (isPair(item) ? (item.value ?? item.key) : item) as Node | null;
  return node?.range ? node.range[1] : null;
}

function flowSpan(item: unknown): OffsetRange | null {
  const start = startOf(item);
  const end = endOf(item);
  return start === null || end === null ? null : [start, end];
}

function blockSpan(text: string, item: unknown, inMap: boolean): OffsetRange | null {
  const start = startOf(item);
  const valueEnd = endOf(item);
  if (start === null || valueEnd === null) return null;
  let lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const prefix = text.slice(lineStart, start);
  // A map entry starts its line; a sequence item stands after its `- `.
  if (!(inMap ? /^[ \t]*$/ : /^[ \t]*-[ \t]+$/).test(prefix)) return null;
  // Comment lines directly above go with the item; a comment block that opens the file stays.
  const ownLineStart = lineStart;
  while (lineStart > 0) {
    const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    const previous = text.slice(previousStart, lineStart - 1).trim();
    if (!previous.startsWith('#')) break;
    lineStart = previousStart;
  }
  if (lineStart === 0) lineStart = ownLineStart;
  const contentEnd = trimmedEnd(text, start, valueEnd);
  const newline = text.indexOf('\n', contentEnd);
  let end = newline === -1 ? text.length : newline;
  if (end > 0 && text[end - 1] === '\r') end--;
  return [lineStart, end];
}

/**
 * An alias whose anchor does not come before it (YAML resolves aliases backwards only, to the last
 * anchor of their name in document order): one visit, the anchor names seen so far in a set.
 */
function hasDanglingAlias(document: Document): boolean {
  const anchors = new Set<string>();
  let dangling = false;
  visit(document, (_key, node) => {
    if (isAlias(node)) {
      if (anchors.has(node.source)) return undefined;
      dangling = true;
      return visit.BREAK;
    }
    if (isNode(node) && node.anchor) anchors.add(node.anchor);
    return undefined;
  });
  return dangling;
}

/** The anchored nodes and aliases of a document in document order, and where each collection's items start in that list. */
interface AliasOrder {
  readonly nodes: readonly Node[];
  /** Per collection of two items or more: the index in `nodes` where each item starts, then where the last ends. */
  readonly bounds: ReadonlyMap<YAMLMap | YAMLSeq, readonly number[]>;
}

/** Worked out once per document: the ordering rules check many collections of one file. */
const aliasOrders = new WeakMap<Document, AliasOrder>();

function aliasOrder(document: Document): AliasOrder {
  let known = aliasOrders.get(document);
  if (known) return known;
  const nodes: Node[] = [];
  const bounds = new Map<YAMLMap | YAMLSeq, number[]>();
  // Document order, as `visit` goes: a collection before its items, a key before its value.
  const walk = (node: unknown): void => {
    if (isPair(node)) {
      walk(node.key);
      walk(node.value);
      return;
    }
    if (!isNode(node)) return;
    if (isAlias(node) || node.anchor) nodes.push(node);
    if (!isMap(node) && !isSeq(node)) return;
    const starts: number[] | null = node.items.length > 1 ? [] : null;
    for (const item of node.items) {
      starts?.push(nodes.length);
      walk(item);
    }
    if (starts) bounds.set(node, [...starts, nodes.length]);
  };
  walk(document.contents);
  known = { nodes, bounds };
  aliasOrders.set(document, known);
  return known;
}

/**
 * Whether every alias of `document` still comes after an anchor of its name once the items of
 * `collection` are put in `order` (each item moves with all its nodes): the anchors and aliases in
 * document order, those of the items taken in the new order. `null` when `collection` is not in
 * `document`.
 */
function aliasesStayResolved(document: Document, collection: YAMLMap | YAMLSeq, order: readonly number[]): boolean | null {
  const { nodes, bounds } = aliasOrder(document);
  const starts = bounds.get(collection);
  if (!starts || starts.length !== order.length + 1) return null;
  const anchors = new Set<string>();
  const resolved = (from: number, to: number): boolean => {
    for (let index = from; index < to; index++) {
      const node = nodes[index]!;
      if (!isAlias(node)) anchors.add(node.anchor!);
      else if (!anchors.has(node.source)) return false;
    }
    return true;
  };
  return (
    resolved(0, starts[0]!) &&
    order.every((index) => resolved(starts[index]!, starts[index + 1]!)) &&
    resolved(starts[order.length]!, nodes.length)
  );
}
