import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFixPass } from './apply-fixes.js';
import type { FileEdit, FileText, FileTexts, Fix } from './types.js';

const DOCKERFILE = '/project/Dockerfile';
const DOCKERIGNORE = '/project/.dockerignore';
const COMPOSE = '/project/compose.yaml';

const plain = (text: string): FileText => ({ text, bom: false });
const replace = (file: string, start: number, end: number, text: string): FileEdit => ({ file, range: [start, end], text });
const create = (file: string, text: string): FileEdit => ({ file, range: [0, 0], text, create: true });
const fix = (...edits: FileEdit[]): Fix => ({ edits });
const textOf = (files: ReadonlyMap<string, FileText>, path: string): string | undefined => files.get(path)?.text;

describe('applyFixPass', () => {
  const dockerfile = 'FROM python:3.12\nRUN pip install flask\n';
  const files: FileTexts = new Map([[DOCKERFILE, plain(dockerfile)]]);

  it('applies fixes that do not meet and returns every file', () => {
    const pinTag = fix(replace(DOCKERFILE, 12, 16, '3.12-slim'));
    const noCache = fix(replace(DOCKERFILE, 32, 32, ' --no-cache-dir'));

    const result = applyFixPass(files, [pinTag, noCache]);

    expect(textOf(result.files, DOCKERFILE)).toBe('FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n');
    expect(result.applied).toEqual([pinTag, noCache]);
    expect(result.deferred).toEqual([]);
    expect(result.rejected).toEqual([]);
    expect(result.changedPaths).toEqual(new Set([DOCKERFILE]));
  });

  it('considers fixes in the order of their first edit, whatever order they come in', () => {
    const later = fix(replace(DOCKERFILE, 32, 32, ' --no-cache-dir'));
    const earlier = fix(replace(DOCKERFILE, 0, 4, 'from'));
    const overlapsEarlier = fix(replace(DOCKERFILE, 2, 6, 'XX'));

    const result = applyFixPass(files, [later, overlapsEarlier, earlier]);

    expect(result.applied).toEqual([earlier, later]);
    expect(result.deferred).toEqual([overlapsEarlier]);
    expect(textOf(result.files, DOCKERFILE)).toBe('from python:3.12\nRUN pip install --no-cache-dir flask\n');
  });

  it('keeps the given order for fixes whose first edits are equal', () => {
    const first = fix(replace(DOCKERFILE, 0, 4, 'from'));
    const second = fix(replace(DOCKERFILE, 0, 4, 'From'));

    expect(applyFixPass(files, [first, second]).applied).toEqual([first]);
    expect(applyFixPass(files, [second, first]).applied).toEqual([second]);
  });

  it('orders by file path before offsets', () => {
    const inDockerfile = fix(replace(DOCKERFILE, 0, 4, 'from'));
    const inCompose = fix(replace(COMPOSE, 0, 8, 'services'));
    const both = new Map([...files, [COMPOSE, plain('Services:\n')]]);

    expect(applyFixPass(both, [inDockerfile, inCompose]).applied).toEqual([inDockerfile, inCompose]);
  });

  describe('defers a fix that overlaps or touches one applied in the pass', () => {
    const cases: { name: string; first: FileEdit; second: FileEdit }[] = [
      { name: 'overlapping replacements', first: replace(DOCKERFILE, 5, 12, 'x'), second: replace(DOCKERFILE, 10, 16, 'y') },
      { name: 'a replacement inside another', first: replace(DOCKERFILE, 5, 16, 'x'), second: replace(DOCKERFILE, 12, 14, 'y') },
      { name: 'replacements sharing an endpoint', first: replace(DOCKERFILE, 5, 11, 'x'), second: replace(DOCKERFILE, 11, 16, 'y') },
      { name: 'an insertion where a replacement ends', first: replace(DOCKERFILE, 5, 11, 'x'), second: replace(DOCKERFILE, 11, 11, 'y') },
      { name: 'an insertion where a replacement starts', first: replace(DOCKERFILE, 11, 11, 'y'), second: replace(DOCKERFILE, 11, 16, 'x') },
      { name: 'two insertions at one offset', first: replace(DOCKERFILE, 11, 11, 'x'), second: replace(DOCKERFILE, 11, 11, 'y') },
      { name: 'an insertion inside a replacement', first: replace(DOCKERFILE, 5, 16, 'x'), second: replace(DOCKERFILE, 8, 8, 'y') },
    ];
    it.each(cases)('$name', ({ first, second }) => {
      const applied = fix(first);
      const waiting = fix(second);

      const result = applyFixPass(files, [applied, waiting]);

      expect(result.applied).toEqual([applied]);
      expect(result.deferred).toEqual([waiting]);
      expect(textOf(result.files, DOCKERFILE)).toBe(
        dockerfile.slice(0, first.range[0]) + first.text + dockerfile.slice(first.range[1]),
      );
    });
  });

  it('applies insertions at neighbouring offsets together', () => {
    const result = applyFixPass(files, [fix(replace(DOCKERFILE, 4, 4, '<')), fix(replace(DOCKERFILE, 5, 5, '>'))]);

    expect(result.applied).toHaveLength(2);
    expect(textOf(result.files, DOCKERFILE)).toBe('FROM< >python:3.12\nRUN pip install flask\n');
  });

  it("applies a fix's own touching edits, insertions at one offset in the order given", () => {
    const wrap = fix(
      replace(DOCKERFILE, 5, 5, '"'),
      replace(DOCKERFILE, 5, 5, '${BASE:-'),
      replace(DOCKERFILE, 5, 11, 'python'),
      replace(DOCKERFILE, 16, 16, '}"'),
    );

    const result = applyFixPass(files, [wrap]);

    expect(textOf(result.files, DOCKERFILE)).toBe('FROM "${BASE:-python:3.12}"\nRUN pip install flask\n');
  });

  it('rejects a fix whose own edits overlap', () => {
    const broken = fix(replace(DOCKERFILE, 0, 6, 'x'), replace(DOCKERFILE, 5, 8, 'y'));

    const result = applyFixPass(files, [broken]);

    expect(result.rejected).toEqual([{ fix: broken, reason: 'edits-overlap' }]);
    expect(result.files.get(DOCKERFILE)).toBe(files.get(DOCKERFILE));
    expect(result.changedPaths).toEqual(new Set());
  });

  describe('applies a fix across files all or nothing', () => {
    const both: FileTexts = new Map([
      [DOCKERFILE, plain('FROM python:3.12\nCOPY . .\n')],
      [DOCKERIGNORE, plain('.git\n')],
    ]);
    const ignoreEnv = fix(replace(DOCKERIGNORE, 5, 5, '.env\n'), replace(DOCKERFILE, 17, 25, 'COPY app/ ./app/'));

    it('applies every edit when none conflicts', () => {
      const result = applyFixPass(both, [ignoreEnv]);

      expect(textOf(result.files, DOCKERFILE)).toBe('FROM python:3.12\nCOPY app/ ./app/\n');
      expect(textOf(result.files, DOCKERIGNORE)).toBe('.git\n.env\n');
      expect(result.changedPaths).toEqual(new Set([DOCKERFILE, DOCKERIGNORE]));
    });

    it('applies none of its edits when one conflicts', () => {
      const ignoreVenv = fix(replace(DOCKERIGNORE, 0, 5, '.git\n.venv\n'));

      const result = applyFixPass(both, [ignoreEnv, ignoreVenv]);

      expect(result.applied).toEqual([ignoreVenv]);
      expect(result.deferred).toEqual([ignoreEnv]);
      expect(textOf(result.files, DOCKERIGNORE)).toBe('.git\n.venv\n');
      expect(textOf(result.files, DOCKERFILE)).toBe('FROM python:3.12\nCOPY . .\n');
      expect(result.changedPaths).toEqual(new Set([DOCKERIGNORE]));
    });
  });

  describe('creating files', () => {
    const withAbsentIgnore: FileTexts = new Map([...files, [DOCKERIGNORE, undefined]]);

    it('creates a file known not to exist, without a BOM', () => {
      const result = applyFixPass(withAbsentIgnore, [fix(create(DOCKERIGNORE, '.git\n.env\n'))]);

      expect(result.files.get(DOCKERIGNORE)).toEqual({ text: '.git\n.env\n', bom: false });
      expect(result.changedPaths).toEqual(new Set([DOCKERIGNORE]));
    });

    it('creates an empty file', () => {
      const result = applyFixPass(withAbsentIgnore, [fix(create(DOCKERIGNORE, ''))]);

      expect(result.files.get(DOCKERIGNORE)).toEqual({ text: '', bom: false });
    });

    it('defers a second create of the same file to the next pass', () => {
      const first = fix(create(DOCKERIGNORE, '.git\n'));
      const second = fix(create(DOCKERIGNORE, '.env\n'));

      const result = applyFixPass(withAbsentIgnore, [first, second]);

      expect(result.applied).toEqual([first]);
      expect(result.deferred).toEqual([second]);
      expect(textOf(result.files, DOCKERIGNORE)).toBe('.git\n');
    });

    it('creates a file and edits another in one fix', () => {
      const result = applyFixPass(withAbsentIgnore, [fix(create(DOCKERIGNORE, '.env\n'), replace(DOCKERFILE, 0, 4, 'from'))]);

      expect(textOf(result.files, DOCKERIGNORE)).toBe('.env\n');
      expect(textOf(result.files, DOCKERFILE)).toBe('from python:3.12\nRUN pip install flask\n');
    });

    const rejections: { name: string; files: FileTexts; edits: FileEdit[]; reason: string }[] = [
      { name: 'a create of an existing file', files, edits: [create(DOCKERFILE, 'FROM scratch\n')], reason: 'file-exists' },
      { name: 'a create of a path the caller did not load', files, edits: [create(DOCKERIGNORE, '.env\n')], reason: 'file-not-loaded' },
      { name: 'a create with a non-empty range', files: withAbsentIgnore, edits: [{ ...create(DOCKERIGNORE, 'x'), range: [0, 1] }], reason: 'create-range-not-empty' },
      { name: 'a create and an edit of the same file', files: withAbsentIgnore, edits: [create(DOCKERIGNORE, 'x'), replace(DOCKERIGNORE, 0, 0, 'y')], reason: 'file-missing' },
      { name: 'two creates of the same file in one fix', files: withAbsentIgnore, edits: [create(DOCKERIGNORE, 'x'), create(DOCKERIGNORE, 'y')], reason: 'edits-overlap' },
      { name: 'an edit of a file that does not exist', files: withAbsentIgnore, edits: [replace(DOCKERIGNORE, 0, 0, '.env\n')], reason: 'file-missing' },
      { name: 'an edit of a path the caller did not load', files, edits: [replace(COMPOSE, 0, 0, 'x')], reason: 'file-not-loaded' },
    ];
    it.each(rejections)('rejects $name', ({ files: input, edits, reason }) => {
      const rejected = fix(...edits);

      const result = applyFixPass(input, [rejected]);

      expect(result.rejected).toEqual([{ fix: rejected, reason }]);
      expect(result.applied).toEqual([]);
      expect([...result.files.keys()]).toEqual([DOCKERFILE]);
    });
  });

  describe('rejects ranges the text cannot take', () => {
    const cases: { name: string; range: [number, number]; reason: string }[] = [
      { name: 'a negative start', range: [-1, 2], reason: 'invalid-range' },
      { name: 'an end past the text', range: [0, dockerfile.length + 1], reason: 'invalid-range' },
      { name: 'a start after the end', range: [4, 2], reason: 'invalid-range' },
      { name: 'a fractional offset', range: [1.5, 2], reason: 'invalid-range' },
      { name: 'a NaN offset', range: [Number.NaN, 2], reason: 'invalid-range' },
    ];
    it.each(cases)('$name', ({ range, reason }) => {
      const rejected = fix({ file: DOCKERFILE, range, text: 'x' });

      expect(applyFixPass(files, [rejected]).rejected).toEqual([{ fix: rejected, reason }]);
    });

    it('an edge between the halves of a surrogate pair', () => {
      const emoji: FileTexts = new Map([[DOCKERFILE, plain('# 🐳\n')]]);
      const rejected = fix(replace(DOCKERFILE, 3, 3, 'x'));
      const accepted = fix(replace(DOCKERFILE, 2, 4, '🐋'));

      const result = applyFixPass(emoji, [rejected, accepted]);

      expect(result.rejected).toEqual([{ fix: rejected, reason: 'splits-surrogate-pair' }]);
      expect(textOf(result.files, DOCKERFILE)).toBe('# 🐋\n');
    });

    it('at the end of the text, which is a valid insertion point', () => {
      const result = applyFixPass(files, [fix(replace(DOCKERFILE, dockerfile.length, dockerfile.length, 'USER app\n'))]);

      expect(textOf(result.files, DOCKERFILE)).toBe(`${dockerfile}USER app\n`);
    });
  });

  it('rejects fixes that change nothing, so they never count as applied', () => {
    const empty = fix();
    const same = fix(replace(DOCKERFILE, 0, 4, 'FROM'), replace(DOCKERFILE, 17, 17, ''));

    const result = applyFixPass(files, [empty, same]);

    expect(result.rejected).toEqual([
      { fix: empty, reason: 'no-change' },
      { fix: same, reason: 'no-change' },
    ]);
    expect(result.changedPaths).toEqual(new Set());
  });

  it('keeps CRLF line endings, the BOM flag and every byte outside the edit', () => {
    const windows: FileTexts = new Map([[DOCKERFILE, { text: 'FROM alpine\r\n\tRUN echo hi  \r\n# end', bom: true }]]);

    const result = applyFixPass(windows, [fix(replace(DOCKERFILE, 5, 11, 'alpine:3.20'))]);

    expect(result.files.get(DOCKERFILE)).toEqual({ text: 'FROM alpine:3.20\r\n\tRUN echo hi  \r\n# end', bom: true });
  });

  it('leaves the input map and its texts untouched', () => {
    const input = new Map([[DOCKERFILE, plain(dockerfile)], [DOCKERIGNORE, undefined]]);

    applyFixPass(input, [fix(replace(DOCKERFILE, 0, 4, 'from')), fix(create(DOCKERIGNORE, 'x'))]);

    expect(input).toEqual(new Map([[DOCKERFILE, plain(dockerfile)], [DOCKERIGNORE, undefined]]));
  });

  describe('properties', () => {
    const PATHS = [DOCKERFILE, COMPOSE] as const;
    const chunk = fc.constantFrom('a', 'b', ' ', '\t', '\r\n', '\n', '\r', 'é', '🐳', '\uFEFF', '#');
    const text = fc.oneof(
      { weight: 4, arbitrary: fc.array(chunk, { maxLength: 20 }).map((parts) => parts.join('')) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
    );
    const fileText = fc.record({ text, bom: fc.boolean() });
    const editText = fc.constantFrom('', 'x', 'yz', '\r\n', '🐋', 'a\u0301');

    const scenario = fc.tuple(fileText, fileText).chain(([dockerfileText, composeText]) => {
      const input: FileTexts = new Map([
        [DOCKERFILE, dockerfileText],
        [COMPOSE, composeText],
        [DOCKERIGNORE, undefined],
      ]);
      const rangeIn = (length: number) =>
        fc.oneof(
          { weight: 9, arbitrary: fc.tuple(fc.nat(length), fc.nat(length)).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const) },
          { weight: 1, arbitrary: fc.tuple(fc.integer({ min: -1, max: length + 1 }), fc.integer({ min: -1, max: length + 1 })) },
        );
      const editOf = (path: (typeof PATHS)[number]) =>
        fc
          .tuple(rangeIn(input.get(path)?.text.length ?? 0), editText)
          .map(([range, replacement]): FileEdit => ({ file: path, range, text: replacement }));
      const edit = fc.oneof(
        { weight: 10, arbitrary: fc.constantFrom(...PATHS).chain(editOf) },
        { weight: 1, arbitrary: fc.constantFrom(DOCKERIGNORE, DOCKERFILE).chain((path) => editText.map((t) => create(path, t))) },
      );
      const fixes = fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits): Fix => ({ edits })), { maxLength: 8 });
      return fc.tuple(fc.constant(input), fixes);
    });

    const appliedEditsOf = (applied: readonly Fix[], path: string): FileEdit[] =>
      applied
        .flatMap((f) => f.edits.filter((e) => e.file === path && !e.create))
        .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);

    it('puts every applied text at its mapped position and keeps every other character in order', () => {
      fc.assert(
        fc.property(scenario, ([input, fixes]) => {
          const result = applyFixPass(input, fixes);

          for (const path of PATHS) {
            const before = input.get(path) as FileText;
            const after = result.files.get(path) as FileText;
            expect(after.bom).toBe(before.bom);
            let cursor = 0;
            let outCursor = 0;
            const expectNext = (expected: string) => {
              expect(after.text.slice(outCursor, outCursor + expected.length)).toBe(expected);
              outCursor += expected.length;
            };
            for (const edit of appliedEditsOf(result.applied, path)) {
              expectNext(before.text.slice(cursor, edit.range[0]));
              expectNext(edit.text);
              cursor = edit.range[1];
            }
            expectNext(before.text.slice(cursor));
            expect(after.text).toHaveLength(outCursor);
            expect(result.changedPaths.has(path)).toBe(after.text !== before.text);
          }
          const created = result.applied.flatMap((f) => f.edits.filter((e) => e.create));
          expect(created.length).toBeLessThanOrEqual(1);
          for (const edit of created) expect(result.files.get(edit.file)).toEqual({ text: edit.text, bom: false });
        }),
        { numRuns: 200 },
      );
    });

    it('never applies two fixes whose edits overlap or touch', () => {
      fc.assert(
        fc.property(scenario, ([input, fixes]) => {
          const result = applyFixPass(input, fixes);

          const owned = result.applied.flatMap((f, owner) => f.edits.map((edit) => ({ edit, owner })));
          for (const [i, a] of owned.entries()) {
            for (const b of owned.slice(i + 1)) {
              if (a.edit.file !== b.edit.file) continue;
              const [aStart, aEnd] = a.edit.range;
              const [bStart, bEnd] = b.edit.range;
              if (a.owner !== b.owner) expect(aStart <= bEnd && bStart <= aEnd).toBe(false);
              else expect(aStart < bEnd && bStart < aEnd).toBe(false);
            }
          }
        }),
        { numRuns: 200 },
      );
    });

    it('sorts every fix into exactly one outcome: deferred fixes apply alone, rejected ones never do', () => {
      fc.assert(
        fc.property(scenario, ([input, fixes]) => {
          const result = applyFixPass(input, fixes);

          const outcomes = [...result.applied, ...result.deferred, ...result.rejected.map((r) => r.fix)];
          expect(new Set(outcomes)).toEqual(new Set(fixes));
          expect(outcomes).toHaveLength(fixes.length);
          for (const deferred of result.deferred) expect(applyFixPass(input, [deferred]).applied).toEqual([deferred]);
          for (const { fix: rejected, reason } of result.rejected) {
            expect(applyFixPass(input, [rejected]).rejected).toEqual([{ fix: rejected, reason }]);
          }
          if (result.rejected.length < fixes.length) expect(result.applied.length).toBeGreaterThan(0);
        }),
        { numRuns: 200 },
      );
    });
  });
});
