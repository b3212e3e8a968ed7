import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DockerfileParser, type Argument, type Instruction } from 'dockerfile-ast';
import { describe, expect, it, vi } from 'vitest';
import { SourceFile } from '../source/source-file.js';
import { releaseRawArguments, scanRawArguments } from './dockerfile-ast-arguments.js';
import { parseDockerfile } from './parse-dockerfile.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

const texts: Record<string, string> = {
  flags: 'FROM --platform=$BUILDPLATFORM python:3.12 AS b\nCOPY --chown=app:app --from=b /a /b\nRUN --mount=type=cache,target=/c \\\n  pip install x\n',
  continuations: 'FROM x\nRUN a \\\n  # comment\n\n  && b "c d" \\ \n  e\nENV A=1 \\\n    B="two words"\n',
  escape: '# escape=`\nFROM mcr.microsoft.com/windows\nRUN dir `\n  C:\\ `\n  /s\n',
  heredocs: 'FROM x\nRUN <<EOF bash\nset -e\necho "$HOME"\nEOF\nCOPY <<-A <<B /dst/\n\tone\n\tA\ntwo\nB\n',
  json: 'FROM x\nCMD ["a", "b c", \\\n "d\\"e"]\nENTRYPOINT [ "broken"\nHEALTHCHECK --interval=5s CMD ["curl", "-f", "x"]\n',
  onbuild: 'FROM x\nONBUILD RUN --mount=type=secret,id=s cat /run/secrets/s\nONBUILD COPY . /app\n',
  crlf: 'FROM x\r\nRUN a \\\r\n  b\r\nLABEL k="v w"\r\n',
  odd: 'FROM\nRUN\nARG\nENV =\nEXPOSE 80/tcp \\\n',
  examples: readFileSync(path.join(root, 'examples/broken-streamlit-app/Dockerfile'), 'utf8'),
};

/** Every instruction, ONBUILD triggers included. */
function instructionsOf(text: string): Instruction[] {
  const dockerfile = DockerfileParser.parse(text);
  const instructions = dockerfile.getInstructions();
  const triggers = dockerfile.getOnbuildTriggers();
  return [...instructions, ...triggers];
}

/** `getRawArguments` is not in dockerfile-ast's typings. */
const rawArguments = (instruction: Instruction): Argument[] =>
  (instruction as unknown as { getRawArguments: (this: Instruction) => Argument[] }).getRawArguments.call(instruction);

const shape = (args: readonly Argument[]) => args.map((argument) => [argument.getValue(), argument.getRange()]);

describe('memoised dockerfile-ast arguments', () => {
  it.each(Object.entries(texts))('gives what dockerfile-ast scans, for every instruction (%s)', (_name, text) => {
    const instructions = instructionsOf(text);
    expect(instructions.length).toBeGreaterThan(0);
    for (const instruction of instructions) {
      const scanned = shape(scanRawArguments.call(instruction));
      expect(shape(rawArguments(instruction))).toEqual(scanned);
      // Asked again (the memo answers): still the same.
      expect(shape(rawArguments(instruction))).toEqual(scanned);
    }
  });

  it('hands every caller its own array, since dockerfile-ast edits the ones it gets', () => {
    const [, copy] = instructionsOf(texts.flags!);
    const first = rawArguments(copy!);
    const length = first.length;
    first.shift();
    first.push(first[0]!, first[0]!);
    expect(rawArguments(copy!)).toHaveLength(length);
    // getArguments drops the flags from its copy on every call, never from the memo.
    expect(copy!.getArguments().map((argument) => argument.getValue())).toEqual(['/a', '/b']);
    expect(copy!.getArguments().map((argument) => argument.getValue())).toEqual(['/a', '/b']);
  });

  it('scans again after the kept scan is released, with the same result', () => {
    for (const instruction of instructionsOf(texts.continuations!)) {
      const kept = rawArguments(instruction);
      releaseRawArguments(instruction);
      const again = rawArguments(instruction);
      expect(shape(again)).toEqual(shape(kept));
      expect(again[0]).not.toBe(kept[0]);
    }
  });

  it('answers dockerfile-ast calls made after parseDockerfile released its scans as before', () => {
    type WithProperties = Instruction & { getProperties?: () => { getName(): string; getValue(): string | null }[] };
    const properties = (instruction: Instruction) =>
      (instruction as WithProperties).getProperties?.().map((property) => [property.getName(), property.getValue()]);
    for (const text of Object.values(texts)) {
      const { instructions } = parseDockerfile(new SourceFile('/p/Dockerfile', text, 'dockerfile'));
      const fresh = DockerfileParser.parse(text).getInstructions();
      expect(instructions.map(({ ast }) => shape(rawArguments(ast)))).toEqual(fresh.map((instruction) => shape(scanRawArguments.call(instruction))));
      expect(instructions.map(({ ast }) => properties(ast))).toEqual(fresh.map(properties));
    }
  });

  it('is installed on dockerfile-ast once, however often the module is evaluated', async () => {
    const installed = (DockerfileParser.parse('FROM x\n').getInstructions()[0]! as unknown as { getRawArguments: unknown }).getRawArguments;
    vi.resetModules();
    await import('./dockerfile-ast-arguments.js');
    const after = (DockerfileParser.parse('FROM x\n').getInstructions()[0]! as unknown as { getRawArguments: unknown }).getRawArguments;
    expect(after).toBe(installed);
  });
});
