import { describe, expect, it } from 'vitest';
import { SourceFile } from '../source/source-file.js';
import type { LintMessage } from '../types/results.js';
import { applyDirectives, type RuleSourcesOf } from './apply-directives.js';
import type { Directive, LineSpan } from './directive.js';
import { parseDirectives } from './parse-directives.js';

const sources: Record<string, { hadolint?: string[]; buildkit?: string[] }> = {
  'image-tag-pinned': { hadolint: ['DL3006', 'DL3007'] },
  'cmd-exec-form': { buildkit: ['JSONArgsRecommended'] },
  'user-not-root': { hadolint: ['DL3002'] },
};
const ruleSources: RuleSourcesOf = (ruleId) => sources[ruleId];

/** A problem on a whole line of `file`. */
function problemAt(file: SourceFile, line: number, ruleId: string | null, extra: Partial<LintMessage> = {}): LintMessage {
  const start = file.lineStarts[line - 1]!;
  const end = file.lineEndOffset(line - 1);
  return {
    ruleId,
    severity: 2,
    message: `${ruleId ?? 'parse'} problem`,
    line,
    column: 1,
    endLine: line,
    endColumn: end - start + 1,
    range: [start, end],
    ...extra,
  };
}

function lint(text: string, problems: readonly [line: number, ruleId: string | null][], reportUnused: 0 | 1 | 2 = 0) {
  const file = new SourceFile('/p/Dockerfile', text, 'dockerfile');
  const comments = [...text.matchAll(/^[ \t]*(#.*)$/gm)].map((match) => {
    const start = match.index + match[0].length - match[1]!.length;
    return { text: match[1]!, range: [start, start + match[1]!.length] as const };
  });
  const spanOfLineAt = (line: number): LineSpan => {
    // Lines ending in `\` continue on the next line, as in a Dockerfile.
    let start = line;
    while (start > 1 && file.text.slice(file.lineStarts[start - 2], file.lineEndOffset(start - 2)).endsWith('\\')) start--;
    let end = line;
    while (end < file.lineCount && file.text.slice(file.lineStarts[end - 1], file.lineEndOffset(end - 1)).endsWith('\\')) end++;
    return { startLine: start, endLine: end };
  };
  const directives = parseDirectives(text, comments, (offset) => file.positionAt(offset).line, spanOfLineAt);
  const messages = problems.map(([line, ruleId]) => problemAt(file, line, ruleId));
  const result = applyDirectives(messages, directives, ruleSources, { reportUnused }, (offset) => file.positionAt(offset));
  return {
    kept: result.messages.map((message) => `${message.line}:${message.ruleId}`),
    suppressed: result.suppressed.map((message) => `${message.line}:${message.ruleId}`),
    unused: result.unused,
  };
}

describe('applyDirectives', () => {
  it('silences the named rules on the covered line only', () => {
    const text = 'FROM a\n# docmind-docker-lint-disable-next-line image-tag-pinned\nFROM b\nFROM c\n';
    expect(lint(text, [[1, 'image-tag-pinned'], [3, 'image-tag-pinned'], [3, 'other'], [4, 'image-tag-pinned']])).toEqual({
      kept: ['1:image-tag-pinned', '3:other', '4:image-tag-pinned'],
      suppressed: ['3:image-tag-pinned'],
      unused: [],
    });
  });

  it('silences every rule when the directive names none', () => {
    const text = '# docmind-docker-lint-disable-next-line\nFROM b\nFROM c\n';
    expect(lint(text, [[2, 'image-tag-pinned'], [2, 'other'], [3, 'other']])).toMatchObject({
      kept: ['3:other'],
      suppressed: ['2:image-tag-pinned', '2:other'],
    });
  });

  it('silences problems on every line of a multi-line instruction below the directive', () => {
    const text = 'FROM a\n# docmind-docker-lint-disable-next-line pin\nRUN apt-get install \\\n  curl \\\n  git\nRUN x\n';
    expect(lint(text, [[4, 'pin'], [5, 'pin'], [6, 'pin']])).toMatchObject({
      kept: ['6:pin'],
      suppressed: ['4:pin', '5:pin'],
    });
  });

  it('silences a rule in the whole file with disable-file', () => {
    const text = 'FROM a\n# docmind-docker-lint-disable-file image-tag-pinned\nFROM b\n';
    expect(lint(text, [[1, 'image-tag-pinned'], [3, 'image-tag-pinned'], [3, 'other']])).toMatchObject({
      kept: ['3:other'],
      suppressed: ['1:image-tag-pinned', '3:image-tag-pinned'],
    });
  });

  it('never silences fatal problems', () => {
    const file = new SourceFile('/p/Dockerfile', '# docmind-docker-lint-disable-file\nFROM a\n', 'dockerfile');
    const directives = parseDirectives(file.text, [{ text: '# docmind-docker-lint-disable-file', range: [0, 34] }], (o) => file.positionAt(o).line);
    const parseError = problemAt(file, 2, null, { fatal: true });
    const crashedRule = problemAt(file, 2, 'image-tag-pinned', { fatal: true });
    const result = applyDirectives([parseError, crashedRule], directives, ruleSources, { reportUnused: 0 }, (o) => file.positionAt(o));
    expect(result.messages).toEqual([parseError, crashedRule]);
    expect(result.suppressed).toEqual([]);
  });

  it('maps hadolint codes onto the rules that list them in sources.hadolint', () => {
    const text = 'FROM a\n# hadolint ignore=DL3006,DL3002\nFROM b\nUSER root\n# hadolint global ignore=DL3002\n';
    expect(lint(text, [[3, 'image-tag-pinned'], [3, 'cmd-exec-form'], [4, 'user-not-root'], [1, 'image-tag-pinned']])).toMatchObject({
      kept: ['3:cmd-exec-form', '1:image-tag-pinned'],
      suppressed: ['3:image-tag-pinned', '4:user-not-root'],
    });
  });

  it('maps BuildKit check names onto the rules that list them in sources.buildkit', () => {
    const text = '# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended\nFROM a\nCMD python app.py\n';
    expect(lint(text, [[4, 'cmd-exec-form'], [3, 'image-tag-pinned']])).toMatchObject({
      kept: ['3:image-tag-pinned'],
      suppressed: ['4:cmd-exec-form'],
    });
  });

  it('skips every rule with check=skip=all, and only the instruction below when not at the top', () => {
    expect(lint('# check=skip=all\nFROM a\nRUN x\n', [[2, 'image-tag-pinned'], [3, 'other']]).kept).toEqual([]);
    const perInstruction = 'FROM a\n# check=skip=all\nCMD x\nCMD y\n';
    expect(lint(perInstruction, [[3, 'cmd-exec-form'], [4, 'cmd-exec-form']])).toMatchObject({
      kept: ['4:cmd-exec-form'],
      suppressed: ['3:cmd-exec-form'],
    });
  });

  it('accepts peer ids in our own directives', () => {
    const text = '# docmind-docker-lint-disable-next-line DL3006, JSONArgsRecommended\nFROM a\n';
    expect(lint(text, [[2, 'image-tag-pinned'], [2, 'cmd-exec-form'], [2, 'user-not-root']])).toMatchObject({
      kept: ['2:user-not-root'],
      suppressed: ['2:image-tag-pinned', '2:cmd-exec-form'],
    });
  });

  it('does not let a peer id silence a rule that does not list it', () => {
    expect(lint('# hadolint ignore=DL3006\nFROM a\n', [[2, 'unknown-rule']]).kept).toEqual(['2:unknown-rule']);
  });
});

describe('applyDirectives: unused directives', () => {
  it('reports each named rule that silenced nothing, at the directive, with the given severity', () => {
    const text = 'FROM a\n# docmind-docker-lint-disable-next-line image-tag-pinned, user-not-root -- why\nFROM b\n';
    expect(lint(text, [[3, 'image-tag-pinned']], 1).unused).toEqual([
      {
        ruleId: null,
        severity: 1,
        message: "Unused docmind-docker-lint-disable directive (no problems were reported from 'user-not-root').",
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 79,
        range: [7, 85],
      },
    ]);
  });

  it('reports a directive without rules that silenced nothing', () => {
    const { unused } = lint('FROM a\n# docmind-docker-lint-disable-file\n', [], 2);
    expect(unused.map((message) => [message.severity, message.line, message.message])).toEqual([
      [2, 2, 'Unused docmind-docker-lint-disable directive (no problems were reported).'],
    ]);
  });

  it('reports nothing when reportUnused is 0', () => {
    expect(lint('# docmind-docker-lint-disable-file a\nFROM b\n', [], 0).unused).toEqual([]);
  });

  it('never reports peer pragmas, which may target the peer tool itself', () => {
    const text = '# check=skip=StageNameCasing\n# hadolint global ignore=DL3059\nFROM a\n# hadolint ignore=DL3008\nRUN x\n';
    expect(lint(text, [], 2).unused).toEqual([]);
  });

  it('credits the most specific directive, so a redundant disable-file is reported', () => {
    const text = '# docmind-docker-lint-disable-file image-tag-pinned\n# docmind-docker-lint-disable-next-line image-tag-pinned\nFROM a\n';
    const { suppressed, unused } = lint(text, [[3, 'image-tag-pinned']], 1);
    expect(suppressed).toEqual(['3:image-tag-pinned']);
    expect(unused.map((message) => [message.line, message.message])).toEqual([
      [1, "Unused docmind-docker-lint-disable directive (no problems were reported from 'image-tag-pinned')."],
    ]);
  });

  it('counts a rule as used when silenced through its peer id', () => {
    const text = '# docmind-docker-lint-disable-next-line DL3007\nFROM a:latest\n';
    expect(lint(text, [[2, 'image-tag-pinned']], 2)).toMatchObject({ suppressed: ['2:image-tag-pinned'], unused: [] });
  });
});

describe('applyDirectives: directives built by hand', () => {
  it('treats a directive as covering its lines inclusively', () => {
    const file = new SourceFile('/p/Dockerfile', 'a\nb\nc\nd\n', 'dockerfile');
    const directive: Directive = {
      kind: 'disable-next-line',
      origin: 'docmind',
      range: [0, 1],
      ids: ['r'],
      lines: { startLine: 2, endLine: 3 },
    };
    const messages = [1, 2, 3, 4].map((line) => problemAt(file, line, 'r'));
    const result = applyDirectives(messages, [directive], ruleSources, { reportUnused: 0 }, (o) => file.positionAt(o));
    expect(result.suppressed.map((message) => message.line)).toEqual([2, 3]);
    expect(result.messages.map((message) => message.line)).toEqual([1, 4]);
  });
});

describe('applyDirectives: codes of wrapped checks', () => {
  it('silences one code of a rule (hadolint pragma and ours), not its other codes nor other rules', () => {
    const text = 'FROM a\n# hadolint ignore=SC2086\nRUN echo $x `y`\n# docmind-docker-lint-disable-next-line SC2006\nRUN echo $x `y`\n';
    const file = new SourceFile('/p/Dockerfile', text, 'dockerfile');
    const comments = [...text.matchAll(/^(#.*)$/gm)].map((match) => ({ text: match[1]!, range: [match.index, match.index + match[0].length] as const }));
    const directives = parseDirectives(text, comments, (offset) => file.positionAt(offset).line);
    const messages = [3, 5].flatMap((line) => [
      problemAt(file, line, 'shellcheck', { code: 'SC2086' }),
      problemAt(file, line, 'shellcheck', { code: 'SC2006' }),
      problemAt(file, line, 'other'),
    ]);
    const result = applyDirectives(messages, directives, ruleSources, { reportUnused: 1 }, (offset) => file.positionAt(offset));
    const label = (message: LintMessage): string => `${message.line}:${message.ruleId}:${message.code ?? '-'}`;
    expect(result.suppressed.map(label)).toEqual(['3:shellcheck:SC2086', '5:shellcheck:SC2006']);
    expect(result.messages.map(label)).toEqual(['3:shellcheck:SC2006', '3:other:-', '5:shellcheck:SC2086', '5:other:-']);
    expect(result.unused).toEqual([]);
  });
});
