import { nodeRange, type OffsetRange } from '@docmind-docker-lint/core';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { servicePointer, type ComposeData } from './compose-data.js';

/** A text insertion (or replacement) that adds a setting to a service, touching no other bytes. */
export interface ServiceEdit {
  readonly range: OffsetRange;
  readonly text: string;
}

/**
 * Where a new key of a service goes: right below the service's name, with the indentation of its
 * first key, so comments above that key stay with it. `null` when the service is not a block
 * mapping of its own (a flow mapping, an alias or anchored block that other services share, keys
 * on the name's line) or its indentation is not plain spaces.
 */
export function newServiceKeyLine(
  data: ComposeData,
  text: string,
  service: string,
): { readonly at: number; readonly indent: string; readonly step: string; readonly eol: string } | null {
  const pointer = servicePointer(service);
  const keyRange = data.keyRange(pointer);
  const block = data.location(pointer)?.value;
  if (!keyRange || !isMap(block) || block.flow || block.anchor !== undefined) return null;
  const first = block.items[0]?.key;
  if (!isScalar(first)) return null;
  const firstStart = nodeRange(first)[0];
  const firstLineStart = text.lastIndexOf('\n', firstStart - 1) + 1;
  const indent = text.slice(firstLineStart, firstStart);
  const nameLineStart = text.lastIndexOf('\n', keyRange[0] - 1) + 1;
  const nameIndent = text.slice(nameLineStart, keyRange[0]);
  const newline = text.indexOf('\n', keyRange[1]);
  if (!/^ +$/.test(indent) || !/^ *$/.test(nameIndent) || newline === -1 || newline + 1 > firstLineStart) return null;
  const step = indent.length > nameIndent.length ? ' '.repeat(indent.length - nameIndent.length) : '  ';
  return { at: newline + 1, indent, step, eol: text[newline - 1] === '\r' ? '\r\n' : '\n' };
}

/** The node of a key the service's own mapping holds (not one a `<<` merge brings in); `undefined` when it has none. */
export function ownServiceValue(data: ComposeData, service: string, key: string): Node | null | undefined {
  const block = data.location(servicePointer(service))?.value;
  if (!isMap(block)) return undefined;
  const pair = block.items.find((item) => isScalar(item.key) && item.key.value === key);
  if (!pair) return undefined;
  return (pair.value as Node | null) ?? null;
}

/**
 * Adds `item` to the list `key` of a service: a new item line after the last one of a block list,
 * `, item` after the last item of a flow list, or a new `key:` block when the service has no such
 * key at all. `null` when the list is shared (anchored, aliased, merged in with `<<`) or not written
 * in a way a line can be added to safely.
 */
export function addServiceListItem(data: ComposeData, text: string, service: string, key: string, item: string): ServiceEdit | null {
  const own = ownServiceValue(data, service, key);
  if (own === undefined) {
    if (data.services[service]?.[key] !== undefined) return null;
    const line = newServiceKeyLine(data, text, service);
    if (!line) return null;
    const { at, indent, step, eol } = line;
    return { range: [at, at], text: `${indent}${key}:${eol}${indent}${step}- ${item}${eol}` };
  }
  if (!isSeq(own) || own.anchor !== undefined || data.location(servicePointer(service, key))?.value !== own) return null;
  const last = own.items[own.items.length - 1];
  if (!isScalar(last) || last.anchor !== undefined) return null;
  const [start, end] = nodeRange(last);
  if (own.flow) return { range: [end, end], text: `, ${item}` };
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const dash = /^( *)- +$/.exec(text.slice(lineStart, start));
  const newline = text.indexOf('\n', end);
  const rest = text.slice(end, newline === -1 ? text.length : newline).replace(/\r$/, '').trim();
  if (!dash || (rest !== '' && !rest.startsWith('#'))) return null;
  if (newline === -1) return { range: [text.length, text.length], text: `\n${dash[1]}- ${item}` };
  const eol = text[newline - 1] === '\r' ? '\r\n' : '\n';
  return { range: [newline + 1, newline + 1], text: `${dash[1]}- ${item}${eol}` };
}
