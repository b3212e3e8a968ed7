import { loadShellParser, parseDockerfile, SourceFile } from '@docmind-docker-lint/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { findOption, hasOption, operands } from './command-options.js';
import { runCommands } from './run-script.js';
import type { ShellCommand } from './shell-command.js';

beforeAll(() => loadShellParser());

function command(script: string): ShellCommand {
  const dockerfile = parseDockerfile(SourceFile.fromText('/p/Dockerfile', `FROM debian\nRUN ${script}\n`, 'dockerfile'));
  return runCommands(dockerfile.instructions[1]!)[0]!;
}

describe('command options', () => {
  it('matches short options alone and grouped, and long options with or without a value', () => {
    expect(findOption(command('apt-get -qy install x'), ['-y', '--yes'])?.value).toBe('-qy');
    expect(hasOption(command('apt-get install --yes x'), ['-y', '--yes'])).toBe(true);
    expect(hasOption(command('wget --progress=dot:giga u'), ['--progress'])).toBe(true);
    expect(hasOption(command('wget --progressbar u'), ['--progress'])).toBe(false);
    expect(hasOption(command('apt-get install -- -y'), ['-y'])).toBe(false);
    expect(hasOption(command('apt-get install --only-upgrade x'), ['-y'])).toBe(false);
    expect(hasOption(command('wget -qO- https://x'), ['-q'])).toBe(true);
    expect(hasOption(command('wget -nv https://x'), ['-nv'])).toBe(true);
    expect(hasOption(command('wget -n https://x'), ['-nv'])).toBe(false);
  });

  it('lists operands, skipping option values', () => {
    expect(operands(command('apt-get -o Dpkg::Options::=--force-confdef -q install curl -- -x'), new Set(['-o'])).map((word) => word.value)).toEqual([
      'install',
      'curl',
      '-x',
    ]);
  });
});
