import type { OffsetRange } from '@docmind-docker-lint/core';
import { describe, expect, it } from 'vitest';
import { dockerfileScriptText, fileRangeOf, nestedScriptText } from './script-text.js';

describe('dockerfileScriptText', () => {
  const run = 'apt-get install \\\n  # dropped\n  -y "x y"';

  it('maps every character of a text read again elsewhere (kept once, moved) to where it is now', () => {
    const first = `FROM a\nRUN ${run}\n`;
    const moved = `FROM a\nENV K=v\n\nRUN ${run}\n`;
    const shift = moved.indexOf('RUN') - first.indexOf('RUN');
    const span = (text: string): OffsetRange => [text.indexOf('apt-get'), text.length - 1];
    const before = dockerfileScriptText(first, span(first), '\\');
    const after = dockerfileScriptText(moved, span(moved), '\\');
    expect(after.text).toBe('apt-get install   -y "x y"');
    expect(after.starts).toEqual(before.starts.map((offset) => offset + shift));
    expect(after.ends).toEqual(before.ends.map((offset) => offset + shift));
    // Read through fileRangeOf (without the arrays) and from the arrays: the same ranges.
    for (let from = 0; from < after.text.length; from++) {
      for (const to of [from, from + 1, after.text.length]) {
        const expected = to <= from ? [after.starts[from], after.starts[from]] : [after.starts[from], after.ends[to - 1]];
        expect(fileRangeOf(after, [from, to])).toEqual(expected);
      }
    }
    expect(moved.slice(...fileRangeOf(after, [after.text.indexOf('-y'), after.text.length]))).toBe('-y "x y"');
  });

  it('places nested texts through a moved outer text', () => {
    const text = `FROM a\nRUN sh -c 'echo hi'\n`;
    const outer = dockerfileScriptText(text, [text.indexOf('sh'), text.length - 1], '\\');
    const open = outer.text.indexOf("'") + 1;
    const value = 'echo hi';
    const spans = Array.from({ length: value.length }, (_, index): OffsetRange => [open + index, open + index + 1]);
    const nested = nestedScriptText(outer, value, spans, open + value.length);
    expect(text.slice(...fileRangeOf(nested, [0, value.length]))).toBe('echo hi');
    expect(nested.starts.at(-1)).toBe(text.indexOf("hi'") + 2);
  });
});
