import { loadShellParser, parseDockerfile, SourceFile, type InstructionNode } from '@docmind-docker-lint/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { isRunInstruction } from './run-instruction.js';
import { analyseRun, runCommands } from './run-script.js';
import { fileRangeOf } from './script-text.js';

beforeAll(() => loadShellParser());

function runsOf(text: string): { text: string; runs: InstructionNode[] } {
  const dockerfile = parseDockerfile(SourceFile.fromText('/project/Dockerfile', text, 'dockerfile'));
  return { text: dockerfile.file.text, runs: dockerfile.instructions.filter(isRunInstruction) };
}

/** Each command as `program arg arg` (values), with each word's text sliced from the Dockerfile by its range. */
function commandsOf(dockerfile: string, which = 0): { program: string; args: string[]; slices: string[] }[] {
  const { text, runs } = runsOf(dockerfile);
  return runCommands(runs[which]!).map((command) => ({
    program: command.program,
    args: command.args.map((word) => word.value),
    slices: command.words.map((word) => text.slice(word.range[0], word.range[1])),
  }));
}

describe('runCommands', () => {
  it('finds commands through &&, ||, ;, pipes, subshells, if and for bodies, $(...) and backticks', () => {
    const commands = commandsOf(
      'FROM debian\nRUN apt-get update && (cd /src || exit 1); if true; then make; fi; for f in a b; do rm "$f"; done | tee log; echo $(id -u) `pwd`\n',
    );
    expect(commands.map((command) => command.program)).toEqual(['apt-get', 'cd', 'exit', 'true', 'make', 'rm', 'tee', 'echo', 'id', 'pwd']);
  });

  it('gives unquoted values and exact Dockerfile ranges of every word', () => {
    const [command] = commandsOf(`FROM debian\nRUN apt-get install -y 'libssl dev' "x\\"y" a\\ b c'd'"e"\n`);
    expect(command).toEqual({
      program: 'apt-get',
      args: ['install', '-y', 'libssl dev', 'x"y', 'a b', 'cde'],
      slices: ['apt-get', 'install', '-y', "'libssl dev'", '"x\\"y"', 'a\\ b', `c'd'"e"`],
    });
  });

  it('marks words with expansions as not literal and keeps them as written', () => {
    const { runs } = runsOf('FROM debian\nRUN pip install "pkg==${VERSION}" plain *.whl\n');
    const [command] = runCommands(runs[0]!);
    expect(command!.args.map((word) => [word.value, word.literal])).toEqual([
      ['install', true],
      ['pkg==${VERSION}', false],
      ['plain', true],
      ['*.whl', false],
    ]);
  });

  it('joins line continuations and drops comment and blank lines inside them', () => {
    const dockerfile = 'FROM debian\nRUN apt-get update \\\n  # refresh first\n\n  && apt-get install \\\n     -y curl\n';
    const commands = commandsOf(dockerfile);
    expect(commands).toEqual([
      { program: 'apt-get', args: ['update'], slices: ['apt-get', 'update'] },
      { program: 'apt-get', args: ['install', '-y', 'curl'], slices: ['apt-get', 'install', '-y', 'curl'] },
    ]);
    const { text, runs } = runsOf(dockerfile);
    const install = runCommands(runs[0]!)[1]!;
    expect(install.args[1]!.range).toEqual([text.indexOf('-y'), text.indexOf('-y') + 2]);
    expect(text.slice(...install.range)).toBe('apt-get install \\\n     -y curl');
  });

  it('joins a word split by a continuation, its range spanning both lines', () => {
    const { text, runs } = runsOf('FROM debian\nRUN apt-get ins\\\ntall -y\n');
    const [command] = runCommands(runs[0]!);
    expect(command!.args[0]!.value).toBe('install');
    expect(text.slice(...command!.args[0]!.range)).toBe('ins\\\ntall');
  });

  it('reads CRLF files', () => {
    const dockerfile = 'FROM debian\r\nRUN apt-get update \\\r\n && apt-get install -y curl\r\nRUN echo done\r\n';
    expect(commandsOf(dockerfile)).toEqual([
      { program: 'apt-get', args: ['update'], slices: ['apt-get', 'update'] },
      { program: 'apt-get', args: ['install', '-y', 'curl'], slices: ['apt-get', 'install', '-y', 'curl'] },
    ]);
    expect(commandsOf(dockerfile, 1)).toEqual([{ program: 'echo', args: ['done'], slices: ['echo', 'done'] }]);
  });

  it('uses the escape directive: a backtick continues lines and a backslash is an ordinary character', () => {
    const dockerfile = '# escape=`\nFROM debian\nRUN apt-get install `\n  -y curl && echo a\\b\n';
    expect(commandsOf(dockerfile)).toEqual([
      { program: 'apt-get', args: ['install', '-y', 'curl'], slices: ['apt-get', 'install', '-y', 'curl'] },
      { program: 'echo', args: ['ab'], slices: ['echo', 'a\\b'] },
    ]);
  });

  it('skips RUN flags', () => {
    expect(commandsOf('FROM debian\nRUN --mount=type=cache,target=/var/cache/apt --network=none apt-get install -y x\n')).toEqual([
      { program: 'apt-get', args: ['install', '-y', 'x'], slices: ['apt-get', 'install', '-y', 'x'] },
    ]);
  });

  it('reads ONBUILD RUN', () => {
    expect(commandsOf('FROM debian\nONBUILD RUN sudo apt-get update\n')).toEqual([
      { program: 'apt-get', args: ['update'], slices: ['sudo', 'apt-get', 'update'] },
    ]);
  });

  it('sees through wrappers and keeps them', () => {
    const { runs } = runsOf('FROM debian\nRUN sudo -u app env A=1 B=2 nice -n 5 pip install x && gosu app make && sudo && command -v curl\n');
    const commands = runCommands(runs[0]!);
    expect(commands.map((command) => [command.wrappers.map((word) => word.value).join(' '), command.program])).toEqual([
      ['sudo -u app env A=1 B=2 nice -n 5', 'pip'],
      ['gosu app', 'make'],
      ['', 'sudo'],
      ['', 'command'],
    ]);
  });

  it('strips the folder from the program name', () => {
    expect(commandsOf('FROM debian\nRUN /usr/bin/apt-get update\n')[0]!.program).toBe('apt-get');
  });

  it('ignores bare assignments, declarations and redirection targets', () => {
    expect(commandsOf('FROM debian\nRUN A=1; export B=2; echo x > /etc/file 2>&1\n')).toEqual([
      { program: 'echo', args: ['x'], slices: ['echo', 'x'] },
    ]);
  });
});

