import { parseDockerfile, SourceFile } from '@docmind-docker-lint/core';
import { describe, expect, it } from 'vitest';
import { stageEndInsertion } from './stage-end-insertion.js';

function insert(text: string, lines: string[], staysBefore?: Parameters<typeof stageEndInsertion>[3]): string {
  const file = new SourceFile('/project/Dockerfile', text, 'dockerfile');
  const [stage] = parseDockerfile(file).stages;
  const { range, text: added } = stageEndInsertion(stage!, file, lines, staysBefore);
  return text.slice(0, range[0]) + added + text.slice(range[1]);
}

describe('stageEndInsertion', () => {
  it('goes above the closing CMD block and the comments over it, keeping blank-line spacing', () => {
    expect(insert('FROM python\n\nRUN true\n\n# start\nCMD ["app"]\n', ['USER app'])).toBe(
      'FROM python\n\nRUN true\n\nUSER app\n\n# start\nCMD ["app"]\n',
    );
  });

  it('goes after the last instruction when no CMD or ENTRYPOINT ends the stage', () => {
    expect(insert('FROM python\nCMD ["app"]\nEXPOSE 80\n', ['HEALTHCHECK NONE'])).toBe('FROM python\nCMD ["app"]\nEXPOSE 80\nHEALTHCHECK NONE\n');
  });

  it('only needs to follow the instructions `staysBefore` names', () => {
    const afterBuildSteps = (instruction: { keyword: string }) => instruction.keyword === 'RUN' || instruction.keyword === 'FROM';
    expect(insert('FROM python\nRUN true\nCMD ["app"]\nEXPOSE 80\n', ['USER app'], afterBuildSteps)).toBe(
      'FROM python\nRUN true\nUSER app\nCMD ["app"]\nEXPOSE 80\n',
    );
  });
});
