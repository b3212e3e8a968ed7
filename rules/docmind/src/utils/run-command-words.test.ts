import { parseDockerfile, SourceFile, type InstructionNode } from '@docmind-docker-lint/core';
import { describe, expect, it } from 'vitest';
import { basename, elementScriptCommands, runCommandWords } from './run-command-words.js';

/** The RUN instructions of a Dockerfile text. */
function runs(text: string): InstructionNode[] {
  const dockerfile = parseDockerfile(new SourceFile('/project/Dockerfile', text, 'dockerfile'));
  return dockerfile.instructions.filter((instruction) => instruction.keyword === 'RUN');
}

/** Each command as `value@written-text` words, so positions are checked against the file. */
function placed(text: string): string[][] {
  const [run] = runs(text);
  return runCommandWords(run!).map((command) =>
    command.words.map((word) => `${word.value}@${word.range ? text.slice(word.range[0], word.range[1]) : '?'}`),
  );
}

describe('runCommandWords', () => {
  it('splits an && chain and places each word', () => {
    const text = 'FROM python\nRUN apt-get update && uv sync --frozen\n';
    const [run] = runs(text);
    const commands = runCommandWords(run!);
    expect(commands.map((command) => command.words.map((word) => word.value))).toEqual([
      ['apt-get', 'update'],
      ['uv', 'sync', '--frozen'],
    ]);
    expect(commands[1]!.words[1]!.range).toEqual([text.indexOf('sync'), text.indexOf('sync') + 4]);
  });

  it('maps words across line continuations and skips comment lines', () => {
    expect(placed('FROM python\nRUN uv venv \\\n    # then the project\n    && uv sync \\\n       --no-dev\n')).toEqual([
      ['uv@uv', 'venv@venv'],
      ['uv@uv', 'sync@sync', '--no-dev@--no-dev'],
    ]);
  });

  it('keeps assignments apart and drops wrappers', () => {
    const [run] = runs('FROM python\nRUN UV_FROZEN=1 sudo uv sync\n');
    const [command] = runCommandWords(run!);
    expect(command!.assignments.map((word) => word.value)).toEqual(['UV_FROZEN=1']);
    expect(command!.words.map((word) => word.value)).toEqual(['uv', 'sync']);
  });

  it('places quoted words inside their quotes and leaves unplaceable words unplaced', () => {
    expect(placed('FROM python\nRUN pip install "uv==0.5.11" ${EXTRA} ok\n')).toEqual([
      ['pip@pip', 'install@install', 'uv==0.5.11@uv==0.5.11', '$EXTRA@?', 'ok@ok'],
    ]);
  });

  it('skips redirection targets', () => {
    expect(placed('FROM python\nRUN uv export --frozen > requirements.txt\n')).toEqual([['uv@uv', 'export@export', '--frozen@--frozen']]);
  });

  it('reads a heredoc script line by line', () => {
    expect(placed('FROM python\nRUN <<EOF\nset -e\nuv sync --frozen\nEOF\n')).toEqual([['set@set', '-e@-e'], ['uv@uv', 'sync@sync', '--frozen@--frozen']]);
  });

  it('reads a heredoc given to a shell but not one given to another program', () => {
    expect(placed('FROM python\nRUN bash <<EOF\nuv sync\nEOF\n')).toEqual([['bash@bash'], ['uv@uv', 'sync@sync']]);
    expect(placed('FROM python\nRUN python3 <<EOF\nimport uv\nEOF\n')).toEqual([['python3@python3']]);
  });

  it('reads exec form, and a `sh -c` script inside it', () => {
    const [exec] = runs('FROM python\nRUN ["uv", "sync"]\n');
    expect(runCommandWords(exec!).map((command) => command.form)).toEqual(['json']);
    expect(placed('FROM python\nRUN ["uv", "sync"]\n')).toEqual([['uv@uv', 'sync@sync']]);
    expect(placed('FROM python\nRUN ["sh", "-c", "cd /app && uv sync"]\n')).toEqual([['cd@cd', '/app@/app'], ['uv@uv', 'sync@sync']]);
  });

  it('starts after the flags', () => {
    expect(placed('FROM python\nRUN --mount=type=cache,target=/root/.cache/uv uv sync\n')).toEqual([['uv@uv', 'sync@sync']]);
  });

  it('honours another escape character', () => {
    expect(placed('# escape=`\nFROM python\nRUN uv `\n  sync\n')).toEqual([['uv@uv', 'sync@sync']]);
  });

  it('drops assignments, shell keywords and wrappers, and joins comment lines inside continuations', () => {
    const values = (text: string) => runCommandWords(runs(text)[0]!).map((command) => command.words.map((word) => word.value));
    expect(values('FROM debian\nRUN DEBIAN_FRONTEND=noninteractive apt-get update && sudo useradd -m app; if true; then echo ok; fi\n')).toEqual([
      ['apt-get', 'update'],
      ['useradd', '-m', 'app'],
      ['true'],
      ['echo', 'ok'],
    ]);
    expect(values('FROM alpine\nRUN apk add \\\n    # the client\n    curl \\\n && nohup adduser -D app\n')).toEqual([
      ['apk', 'add', 'curl'],
      ['adduser', '-D', 'app'],
    ]);
  });

  it('keeps output redirection targets apart, `&>` included, and links piped commands', () => {
    const [first, second] = runCommandWords(runs('FROM python\nRUN echo "$TOKEN" | tee -a ~/.netrc >> /tmp/log &> /tmp/all\n')[0]!);
    expect(first!.words.map((word) => word.value)).toEqual(['echo', '$TOKEN']);
    expect(second!.words.map((word) => word.value)).toEqual(['tee', '-a', '~/.netrc']);
    expect(second!.redirects.map((word) => word.value)).toEqual(['/tmp/log', '/tmp/all']);
    expect(second!.pipedFrom).toBe(first);
  });

  it('keeps the redirections of a group as a command without words', () => {
    const commands = runCommandWords(runs("FROM python\nRUN { echo '[default]'; echo x; } > /root/.aws/config\n")[0]!);
    expect(commands.at(-1)).toMatchObject({ words: [], redirects: [{ value: '/root/.aws/config' }] });
  });

  it('splits each RUN once', () => {
    const [run] = runs('FROM python\nRUN uv sync\n');
    expect(runCommandWords(run!)).toBe(runCommandWords(run!));
  });

  it('reads a command line written as one exec-form element', () => {
    const text = 'FROM python\nCMD [". .venv/bin/activate && streamlit run app.py"]\n';
    const cmd = parseDockerfile(new SourceFile('/project/Dockerfile', text, 'dockerfile')).instructions[1]!;
    const commands = elementScriptCommands(cmd, cmd.execForm!.elements[0]!);
    expect(commands.map((command) => command.words.map((word) => word.value))).toEqual([['.', '.venv/bin/activate'], ['streamlit', 'run', 'app.py']]);
    expect(commands[1]!.words[2]!.range).toEqual([text.indexOf('app.py'), text.indexOf('app.py') + 6]);
  });
});

describe('basename', () => {
  it('is the last path component', () => {
    expect(basename('/usr/sbin/useradd')).toBe('useradd');
    expect(basename('uv')).toBe('uv');
  });
});
