import { nodeRange, parseYamlDocument, type OffsetRange, type SourceFile } from '@docmind-docker-lint/core';
import { isScalar, type Scalar, type YAMLSeq } from 'yaml';

/** An element of a rewritten list: an old element's source kept byte for byte, or a new value. */
export type NewItem = { readonly keep: number } | { readonly value: string };

/** The elements of an exec form or a Compose sequence, and how to write new ones in its style. */
export interface ElementList {
  readonly values: readonly string[];
  /** Source ranges of the elements (quotes included). */
  readonly ranges: readonly OffsetRange[];
  /** The text replacing elements `from` to `to` (inclusive) with the items; `null` when it cannot be written safely. */
  render(items: readonly NewItem[], from: number): string | null;
}

/** The elements of a Dockerfile exec form: JSON strings joined with `, `. */
export function jsonElementList(source: SourceFile, elements: readonly { value: string; range: OffsetRange }[]): ElementList {
  const ranges = elements.map((element) => element.range);
  return {
    values: elements.map((element) => element.value),
    ranges,
    render: (items) => items.map((item) => ('keep' in item ? source.slice(ranges[item.keep]!) : JSON.stringify(item.value))).join(', '),
  };
}

/**
 * The items of a YAML sequence of strings. New items take the quoting style of the element they
 * replace (plain only where YAML reads the word back as the same string); block sequences get one
 * `- item` line each, at the same indentation. `null` when an item is not a string scalar.
 */
export function yamlElementList(source: SourceFile, sequence: YAMLSeq): ElementList | null {
  const scalars: Scalar[] = [];
  for (const item of sequence.items) {
    if (!isStringScalar(item)) return null;
    scalars.push(item);
  }
  const ranges = scalars.map((scalar) => itemRange(source, scalar));
  // A `|+` block scalar's trailing blank lines are part of its value: its text cannot be moved or replaced.
  const keepsTrailingLines = scalars.some((scalar) => isBlockScalar(scalar) && /^[|>][1-9]?\+/.test(source.slice(nodeRange(scalar))));
  return {
    values: scalars.map((scalar) => String(scalar.value)),
    ranges,
    render(items, from) {
      if (keepsTrailingLines) return null;
      const template = source.slice(ranges[from]!);
      const write = (item: NewItem): string =>
        'keep' in item ? source.slice(ranges[item.keep]!) : yamlString(item.value, template, sequence.flow === true);
      if (sequence.flow) return items.map(write).join(', ');
      const start = ranges[from]![0];
      const lineStart = source.text.lastIndexOf('\n', start - 1) + 1;
      const indent = source.text.slice(lineStart, start);
      if (!/^[ \t]*-[ \t]+$/.test(indent)) return null;
      return items.map(write).join(`${source.eol}${indent}`);
    },
  };
}

function isBlockScalar(scalar: Scalar): boolean {
  return scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED';
}

/**
 * The text of an item. A block scalar's node range runs past its last line break (and trailing blank
 * lines) up to the next item; the item ends at its last content character, so text written in its
 * place keeps the line break before what follows.
 */
function itemRange(source: SourceFile, scalar: Scalar): OffsetRange {
  const [start, end] = nodeRange(scalar);
  if (!isBlockScalar(scalar)) return [start, end];
  const { text } = source;
  let stop = end;
  for (;;) {
    let at = stop;
    while (at > start && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
    if (at === start || (text[at - 1] !== '\n' && text[at - 1] !== '\r')) break;
    // A line break (and the blank line after it): step back over it.
    stop = at - 1;
    if (text[stop] === '\n' && text[stop - 1] === '\r') stop--;
  }
  return [start, stop];
}

function isStringScalar(item: unknown): item is Scalar<string> {
  return isScalar(item) && typeof item.value === 'string' && !!item.range;
}

/** A YAML string in the style of `template`'s quoting. */
function yamlString(value: string, template: string, flow: boolean): string {
  if (template.startsWith("'") && !/[\r\n]/.test(value)) return `'${value.replaceAll("'", "''")}'`;
  if (!template.startsWith('"') && !template.startsWith("'") && readsBackAsPlain(value, flow)) return value;
  return JSON.stringify(value);
}

function readsBackAsPlain(value: string, flow: boolean): boolean {
  if (value === '' || /[\s#]/.test(value)) return false;
  // The value is a word of the linted file: composed only to a bounded depth (`[[[[...`).
  const { document } = parseYamlDocument(flow ? `[${value}]` : `- ${value}`);
  if (!document || document.errors.length > 0) return false;
  const read: unknown = document.toJS();
  return Array.isArray(read) && read.length === 1 && read[0] === value;
}
