import { parseDockerfile, SourceFile } from '@docmind-docker-lint/core';
import { describe, expect, it } from 'vitest';
import { perInstruction } from './per-instruction.js';

describe('perInstruction', () => {
  it('reads each instruction once', () => {
    const [from, run] = parseDockerfile(new SourceFile('/project/Dockerfile', 'FROM python\nRUN true\n', 'dockerfile')).instructions;
    let reads = 0;
    const keyword = perInstruction((instruction) => {
      reads++;
      return instruction.keyword;
    });
    expect([keyword(from!), keyword(run!), keyword(run!)]).toEqual(['FROM', 'RUN', 'RUN']);
    expect(reads).toBe(2);
  });
});
