import { loadShellParser, parseDockerfile, SourceFile, type FileEdit, type OffsetRange, type RuleFixer } from '@docmind-docker-lint/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCommands } from './run-script.js';
import { insertWordAfter, removeWord } from './word-edits.js';

beforeAll(() => loadShellParser());

const fixer = {
  insertTextAfterRange: (range: OffsetRange, text: string): FileEdit => ({ file: '', range: [range[1], range[1]], text }),
  removeRange: (range: OffsetRange): FileEdit => ({ file: '', range, text: '' }),
} as unknown as RuleFixer;

function apply(text: string, edit: FileEdit): string {
  return text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]);
}

function commandsOf(text: string) {
  const dockerfile = parseDockerfile(SourceFile.fromText('/p/Dockerfile', text, 'dockerfile'));
  return runCommands(dockerfile.instructions[1]!);
}

describe('word edits', () => {
  it('inserts a word in shell form, in a sh -c string and among exec-form elements', () => {
    for (const [before, after] of [
      ['FROM d\nRUN apt-get install x\n', 'FROM d\nRUN apt-get install -y x\n'],
      ["FROM d\nRUN sh -c 'apt-get install x'\n", "FROM d\nRUN sh -c 'apt-get install -y x'\n"],
      ['FROM d\nRUN ["apt-get", "install", "x"]\n', 'FROM d\nRUN ["apt-get", "install", "-y", "x"]\n'],
    ] as const) {
      const command = commandsOf(before).find((candidate) => candidate.program === 'apt-get')!;
      expect(apply(before, insertWordAfter(fixer, command, command.args[0]!, '-y'))).toBe(after);
    }
  });

  it('refuses a word that would need quoting', () => {
    const [command] = commandsOf('FROM d\nRUN apt-get install x\n');
    expect(() => insertWordAfter(fixer, command!, command!.args[0]!, 'a b')).toThrow(/quoting/);
  });

  it('removes a word with the blanks before it, or an element with its comma', () => {
    const shell = 'FROM d\nRUN curl -k https://x\n';
    const [curl] = commandsOf(shell);
    expect(apply(shell, removeWord(fixer, curl!, curl!.args[0]!, shell))).toBe('FROM d\nRUN curl https://x\n');
    const exec = 'FROM d\nRUN ["curl", "-k", "https://x"]\n';
    const [execCurl] = commandsOf(exec);
    expect(apply(exec, removeWord(fixer, execCurl!, execCurl!.args[0]!, exec))).toBe('FROM d\nRUN ["curl", "https://x"]\n');
  });
});