describe('nested scripts', () => {
  it("parses sh -c '...' strings again and maps positions into the Dockerfile", () => {
    const dockerfile = `FROM debian\nRUN sh -c 'apt-get update && apt-get install -y curl' && bash -ec "pip install \\"x\\""\n`;
    const { text, runs } = runsOf(dockerfile);
    const commands = runCommands(runs[0]!);
    expect(commands.map((command) => command.program)).toEqual(['sh', 'apt-get', 'apt-get', 'bash', 'pip']);
    const install = commands[2]!;
    expect(text.slice(...install.args[1]!.range)).toBe('-y');
    expect(install.script!.origin).toBe('shell-string');
    const pip = commands[4]!;
    expect(pip.args[1]!.value).toBe('x');
    expect(text.slice(...pip.args[1]!.range)).toBe('\\"x\\"');
  });

  it('reads the -c string after other shell options', () => {
    expect(commandsOf(`FROM debian\nRUN bash -o pipefail -c 'curl x | sh'\n`).map((command) => command.program)).toEqual(['bash', 'curl', 'sh']);
  });

  it('does not read a script from a shell run without -c', () => {
    expect(commandsOf('FROM debian\nRUN sh ./install.sh --prefix /usr\n').map((command) => command.program)).toEqual(['sh']);
  });

  it('parses the string of an exec-form ["sh", "-c", "..."], JSON escapes included', () => {
    const dockerfile = 'FROM debian\nRUN ["/bin/sh", "-c", "apt-get install -y \\"curl\\" && echo \\u00e9"]\n';
    const { text, runs } = runsOf(dockerfile);
    const commands = runCommands(runs[0]!);
    expect(commands.map((command) => [command.program, command.form])).toEqual([
      ['sh', 'exec'],
      ['apt-get', 'shell'],
      ['echo', 'shell'],
    ]);
    expect(commands[1]!.args.map((word) => word.value)).toEqual(['install', '-y', 'curl']);
    expect(text.slice(...commands[1]!.args[2]!.range)).toBe('\\"curl\\"');
    expect(commands[2]!.args[0]!.value).toBe('é');
    expect(text.slice(...commands[2]!.args[0]!.range)).toBe('\\u00e9');
    expect(commands[1]!.script!.origin).toBe('exec-form');
  });

  it('gives an exec-form RUN without a shell as one command with its elements as words', () => {
    const { text, runs } = runsOf('FROM debian\nRUN ["apt-get", "install", "-y", "curl"]\n');
    const [command] = runCommands(runs[0]!);
    expect(command!.form).toBe('exec');
    expect(command!.args.map((word) => word.value)).toEqual(['install', '-y', 'curl']);
    expect(text.slice(...command!.args[1]!.range)).toBe('"-y"');
    expect(analyseRun(runs[0]!).scripts).toEqual([]);
  });

  it('parses $(...) inside a sh -c string inside a continuation', () => {
    const { text, runs } = runsOf(`FROM debian\nRUN sh -c 'echo \\\n  $(apt-get install -y x)'\n`);
    const install = runCommands(runs[0]!).find((command) => command.program === 'apt-get')!;
    expect(text.slice(...install.range)).toBe('apt-get install -y x');
  });
});

