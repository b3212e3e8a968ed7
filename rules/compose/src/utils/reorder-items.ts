import type { OffsetRange } from '@docmind-docker-lint/core';
import { isMap, isPair, parseAllDocuments, visit, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';

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
 */
export function reorderItems(text: string, collection: YAMLMap | YAMLSeq, order: readonly number[]): ReorderEdit | null {
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
  // parser accepted) within a text that parses without errors and holds no alias cannot make it
  // fail to parse; anything else is checked by parsing the result.
  if (!collection.flow && isCleanWithoutAliases(text)) return { range, text: out };
  const result = text.slice(0, range[0]) + out + text.slice(range[1]);
  if (!parsesCleanly(result)) return null;
  return { range, text: out };
}

/** The last text asked about: the ordering rules check several collections of one file in a row. */
let lastChecked: { readonly text: string; readonly clean: boolean } | undefined;

/** The text parses without errors and has no `*` (so no alias); remembered for the last text. */
function isCleanWithoutAliases(text: string): boolean {
  if (text.includes('*')) return false;
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
  const contentEnd = start + text.slice(start, valueEnd).trimEnd().length;
  const newline = text.indexOf('\n', contentEnd);
  let end = newline === -1 ? text.length : newline;
  if (end > 0 && text[end - 1] === '\r') end--;
  return [lineStart, end];
}

/** An alias whose anchor does not come before it (YAML resolves aliases backwards only). */
function hasDanglingAlias(document: Document): boolean {
  let dangling = false;
  visit(document, {
    Alias(_key, alias) {
      if (!alias.resolve(document)) {
        dangling = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return dangling;
}
