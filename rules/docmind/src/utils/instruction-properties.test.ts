import { parseDockerfile, SourceFile } from '@docmind-docker-lint/core';
import { describe, expect, it } from 'vitest';
import { instructionProperties } from './instruction-properties.js';

describe('instructionProperties', () => {
  it('reads quoted values, the legacy form and ARG without default, with ranges', () => {
    const text = 'ARG VERSION\nFROM python\nENV A="x y" B=2\nENV LEGACY some value\nRUN true\n';
    const [arg, , env, legacy, run] = parseDockerfile(new SourceFile('/project/Dockerfile', text, 'dockerfile')).instructions;
    expect(instructionProperties(arg!)).toEqual([{ name: 'VERSION', nameRange: [4, 11], value: null, valueRange: null }]);
    const [a, b] = instructionProperties(env!);
    expect([a!.name, a!.value, text.slice(...a!.valueRange!)]).toEqual(['A', 'x y', '"x y"']);
    expect([b!.name, text.slice(...b!.nameRange)]).toEqual(['B', 'B']);
    expect(instructionProperties(legacy!).map(({ name, value }) => [name, value])).toEqual([['LEGACY', 'some value']]);
    expect(instructionProperties(run!)).toEqual([]);
    expect(instructionProperties(env!)).toBe(instructionProperties(env!));
  });
});
