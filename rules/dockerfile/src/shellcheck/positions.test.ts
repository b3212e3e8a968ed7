import { parseDockerfile, SourceFile } from '@docmind-docker-lint/core';
import { describe, expect, it } from 'vitest';
import { PositionMapper, shellcheckFileText } from './positions.js';
import { parseJson1 } from './runner.js';
import { shellcheckScript, type ShellcheckScript } from './scripts.js';

function scriptOf(text: string, index = 1): { script: ShellcheckScript; source: string } {
  const dockerfile = parseDockerfile(SourceFile.fromText('/p/Dockerfile', text, 'dockerfile'));
  const script = shellcheckScript(dockerfile.instructions[index]!);
  if (!script) throw new Error('no script');
  return { script, source: text };
}

describe('shellcheckFileText', () => {
  it('writes the shebang of the dialect, the declared names, then the script without continuations', () => {
    const { script } = scriptOf('FROM d\nARG b_name\nENV a_name=1\nRUN --mount=type=tmpfs,target=/t echo 1 \\\n  && echo 2\n', 3);
    const text = shellcheckFileText(script);
    const [shebang, exports, body] = text.split('\n');
    expect(shebang).toBe('#!/bin/sh');
    expect(exports!.split(' ').slice(0, 1)).toEqual(['export']);
    expect(exports).toContain(' a_name ');
    expect(exports).toContain(' b_name ');
    expect(exports).toContain(' HTTP_PROXY ');
    // The script starts right after the last flag; the continuation and its newline are gone.
    expect(body).toBe(' echo 1   && echo 2');
  });

  it('drops the shebang line of a heredoc script and checks it in the shebang dialect', () => {
    const { script } = scriptOf('FROM d\nRUN <<EOF\n#!/usr/bin/env bash\necho hi\nEOF\n');
    expect(script.dialect).toBe('bash');
    expect(shellcheckFileText(script).split('\n').slice(2)).toEqual(['echo hi']);
  });

  it('has no script for exec form, PowerShell, or a non-shell heredoc', () => {
    const dockerfile = parseDockerfile(
      SourceFile.fromText('/p/Dockerfile', 'FROM d\nRUN ["a"]\nRUN <<EOF\n#!/usr/bin/python3\nx\nEOF\nSHELL ["pwsh", "-c"]\nRUN echo\n', 'dockerfile'),
    );
    const runs = dockerfile.instructions.filter((instruction) => instruction.keyword === 'RUN');
    expect(runs.map((instruction) => shellcheckScript(instruction))).toEqual([undefined, undefined, undefined]);
  });
});

describe('PositionMapper', () => {
  const text = 'FROM d\nRUN echo ab\\\n  cd\n';
  // The script is `echo ab  cd`: `ab` and `cd` are joined across the continuation.
  const { script } = scriptOf(text);
  const mapper = new PositionMapper(script);

  it('maps ShellCheck lines and columns (after the two header lines) to Dockerfile offsets', () => {
    expect(mapper.fileRange(3, 6, 3, 8)).toEqual([text.indexOf('ab'), text.indexOf('ab') + 2]);
    expect(mapper.fileRange(3, 10, 3, 12)).toEqual([text.indexOf('cd'), text.indexOf('cd') + 2]);
    // A place in the header lines falls back to the start of the script.
    expect(mapper.fileRange(2, 1, 2, 5)).toEqual([text.indexOf('echo'), text.indexOf('echo')]);
  });

  it('makes edits that map to contiguous bytes, not across a continuation', () => {
    const replace = (column: number, endColumn: number, replacement: string) => [{ line: 3, column, endLine: 3, endColumn, replacement }];
    expect(mapper.edits(replace(6, 8, 'xy'), '\\')).toEqual([{ range: [text.indexOf('ab'), text.indexOf('ab') + 2], text: 'xy' }]);
    expect(mapper.edits(replace(6, 6, '"'), '\\')).toEqual([{ range: [text.indexOf('ab'), text.indexOf('ab')], text: '"' }]);
    // `b  c` spans the continuation: no edit.
    expect(mapper.edits(replace(7, 11, 'x'), '\\')).toBeUndefined();
    // A line break or the escape character could change how Docker joins lines.
    expect(mapper.edits(replace(6, 8, 'a\nb'), '\\')).toBeUndefined();
    expect(mapper.edits(replace(6, 8, 'a\\'), '\\')).toBeUndefined();
    // Header lines are not the Dockerfile's.
    expect(mapper.edits([{ line: 2, column: 1, endLine: 2, endColumn: 2, replacement: 'x' }], '\\')).toBeUndefined();
    // Two insertions at one place depend on an order: no edit.
    expect(mapper.edits([...replace(6, 6, '"'), ...replace(6, 6, "'")], '\\')).toBeUndefined();
  });
});

describe('parseJson1', () => {
  it('splits findings by file and drops malformed ones', () => {
    const report = {
      comments: [
        { file: '1.sh', line: 3, endLine: 3, column: 1, endColumn: 2, level: 'warning', code: 2154, message: 'm', fix: null },
        { file: '0.sh', line: 3, endLine: 3, column: 1, endColumn: 2, level: 'bogus', code: 1, message: 'm' },
        { file: '9.sh', line: 3, endLine: 3, column: 1, endColumn: 2, level: 'info', code: 1, message: 'm' },
      ],
    };
    const parsed = parseJson1(JSON.stringify(report), ['0.sh', '1.sh']);
    expect(parsed?.findings.map((findings) => findings.map((finding) => finding.code))).toEqual([[], [2154]]);
    expect(parseJson1('not json', ['0.sh'])).toBeUndefined();
    expect(parseJson1('{"other":1}', ['0.sh'])).toBeUndefined();
  });
});
