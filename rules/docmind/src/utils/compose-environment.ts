import { nodeRange, type OffsetRange, type ServiceNode, type SourceFile } from '@docmind-docker-lint/core';
import { isAlias, isMap, isScalar, isSeq } from 'yaml';

/** One variable of a Compose service's `environment`, in either form. */
export interface ComposeEnvironmentEntry {
  readonly name: string;
  /** The name's characters only (inside quotes when the key or list item is quoted). */
  readonly nameRange: OffsetRange;
  /** The literal value; `null` for `- KEY`, `KEY:` and non-scalar values (passed through from the host). */
  readonly value: string | null;
  /** Where the value's text stands (quotes included in map form); `null` when there is no literal value. */
  readonly valueRange: OffsetRange | null;
  readonly form: 'map' | 'list';
}

/**
 * The variables a service sets under `environment`: map form (`KEY: value`) and list form
 * (`- KEY=value`, `- KEY`). An aliased block (`environment: *common`) and merge keys (`<<: *common`)
 * are skipped: their text belongs to another place in the file, which a fix must not rename for
 * every user of the anchor.
 */
export function composeEnvironment(service: ServiceNode, source: SourceFile): ComposeEnvironmentEntry[] {
  const block = service.value?.get('environment', true);
  const entries: ComposeEnvironmentEntry[] = [];
  if (!block || isAlias(block)) return entries;
  if (isMap(block)) {
    for (const pair of block.items) {
      if (!isScalar(pair.key) || pair.key.value === '<<') continue;
      const name = scalarText(pair.key.value);
      const nameRange = name === null ? null : locateName(source, nodeRange(pair.key), name);
      if (name === null || !nameRange) continue;
      const value = isScalar(pair.value) ? scalarText(pair.value.value) : null;
      const valueRange = value !== null && isScalar(pair.value) ? nodeRange(pair.value) : null;
      entries.push({ name, nameRange, value, valueRange, form: 'map' });
    }
  } else if (isSeq(block)) {
    for (const item of block.items) {
      if (!isScalar(item)) continue;
      const text = scalarText(item.value);
      if (text === null) continue;
      const equals = text.indexOf('=');
      const name = equals === -1 ? text : text.slice(0, equals);
      const nameRange = locateName(source, nodeRange(item), name);
      if (!nameRange) continue;
      const itemRange = nodeRange(item);
      const closingQuote = item.type === 'QUOTE_DOUBLE' || item.type === 'QUOTE_SINGLE' ? 1 : 0;
      const valueRange: OffsetRange | null = equals === -1 ? null : [nameRange[1] + 1, Math.max(nameRange[1] + 1, itemRange[1] - closingQuote)];
      entries.push({ name, nameRange, value: equals === -1 ? null : text.slice(equals + 1), valueRange, form: 'list' });
    }
  }
  return entries;
}

/** A scalar's value as text (numbers and booleans too); `null` for a null or a non-scalar value. */
function scalarText(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
}

/** Where a name stands in the source of its scalar (after an opening quote, if any). */
function locateName(source: SourceFile, range: OffsetRange, name: string): OffsetRange | null {
  if (name.length === 0) return null;
  const index = source.slice(range).indexOf(name);
  if (index === -1) return null;
  const start = range[0] + index;
  return [start, start + name.length];
}
