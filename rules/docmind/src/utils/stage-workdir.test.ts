import { parseDockerfile, SourceFile, type DockerfileNode } from '@docmind-docker-lint/core';
import { describe, expect, it } from 'vitest';
import { stageWorkdir } from './stage-workdir.js';

function parse(text: string): DockerfileNode {
  return parseDockerfile(new SourceFile('/project/Dockerfile', text, 'dockerfile'));
}

describe('stageWorkdir', () => {
  it('resolves WORKDIRs in order, through the stages a stage is built FROM', () => {
    const dockerfile = parse('FROM python AS base\nWORKDIR /srv\nFROM base\nWORKDIR app\nCOPY . .\nWORKDIR ../data\n');
    const [, final] = dockerfile.stages;
    const copy = final!.instructions.find((instruction) => instruction.keyword === 'COPY');
    expect(stageWorkdir(final!, copy)).toBe('/srv/app');
    expect(stageWorkdir(final!)).toBe('/srv/data');
  });

  it('removes quotes and expands ENV, ARG defaults and Compose build args', () => {
    const dockerfile = parse('ARG ROOT=/opt\nFROM python\nARG ROOT\nENV APP_HOME="$ROOT/app"\nWORKDIR "$APP_HOME"\n');
    const [stage] = dockerfile.stages;
    expect(stageWorkdir(stage!)).toBe('/opt/app');
    expect(stageWorkdir(stage!, undefined, { ROOT: '/home/app' })).toBe('/home/app/app');
  });

  it('is unknown before an absolute WORKDIR, and for variables only the build or the base image knows', () => {
    expect(stageWorkdir(parse('FROM python\nWORKDIR app\n').stages[0]!)).toBeNull();
    expect(stageWorkdir(parse('FROM python\nARG DIR\nWORKDIR $DIR\n').stages[0]!)).toBeNull();
    expect(stageWorkdir(parse('FROM python\nWORKDIR $HOME/app\n').stages[0]!)).toBeNull();
  });
});
