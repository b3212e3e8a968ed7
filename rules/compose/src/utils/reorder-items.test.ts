import { parseCompose, SourceFile } from '@docmind-docker-lint/core';
import { parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { describe, expect, it } from 'vitest';
import { trimmedEnd } from './line-span.js';
import { reorderItems } from './reorder-items.js';

const apply = (text: string, pick: (root: YAMLMap) => YAMLMap | YAMLSeq, order: number[]): string | null => {
  const document = parseDocument(text);
  const edit = reorderItems(text, pick(document.contents as unknown as YAMLMap), order);
  return edit ? text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]) : null;
};
const services = (root: YAMLMap): YAMLMap => root.get('services', true) as unknown as YAMLMap;

/** As `apply`, with the Compose file's own parse given (the path the ordering rules take). */
const applyParsed = (text: string, pick: (root: YAMLMap) => YAMLMap | YAMLSeq, order: number[]): string | null => {
  const compose = parseCompose(SourceFile.fromText('/p/compose.yaml', text, 'compose'));
  const edit = reorderItems(text, pick(compose.document!.contents as unknown as YAMLMap), order, compose);
  return edit ? text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]) : null;
};

describe('reorderItems', () => {
  it('moves block entries with their comments; blank lines and the rest stay', () => {
    const text = '# header\nservices:\n  # the web app\n  web:\n    image: nginx:1.27 # pinned\n\n  api:\n    image: api:1\n    ports:\n      - "80:80"\n# trailer\n';
    expect(apply(text, services, [1, 0])).toBe(
      '# header\nservices:\n  api:\n    image: api:1\n    ports:\n      - "80:80"\n\n  # the web app\n  web:\n    image: nginx:1.27 # pinned\n# trailer\n',
    );
  });

  it('reorders flow and block sequences', () => {
    expect(apply('a: [c, b, "a"] # list\n', (root) => root.get('a', true) as unknown as YAMLSeq, [2, 1, 0])).toBe('a: ["a", b, c] # list\n');
    expect(apply('a:\n  - c # third\n  - b\n', (root) => root.get('a', true) as unknown as YAMLSeq, [1, 0])).toBe('a:\n  - b\n  - c # third\n');
  });

  it('keeps a file-opening comment in place and refuses to move an alias above its anchor', () => {
    expect(apply('# file\nb: 1\na: 2\n', (root) => root, [1, 0])).toBe('# file\na: 2\nb: 1\n');
    expect(apply('services:\n  b: &b\n    image: x\n  a: *b\n', services, [1, 0])).toBeNull();
  });

  it('checks the result by parsing it when the file has errors or aliases (no shortcut)', () => {
    // A duplicate key elsewhere: the reordered text still fails to parse, so no edit.
    expect(apply('services:\n  b: 1\n  a: 2\nx: 1\nx: 2\n', services, [1, 0])).toBeNull();
    // An alias after both items stays resolvable: the edit is given.
    expect(apply('services:\n  b: &b\n    image: x\n  a: 2\nother: *b\n', services, [1, 0])).toBe('services:\n  a: 2\n  b: &b\n    image: x\nother: *b\n');
  });

  it('refuses items that share a line', () => {
    expect(apply('a: {x: 1}\nb:\n  - k: 1\n    j: 2\n', (root) => ((root.get('b', true) as unknown as YAMLSeq).items[0] as YAMLMap), [1, 0])).toBeNull();
  });

  it('given the Compose file parse, tells from the order of anchors and aliases whether every alias stays resolved', () => {
    const cases: [string, (root: YAMLMap) => YAMLMap | YAMLSeq, number[]][] = [
      ['services:\n  b: &b\n    image: x\n  a: *b\n', services, [1, 0]],
      ['services:\n  b: &b\n    image: x\n  a: 2\nother: *b\n', services, [1, 0]],
      // The alias resolves to the other anchor of its name once moved: still resolved.
      ['x: &a 1\nservices:\n  c: *a\n  b: &a 2\n  a: *a\n', services, [2, 1, 0]],
      // An anchor inside an item moved below the alias that needs it.
      ['a: &x [1]\nb: [*x, &y 2]\nc: *y\n', (root) => root, [2, 0, 1]],
      ['a: &x [1]\nb: [*x, &y 2]\nc: *y\n', (root) => root, [1, 0, 2]],
      // Errors in the file: checked by parsing the result, as without the parse.
      ['services:\n  b: 1\n  a: 2\nx: 1\nx: 2\n', services, [1, 0]],
    ];
    for (const [text, pick, order] of cases) expect(applyParsed(text, pick, order)).toBe(apply(text, pick, order));
    expect(applyParsed('services:\n  b: &b\n    image: x\n  a: *b\n', services, [1, 0])).toBeNull();
    expect(applyParsed('a: &x [1]\nb: [*x, &y 2]\nc: *y\n', (root) => root, [2, 0, 1])).toBeNull();
    expect(applyParsed('x: &a 1\nservices:\n  c: *a\n  b: &a 2\n  a: *a\n', services, [2, 1, 0])).toBe('x: &a 1\nservices:\n  a: *a\n  b: &a 2\n  c: *a\n');
  });
});

describe('trimmedEnd', () => {
  it('ends where trimEnd would end the slice', () => {
    const text = 'key: value \t\n\u00a0\n  \u3000';
    for (let start = 0; start <= text.length + 1; start++) {
      for (let end = 0; end <= text.length + 2; end++) expect(trimmedEnd(text, start, end)).toBe(start + text.slice(start, end).trimEnd().length);
    }
  });
});

