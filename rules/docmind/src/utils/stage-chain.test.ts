import { parseDockerfile, SourceFile, type InstructionNode } from '@docmind-docker-lint/core';
import { describe, expect, it } from 'vitest';
import { stageChain, visitStageChain } from './stage-chain.js';

describe('stageChain and visitStageChain', () => {
  const text = 'ARG TAG=3.13\nFROM python AS base\nENV HOME_DIR=/srv\nARG TAG\nFROM base\nARG USER_ID\nUSER $HOME_DIR:$TAG:$USER_ID\n';
  const dockerfile = parseDockerfile(new SourceFile('/project/Dockerfile', text, 'dockerfile'));
  const [base, final] = dockerfile.stages;

  it('lists the FROM chain, first stage first', () => {
    expect(stageChain(final!)).toEqual([base, final]);
  });

  it('expands with ENV inherited, ARG per stage, and unknown build-only values', () => {
    const seen: string[] = [];
    visitStageChain(final!, {}, (instruction: InstructionNode, expand) => {
      if (instruction.keyword !== 'USER') return;
      seen.push(String(expand('$HOME_DIR:$TAG')), String(expand('$USER_ID')), String(expand('$UNSET')), String(expand('$UNSET', true)));
    });
    expect(seen).toEqual(['/srv:', 'null', '', 'null']);
    const withArgs: (string | null)[] = [];
    visitStageChain(final!, { USER_ID: '1000' }, (instruction, expand) => {
      if (instruction.keyword === 'USER') withArgs.push(expand('$USER_ID'));
    });
    expect(withArgs).toEqual(['1000']);
  });
});
