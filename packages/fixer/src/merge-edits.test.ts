import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSingleEdit } from './merge-edits.js';
import type { TextEdit } from './types.js';

const edit = (start: number, end: number, text: string): TextEdit => ({ range: [start, end], text });

describe('toSingleEdit', () => {
  const text = 'CMD python app.py\n';

  it('spans the edits and keeps the text between them', () => {
    expect(toSingleEdit(text, [edit(4, 4, '["'), edit(10, 11, '", "'), edit(17, 17, '"]')])).toEqual({
      range: [4, 17],
      text: '["python", "app.py"]',
    });
  });

  it('returns a lone edit as it is', () => {
    expect(toSingleEdit(text, [edit(0, 3, 'ENTRYPOINT')])).toEqual({ range: [0, 3], text: 'ENTRYPOINT' });
  });

  it('sorts the edits first, keeping the given order of insertions at one offset', () => {
    expect(toSingleEdit(text, [edit(11, 17, 'main.py'), edit(4, 4, 'exec '), edit(4, 4, '-- ')])).toEqual({
      range: [4, 17],
      text: 'exec -- python main.py',
    });
  });

  it.each([
    { name: 'no edits', edits: [] },
    { name: 'overlapping edits', edits: [edit(0, 5, 'a'), edit(4, 6, 'b')] },
    { name: 'a range past the text', edits: [edit(0, text.length + 1, 'a')] },
    { name: 'a reversed range', edits: [edit(5, 4, 'a')] },
  ])('throws a RangeError for $name', ({ edits }) => {
    expect(() => toSingleEdit(text, edits)).toThrow(RangeError);
  });

  it('gives the same text as applying the edits one by one, in any order given', () => {
    // Cut points of the text; each gap becomes a replacement or an insertion at its start.
    const scenario = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 30 }).chain((source) =>
      fc
        .uniqueArray(fc.nat(source.length), { minLength: 2, maxLength: 8 })
        .chain((offsets) => {
          const cuts = offsets.sort((a, b) => a - b);
          const edits = cuts.slice(1).map((end, index) =>
            fc.tuple(fc.boolean(), fc.string({ maxLength: 3 })).map(([insertion, replacement]) => {
              const start = cuts[index] as number;
              return edit(start, insertion ? start : end, replacement);
            }),
          );
          return fc.tuple(...edits);
        })
        .chain((edits) => fc.tuple(fc.constant(source), fc.constant(edits), fc.shuffledSubarray(edits, { minLength: edits.length }))),
    );

    fc.assert(
      fc.property(scenario, ([source, sortedEdits, shuffledEdits]) => {
        const merged = toSingleEdit(source, shuffledEdits);

        const oneByOne = sortedEdits.reduceRight((acc, e) => acc.slice(0, e.range[0]) + e.text + acc.slice(e.range[1]), source);
        expect(source.slice(0, merged.range[0]) + merged.text + source.slice(merged.range[1])).toBe(oneByOne);
      }),
      { numRuns: 200 },
    );
  });
});
