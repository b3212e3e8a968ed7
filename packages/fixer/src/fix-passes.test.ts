import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { type GetFixes, runFixPasses } from './fix-passes.js';
import type { FileEdit, FileText, FileTexts, Fix } from './types.js';

const DOCKERFILE = '/project/Dockerfile';
const DOCKERIGNORE = '/project/.dockerignore';

const plain = (text: string): FileText => ({ text, bom: false });
const replace = (file: string, start: number, end: number, text: string): FileEdit => ({ file, range: [start, end], text });
const fix = (...edits: FileEdit[]): Fix => ({ edits });
const textOf = (files: FileTexts, path: string): string => files.get(path)?.text ?? '';

/** A rule-like getFixes: one fix per lowercase `a`, replacing it by `b`; neighbouring `a`s touch. */
const replaceEveryA = (files: FileTexts): Fix[] =>
  [...textOf(files, DOCKERFILE).matchAll(/a/g)].map((match) => fix(replace(DOCKERFILE, match.index, match.index + 1, 'b')));

describe('runFixPasses', () => {
  it('stops clean when a pass finds nothing to apply', () => {
    const getFixes = vi.fn<GetFixes>(replaceEveryA);

    const result = runFixPasses(new Map([[DOCKERFILE, plain('FROM alpine\n')]]), getFixes);

    expect(result).toEqual({
      files: new Map([[DOCKERFILE, plain('FROM blpine\n')]]),
      passes: 1,
      appliedCount: 1,
      stoppedBy: 'clean',
      changedPaths: new Set([DOCKERFILE]),
    });
    expect(getFixes.mock.calls.map(([, pass]) => pass)).toEqual([1, 2]);
  });

  it('asks again for the fixes a conflict deferred, against the new text', () => {
    const getFixes = vi.fn<GetFixes>(replaceEveryA);

    const result = runFixPasses(new Map([[DOCKERFILE, plain('aaa')]]), getFixes);

    // Pass 1 applies the first and third `a`; the second touches both and waits for pass 2.
    expect(textOf(result.files, DOCKERFILE)).toBe('bbb');
    expect(result.passes).toBe(2);
    expect(result.appliedCount).toBe(3);
    expect(getFixes.mock.calls.map(([files]) => textOf(files, DOCKERFILE))).toEqual(['aaa', 'bab', 'bbb']);
  });

  it('returns the unchanged files and no changed path when nothing is fixable', () => {
    const initial = new Map([[DOCKERFILE, plain('FROM scratch\n')]]);

    const result = runFixPasses(initial, () => []);

    expect(result).toEqual({ files: initial, passes: 0, appliedCount: 0, stoppedBy: 'clean', changedPaths: new Set() });
  });

  it('does not loop on fixes that change nothing', () => {
    const result = runFixPasses(new Map([[DOCKERFILE, plain('FROM scratch\n')]]), () => [fix(replace(DOCKERFILE, 0, 4, 'FROM'))]);

    expect(result.stoppedBy).toBe('clean');
    expect(result.passes).toBe(0);
  });

  it('stops after 10 passes by default, with the edits of all 10', () => {
    const getFixes = vi.fn((files: FileTexts) => [fix(replace(DOCKERFILE, textOf(files, DOCKERFILE).length, textOf(files, DOCKERFILE).length, '#'))]);

    const result = runFixPasses(new Map([[DOCKERFILE, plain('')]]), getFixes);

    expect(result.stoppedBy).toBe('max-passes');
    expect(result.passes).toBe(10);
    expect(result.appliedCount).toBe(10);
    expect(textOf(result.files, DOCKERFILE)).toBe('##########');
    expect(getFixes).toHaveBeenCalledTimes(10);
  });

  it('takes another pass limit', () => {
    const grow = () => [fix(replace(DOCKERFILE, 0, 0, '#'))];

    const result = runFixPasses(new Map([[DOCKERFILE, plain('')]]), grow, { maxPasses: 3 });

    expect(result).toMatchObject({ passes: 3, stoppedBy: 'max-passes' });
    expect(textOf(result.files, DOCKERFILE)).toBe('###');
  });

  it.each([0, -1, 2.5, Number.NaN])('refuses maxPasses %s', (maxPasses) => {
    expect(() => runFixPasses(new Map(), () => [], { maxPasses })).toThrow(RangeError);
  });

  describe('stops on a cycle with the state before the repeat', () => {
    const cycleThrough = (states: string[]) => (files: FileTexts) => {
      const current = textOf(files, DOCKERFILE);
      const next = states[(states.indexOf(current) + 1) % states.length] ?? '';
      return [fix(replace(DOCKERFILE, 0, current.length, next))];
    };

    it('A -> B -> A keeps B', () => {
      const result = runFixPasses(new Map([[DOCKERFILE, plain('USER root\n')]]), cycleThrough(['USER root\n', 'USER app\n']));

      expect(result).toEqual({
        files: new Map([[DOCKERFILE, plain('USER app\n')]]),
        passes: 1,
        appliedCount: 1,
        stoppedBy: 'cycle',
        changedPaths: new Set([DOCKERFILE]),
      });
    });

    it('A -> B -> C -> A keeps C', () => {
      const result = runFixPasses(new Map([[DOCKERFILE, plain('A')]]), cycleThrough(['A', 'B', 'C']));

      expect(result).toMatchObject({ passes: 2, appliedCount: 2, stoppedBy: 'cycle' });
      expect(textOf(result.files, DOCKERFILE)).toBe('C');
    });

    it('a cycle through two files', () => {
      const initial = new Map([
        [DOCKERFILE, plain('x')],
        [DOCKERIGNORE, plain('x')],
      ]);
      const moveTheX = (files: FileTexts) =>
        textOf(files, DOCKERFILE) === 'x'
          ? [fix(replace(DOCKERFILE, 0, 1, ''), replace(DOCKERIGNORE, 1, 1, 'x'))]
          : [fix(replace(DOCKERFILE, 0, 0, 'x'), replace(DOCKERIGNORE, 1, 2, ''))];

      const result = runFixPasses(initial, moveTheX);

      expect(result.stoppedBy).toBe('cycle');
      expect(result.files).toEqual(new Map([[DOCKERFILE, plain('')], [DOCKERIGNORE, plain('xx')]]));
    });
  });

  it('lets a later pass edit a file an earlier pass created', () => {
    const initial: FileTexts = new Map([
      [DOCKERFILE, plain('FROM python:3.12\n')],
      [DOCKERIGNORE, undefined],
    ]);
    const ignoreSecrets = (files: FileTexts): Fix[] => {
      const ignore = files.get(DOCKERIGNORE);
      if (ignore === undefined) return [fix({ file: DOCKERIGNORE, range: [0, 0], text: '.git\n', create: true })];
      return ignore.text.includes('.env') ? [] : [fix(replace(DOCKERIGNORE, ignore.text.length, ignore.text.length, '.env\n'))];
    };

    const result = runFixPasses(initial, ignoreSecrets);

    expect(result.files).toEqual(
      new Map([
        [DOCKERFILE, plain('FROM python:3.12\n')],
        [DOCKERIGNORE, plain('.git\n.env\n')],
      ]),
    );
    expect(result.changedPaths).toEqual(new Set([DOCKERIGNORE]));
    expect(result.passes).toBe(2);
  });

  it('reports as changed only the files whose final text differs from the initial one', () => {
    const initial = new Map([
      [DOCKERFILE, plain('x')],
      [DOCKERIGNORE, plain('')],
    ]);
    const passes: Fix[][] = [
      [fix(replace(DOCKERFILE, 0, 1, 'y'))],
      [fix(replace(DOCKERFILE, 0, 1, 'x'), replace(DOCKERIGNORE, 0, 0, '.env\n'))],
    ];

    const result = runFixPasses(initial, (_files, pass) => passes[pass - 1] ?? []);

    expect(result.changedPaths).toEqual(new Set([DOCKERIGNORE]));
    expect(result.passes).toBe(2);
  });

  it('keeps the BOM and CRLF line endings through passes', () => {
    const result = runFixPasses(new Map([[DOCKERFILE, { text: 'FROM alpine\r\nRUN apk add bash\r\n', bom: true }]]), replaceEveryA);

    expect(result.files.get(DOCKERFILE)).toEqual({ text: 'FROM blpine\r\nRUN bpk bdd bbsh\r\n', bom: true });
  });

  it('converges on a fixed point that a second run leaves alone', () => {
    const endsWithNewline = (files: FileTexts): Fix[] => {
      const length = textOf(files, DOCKERFILE).length;
      return textOf(files, DOCKERFILE).endsWith('\n') ? [] : [fix(replace(DOCKERFILE, length, length, '\n'))];
    };
    const getFixes = (files: FileTexts): Fix[] => [...replaceEveryA(files), ...endsWithNewline(files)];
    const chunk = fc.constantFrom('a', 'aa', 'b', ' ', '\r\n', '\n', 'é', '🐳', '\uFEFF');

    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 30 }), fc.boolean(), (parts, bom) => {
        const text = parts.join('');
        const first = runFixPasses(new Map([[DOCKERFILE, { text, bom }]]), getFixes);

        const expected = text.replaceAll('a', 'b');
        expect(first.files.get(DOCKERFILE)).toEqual({ text: expected.endsWith('\n') ? expected : `${expected}\n`, bom });
        expect(first.stoppedBy).toBe('clean');
        const second = runFixPasses(first.files, getFixes);
        expect(second).toMatchObject({ appliedCount: 0, passes: 0, stoppedBy: 'clean', changedPaths: new Set() });
        expect(second.files).toEqual(first.files);
      }),
      { numRuns: 200 },
    );
  });
});
