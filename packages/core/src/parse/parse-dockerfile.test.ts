import { describe, expect, it } from 'vitest';
import { SourceFile } from '../source/source-file.js';
import { parseDockerfile } from './parse-dockerfile.js';

const parse = (text: string) => parseDockerfile(SourceFile.fromText('/p/Dockerfile', text, 'dockerfile'));

describe('parseDockerfile', () => {
  it('splits stages, names them, links FROM <stage> parents and keeps global ARGs apart', () => {
    const node = parse('ARG V=3.12\nFROM python:${V}-slim AS build\nRUN echo hi\nFROM build AS final\nUSER app\n');
    expect(node.parseProblems).toEqual([]);
    expect(node.globalArgs.map((arg) => arg.keyword)).toEqual(['ARG']);
    expect(node.stages.map((stage) => [stage.index, stage.name, stage.instructions.length])).toEqual([
      [0, 'build', 2],
      [1, 'final', 2],
    ]);
    expect(node.stages[1]!.parent).toBe(node.stages[0]);
    expect(node.stages[1]!.image).toBeNull();
    expect(node.stages[0]!.image).toMatchObject({ raw: 'python:${V}-slim', resolved: 'python:3.12-slim', name: 'python', tag: '3.12-slim' });
    expect(node.stages[0]!.image!.range).toEqual([16, 32]);
  });

  it('reads exec form elements with exact ranges across continuations and after flags', () => {
    const text = 'FROM x\nRUN --mount=type=cache,target=/c ["echo", \\\n  "a\\"b"]\nCMD ["streamlit", "run"]\n';
    const node = parse(text);
    const run = node.instructions[1]!;
    expect(run.flags.map((flag) => [flag.name, flag.value])).toEqual([['mount', 'type=cache,target=/c']]);
    expect(run.execForm!.elements.map((element) => [element.value, text.slice(...element.range)])).toEqual([
      ['echo', '"echo"'],
      ['a"b', '"a\\"b"'],
    ]);
    const cmd = node.instructions[2]!;
    expect(cmd.execForm!.elements.map((element) => text.slice(...element.valueRange))).toEqual(['streamlit', 'run']);
    expect(text.slice(...cmd.execForm!.range)).toBe('["streamlit", "run"]');
  });

  it('reads HEALTHCHECK CMD exec form and rejects invalid JSON', () => {
    const text = 'FROM x\nHEALTHCHECK --interval=5s CMD ["curl", "-f", "http://localhost/"]\nCMD [\'a\', "b"]\nENTRYPOINT ["a",]\n';
    const node = parse(text);
    expect(node.instructions[1]!.execForm!.elements.map((element) => element.value)).toEqual(['curl', '-f', 'http://localhost/']);
    expect(node.instructions[2]!.execForm).toBeNull();
    expect(node.instructions[3]!.execForm).toBeNull();
  });

  it('turns a dockerfile-ast failure into a positioned problem and keeps the other instructions', () => {
    const node = parse('FROM alpine\nRUN \\\n# comment\\comment');
    expect(node.instructions[0]!.keyword).toBe('FROM');
    for (const problem of node.parseProblems) {
      expect(problem.range[0]).toBeGreaterThanOrEqual(0);
      expect(problem.range[1]).toBeLessThanOrEqual(node.file.text.length);
    }
  });

  it('lists comments and parser directives with their ranges', () => {
    const text = '# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended\nFROM x\n# hadolint ignore=DL3008\nRUN a\n';
    const node = parse(text);
    expect(node.comments.map((comment) => text.slice(...comment.range))).toEqual([
      '# syntax=docker/dockerfile:1',
      '# check=skip=JSONArgsRecommended',
      '# hadolint ignore=DL3008',
    ]);
  });

  it('keeps offsets of a CRLF file aligned with its text', () => {
    const text = 'FROM python:3.12\r\nCMD ["a", "b"]\r\n';
    const cmd = parse(text).instructions[1]!;
    expect(text.slice(...cmd.keywordRange)).toBe('CMD');
    expect(text.slice(...cmd.execForm!.elements[1]!.range)).toBe('"b"');
  });
});

describe('globalArgDefaults', () => {
  it('unquotes ARG defaults as the builder does', () => {
    const node = parse('ARG A="3.12" B=\'x y\' C=plain\nFROM python:${A}-slim\n');
    expect(node.stages[0]!.image!.resolved).toBe('python:3.12-slim');
  });
});