describe('heredocs', () => {
  it('runs the body of a lone heredoc as the script, verbatim', () => {
    const dockerfile = 'FROM debian\nRUN <<EOF\napt-get update\napt-get install -y curl \\\n  wget\nEOF\n';
    const { text, runs } = runsOf(dockerfile);
    const analysis = analyseRun(runs[0]!);
    expect(analysis.scripts.map((script) => script.origin)).toEqual(['heredoc']);
    expect(analysis.commands.map((command) => command.args.map((word) => word.value))).toEqual([
      ['update'],
      ['install', '-y', 'curl', 'wget'],
    ]);
    expect(text.slice(...analysis.commands[1]!.args[3]!.range)).toBe('wget');
  });

  it('reads heredoc bodies in CRLF files', () => {
    const { runs } = runsOf('FROM debian\r\nRUN <<EOF\r\napt-get install -y curl\r\nEOF\r\n');
    expect(runCommands(runs[0]!).map((command) => command.args.map((word) => word.value))).toEqual([['install', '-y', 'curl']]);
  });

  it('skips a lone heredoc whose shebang names another interpreter', () => {
    const { runs } = runsOf('FROM python\nRUN <<EOF\n#!/usr/bin/env python3\nprint("apt-get install x")\nEOF\n');
    expect(runCommands(runs[0]!)).toEqual([]);
  });

  it('reads a lone heredoc with a shell shebang', () => {
    expect(commandsOf('FROM debian\nRUN <<EOF\n#!/bin/bash\nset -e\nmake\nEOF\n').map((command) => command.program)).toEqual(['set', 'make']);
  });

  it('treats a heredoc fed to a command as its input, and one fed to a shell as a script', () => {
    const dockerfile = 'FROM debian\nRUN cat <<CONF > /etc/app.conf && bash <<'
      + "'SCRIPT'\napt-get install x\nCONF\napt-get install -y y\nSCRIPT\n";
    const { text, runs } = runsOf(dockerfile);
    const commands = runCommands(runs[0]!);
    expect(commands.map((command) => [command.program, command.args.map((word) => word.value)])).toEqual([
      ['cat', []],
      ['bash', []],
      ['apt-get', ['install', '-y', 'y']],
    ]);
    expect(commands[2]!.range).toEqual([text.lastIndexOf('apt-get'), text.lastIndexOf('apt-get') + 'apt-get install -y y'.length]);
    expect(commands[2]!.script!.origin).toBe('shell-heredoc');
  });

  it('keeps continuations of the command line before a heredoc', () => {
    expect(commandsOf('FROM debian\nRUN python3 - <<EOF \\\n  && echo done\nprint(1)\nEOF\n').map((command) => command.program)).toEqual([
      'python3',
      'echo',
    ]);
  });
});

describe('SHELL', () => {
  it('analyses nothing under a PowerShell or cmd SHELL, and again after a POSIX one', () => {
    const { runs } = runsOf('FROM windows\nSHELL ["pwsh", "-c"]\nRUN Get-Item x | Out-Null\nSHELL ["/bin/bash", "-c"]\nRUN echo x\n');
    expect(analyseRun(runs[0]!)).toMatchObject({ posix: false, shell: ['pwsh', '-c'], commands: [] });
    expect(analyseRun(runs[1]!)).toMatchObject({ posix: true, shell: ['/bin/bash', '-c'] });
    expect(runCommands(runs[1]!)).toHaveLength(1);
  });

  it('inherits the SHELL of the parent stage, and not of an unrelated one', () => {
    const { runs } = runsOf('FROM windows AS base\nSHELL ["cmd", "/S", "/C"]\nFROM base\nRUN dir\nFROM debian\nRUN ls\n');
    expect(analyseRun(runs[0]!).posix).toBe(false);
    expect(analyseRun(runs[1]!)).toMatchObject({ posix: true, shell: ['/bin/sh', '-c'] });
  });
});

describe('script offsets', () => {
  it('maps every character of a nested script to the Dockerfile', () => {
    const dockerfile = `FROM debian\nRUN sh -c 'a \\\n b'\n`;
    const { text, runs } = runsOf(dockerfile);
    const nested = analyseRun(runs[0]!).scripts[1]!;
    expect(nested.text).toBe('a  b');
    expect([...nested.text].map((_, index) => text[nested.starts[index]!])).toEqual(['a', ' ', ' ', 'b']);
    expect(text.slice(...fileRangeOf(nested, [0, nested.text.length]))).toBe('a \\\n b');
  });

  it('survives malformed scripts', () => {
    const { runs } = runsOf('FROM debian\nRUN echo "unterminated && apt-get install x\n');
    const analysis = analyseRun(runs[0]!);
    expect(analysis.scripts[0]!.tree.hasError).toBe(true);
    expect(analysis.commands.map((command) => command.program)).toContain('echo');
  });
});
