import { describe, expect, it } from 'vitest';
import { SourceFile } from '../source/source-file.js';
import type { DirectiveComment, LineSpan } from './directive.js';
import { parseDirectives } from './parse-directives.js';

/** Full-line and trailing `#` comments of a test text (no `#` inside quotes or heredocs in these inputs). */
function commentsOf(text: string): DirectiveComment[] {
  return [...text.matchAll(/(?:^|[ \t])(#[^\n]*)/gm)].map((match) => {
    const start = match.index + match[0].length - match[1]!.length;
    return { text: match[1]!, range: [start, start + match[1]!.length] };
  });
}

function parse(text: string, spanOfLineAt?: (line: number) => LineSpan) {
  const file = new SourceFile('/p/Dockerfile', text, 'dockerfile');
  return parseDirectives(text, commentsOf(text), (offset) => file.positionAt(offset).line, spanOfLineAt);
}

describe('parseDirectives: ours', () => {
  it('reads disable-next-line with rules and a reason, covering the next line', () => {
    const text = 'FROM python:3.12\n# docmind-docker-lint-disable-next-line rule-a, rule-b -- pinned upstream\nRUN pip install x\n';
    expect(parse(text)).toEqual([
      {
        kind: 'disable-next-line',
        origin: 'docmind',
        range: [17, 90],
        ids: ['rule-a', 'rule-b'],
        lines: { startLine: 3, endLine: 3 },
        reason: 'pinned upstream',
      },
    ]);
  });

  it('treats a directive without rules as naming every rule', () => {
    const [directive] = parse('# docmind-docker-lint-disable-next-line\nFROM x\n');
    expect(directive).toMatchObject({ ids: [], lines: { startLine: 2, endLine: 2 } });
    expect(directive).not.toHaveProperty('reason');
  });

  it('accepts a reason without rules and drops duplicate rule names', () => {
    expect(parse('# docmind-docker-lint-disable-next-line -- because\nFROM x\n')[0]).toMatchObject({
      ids: [],
      reason: 'because',
    });
    expect(parse('# docmind-docker-lint-disable-next-line a,a b\nFROM x\n')[0]!.ids).toEqual(['a', 'b']);
  });

  it('skips blank and comment lines to reach the next line with content', () => {
    const text = '# docmind-docker-lint-disable-next-line rule-a\n\n# why\n   \nFROM x\n';
    expect(parse(text)[0]!.lines).toEqual({ startLine: 5, endLine: 5 });
  });

  it('covers every line of a multi-line instruction, as the span callback tells', () => {
    const text = [
      'FROM python:3.12',
      '# docmind-docker-lint-disable-next-line rule-a',
      'RUN apt-get update \\',
      '    && apt-get install -y curl \\',
      '    && rm -rf /var/lib/apt/lists/*',
      'USER app',
    ].join('\n');
    const spans: LineSpan[] = [
      { startLine: 1, endLine: 1 },
      { startLine: 3, endLine: 5 },
      { startLine: 6, endLine: 6 },
    ];
    const spanOfLineAt = (line: number) =>
      spans.find((span) => span.startLine <= line && line <= span.endLine) ?? { startLine: line, endLine: line };
    expect(parse(text, spanOfLineAt)[0]!.lines).toEqual({ startLine: 3, endLine: 5 });
  });

  it('covers the line after the directive when nothing follows it', () => {
    expect(parse('FROM x\n# docmind-docker-lint-disable-next-line a')[0]!.lines).toEqual({ startLine: 3, endLine: 3 });
  });

  it('reads disable-file, for the whole file', () => {
    const text = 'FROM x\n# docmind-docker-lint-disable-file rule-a -- generated\n';
    expect(parse(text)).toEqual([
      {
        kind: 'disable-file',
        origin: 'docmind',
        range: [7, 61],
        ids: ['rule-a'],
        lines: null,
        reason: 'generated',
      },
    ]);
  });

  it('reads a trailing YAML comment and covers the next line', () => {
    const text = 'services:\n  app: # docmind-docker-lint-disable-next-line compose-rule\n    image: x\n';
    expect(parse(text)).toEqual([
      {
        kind: 'disable-next-line',
        origin: 'docmind',
        range: [17, 69],
        ids: ['compose-rule'],
        lines: { startLine: 3, endLine: 3 },
      },
    ]);
  });

  it('ignores look-alike comments', () => {
    const text = [
      '# docmind-docker-lint-disable-next-lines a',
      '# docmind-docker-lint-disable',
      '# see docmind-docker-lint-disable-file',
      '# Hadolint ignore=DL3006',
      '# hadolintignore=DL3006',
      'FROM x',
    ].join('\n');
    expect(parse(text)).toEqual([]);
  });
});

describe('parseDirectives: hadolint pragmas', () => {
  it('reads ignore= for the next instruction, with spaces around = and , and a # reason', () => {
    const text = 'FROM x\n#hadolint ignore = DL3008 , DL3015 # pinned by the base image\nRUN apt-get install -y curl\n';
    expect(parse(text)).toEqual([
      {
        kind: 'hadolint-ignore',
        origin: 'hadolint',
        range: [7, 68],
        ids: ['DL3008', 'DL3015'],
        lines: { startLine: 3, endLine: 3 },
        reason: 'pinned by the base image',
      },
    ]);
  });

  it('covers a multi-line instruction below it', () => {
    const text = '# hadolint ignore=DL3008\nRUN apt-get install \\\n  curl\n';
    const directives = parse(text, (line) => (line >= 2 && line <= 3 ? { startLine: 2, endLine: 3 } : { startLine: line, endLine: line }));
    expect(directives[0]!.lines).toEqual({ startLine: 2, endLine: 3 });
  });

  it('works only directly above the line, as in hadolint: a blank or comment line in between cancels it', () => {
    const blank = parse('# hadolint ignore=DL3006\n\nFROM x\n');
    expect(blank[0]!.lines).toEqual({ startLine: 2, endLine: 2 });
    const comment = parse('# hadolint ignore=DL3006\n# why\nFROM x\n');
    expect(comment.find((directive) => directive.origin === 'hadolint')!.lines).toEqual({ startLine: 2, endLine: 2 });
    // Of two stacked pragmas only the lower one reaches the instruction.
    const stacked = parse('# hadolint ignore=DL3006\n# hadolint ignore=DL3008\nFROM x\n');
    expect(stacked.map((directive) => [directive.ids, directive.lines])).toEqual([
      [['DL3006'], { startLine: 2, endLine: 2 }],
      [['DL3008'], { startLine: 3, endLine: 3 }],
    ]);
    // Our own directive still skips comments and blank lines.
    expect(parse('# docmind-docker-lint-disable-next-line a\n\n# why\nFROM x\n')[0]!.lines).toEqual({ startLine: 4, endLine: 4 });
  });

  it('reads global ignore= for the whole file', () => {
    expect(parse('FROM x\nRUN a\n# hadolint global ignore=DL3006,SC2086\n')).toEqual([
      {
        kind: 'hadolint-global-ignore',
        origin: 'hadolint',
        range: [13, 51],
        ids: ['DL3006', 'SC2086'],
        lines: null,
      },
    ]);
  });

  it('drops a pragma holding one malformed code, as hadolint does', () => {
    expect(parse('# hadolint ignore=crazy,DL3002\nFROM x\n')).toEqual([]);
    expect(parse('# hadolint ignore=DL3002,\nFROM x\n')).toEqual([]);
    expect(parse('# hadolint shell=powershell\nFROM x\n')).toEqual([]);
  });
});

describe('parseDirectives: BuildKit check=skip', () => {
  it('applies to the whole file in the top directive block (after # syntax= and a shebang)', () => {
    const text = '#!/usr/bin/env docker\n# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended,StageNameCasing\nFROM x\n';
    expect(parse(text)).toEqual([
      {
        kind: 'check-skip',
        origin: 'buildkit',
        range: [51, 99],
        ids: ['JSONArgsRecommended', 'StageNameCasing'],
        lines: null,
      },
    ]);
  });

  it('reads the key case-insensitively, the first token only, and skip among other options', () => {
    const text = '# CHECK = error=true;skip=StageNameCasing // keep lower-case stage names\nFROM x AS Build\n';
    expect(parse(text)).toEqual([
      {
        kind: 'check-skip',
        origin: 'buildkit',
        range: [0, 72],
        ids: ['StageNameCasing'],
        lines: null,
        reason: 'keep lower-case stage names',
      },
    ]);
  });

  it('turns skip=all into a directive for every rule', () => {
    expect(parse('# check=skip=all\nFROM x\n')[0]).toMatchObject({ ids: [], lines: null });
  });

  it('applies to the instruction below when it is not in the top block', () => {
    const text = 'FROM x\n# check=skip=SecretsUsedInArgOrEnv // test fixture\n\nENV password=bar \\\n  other=1\nARG y\n';
    const span = (line: number) => (line === 4 || line === 5 ? { startLine: 4, endLine: 5 } : { startLine: line, endLine: line });
    expect(parse(text, span)).toEqual([
      {
        kind: 'check-skip',
        origin: 'buildkit',
        range: [7, 57],
        ids: ['SecretsUsedInArgOrEnv'],
        lines: { startLine: 4, endLine: 5 },
        reason: 'test fixture',
      },
    ]);
  });

  it('is not a file directive after a leading blank line or an ordinary comment (the BuildKit trap)', () => {
    expect(parse('\n# check=skip=StageNameCasing\nFROM x AS Build\n')[0]!.lines).toEqual({ startLine: 3, endLine: 3 });
    expect(parse('# my image\n# check=skip=StageNameCasing\nFROM x AS Build\n')[0]!.lines).toEqual({
      startLine: 3,
      endLine: 3,
    });
  });

  it('is dropped when a bare # line separates it from the instruction', () => {
    expect(parse('FROM x\n# check=skip=JSONArgsRecommended\n#\nCMD a\n')).toEqual([]);
  });

  it('ignores check directives without skip', () => {
    expect(parse('# check=error=true\nFROM x\n')).toEqual([]);
    expect(parse('# check=skip=\nFROM x\n')).toEqual([]);
  });
});

describe('hadolint stage ignore', () => {
  it('covers the whole stage that starts below it, and no other', () => {
    const text = 'FROM a\nEXPOSE 1\n# hadolint stage ignore=DL3011\nFROM b\nEXPOSE 2\nRUN x\nFROM c\n';
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
    const comment = { text: '# hadolint stage ignore=DL3011', range: [text.indexOf('#'), text.indexOf('#') + 30] as const };
    const [directive] = parseDirectives(text, [comment], lineOf, (line) => ({ startLine: line, endLine: line }), (line) =>
      line === 4 ? { startLine: 4, endLine: 6 } : { startLine: line, endLine: line },
    );
    expect(directive).toMatchObject({ kind: 'hadolint-stage-ignore', origin: 'hadolint', ids: ['DL3011'], lines: { startLine: 4, endLine: 6 } });
  });
});
