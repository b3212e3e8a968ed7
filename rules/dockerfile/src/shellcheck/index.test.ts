import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lintProject, lintText, makeCreateRule, MemoryHost, type LintMessage, type RuleEntry } from '@docmind-docker-lint/core';
import { RuleTester, type ExpectedError, type ExpectedSuggestion } from '@docmind-docker-lint/rule-tester';
import { afterEach, describe, expect, it } from 'vitest';
import rule from './index.js';

// These cases pin ShellCheck 0.9.0 (Debian's package, which CI installs); they are skipped without it.
const installed = spawnSync('shellcheck', ['--version'], { stdio: 'ignore' }).status === 0;
if (!installed) console.log('shellcheck is not on PATH: the shellcheck rule cases that need it are skipped');

const QUOTE = 'Double quote to prevent globbing and word splitting.';

/** A ShellCheck finding at an exact range. */
function sc(
  code: string,
  level: string,
  message: string,
  [line, column, endLine, endColumn]: readonly [number, number, number, number],
  suggestions?: readonly ExpectedSuggestion[],
): ExpectedError {
  return { messageId: 'finding', data: { code, level, message }, line, column, endLine, endColumn, ...(suggestions ? { suggestions } : {}) };
}

const unassigned = (name: string, range: readonly [number, number, number, number]): ExpectedError =>
  sc('SC2154', 'warning', `${name} is referenced but not assigned.`, range, []);
const quote = (range: readonly [number, number, number, number], output?: string): ExpectedError =>
  sc('SC2086', 'info', QUOTE, range, output === undefined ? undefined : [{ messageId: 'applyFix', data: { code: 'SC2086' }, output }]);

describe.skipIf(!installed)('with ShellCheck installed', () => {
  new RuleTester().run('shellcheck', rule, {
    valid: [
      'FROM debian:12\nRUN echo foo\n',
      { name: 'exec form is not checked', code: 'FROM debian:12\nRUN ["sh", "-c", "echo $x"]\nONBUILD RUN ["foobar", "$f"]\n' },
      { name: 'ARG and ENV of the stage are declared', code: 'FROM debian:12\nARG foo\nENV bar=1 baz=2\nRUN echo "$foo" "$bar" "$baz"\n' },
      { name: 'ENV of the stage built FROM is declared', code: 'FROM debian:12 AS base\nENV app_home=/opt/app\nFROM base\nRUN echo "$app_home"\n' },
      { name: "Docker's proxy build args", code: 'FROM debian:12\nRUN echo "$http_proxy" "$no_proxy" "$all_proxy"\n' },
      { name: 'bash under SHELL bash', code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN echo $RANDOM && [[ -d /etc ]]\n' },
      { name: 'SHELL inherited from the stage built FROM', code: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-c"]\nFROM base\nRUN echo $RANDOM\n' },
      { name: 'PowerShell, cmd and zsh are not checked', code: 'FROM debian:12\nSHELL ["pwsh", "-c"]\nRUN echo $x\nSHELL ["cmd.exe", "/S", "/C"]\nRUN echo $x\nSHELL ["/bin/zsh", "-c"]\nRUN echo $x\n' },
      { name: 'a Windows base image without SHELL runs cmd', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN mkdir C:\\tmp && echo %x%\n' },
      { name: 'a heredoc for another interpreter', code: 'FROM python:3.12\nRUN <<EOF\n#!/usr/bin/env python3\nprint($x)\nEOF\n' },
      { name: 'a quoted heredoc body is data', code: 'FROM debian:12\nRUN cat <<"EOF" > /etc/app.conf\nhome=$app_home\nEOF\n' },
      { name: 'sourced files live in the image (SC1091 left out)', code: 'FROM debian:12\nRUN . /etc/os-release && echo "$ID"\n' },
      { name: "ShellCheck's own directive in a heredoc script", code: 'FROM debian:12\nRUN <<EOF\n# shellcheck disable=SC2154\necho "$x"\nEOF\n' },
      { name: 'the indentation of a continued line is not repeated spacing (SC2291)', code: 'FROM debian:12\nRUN echo a \\\n    b\n' },
      { name: 'severity error hides warnings and infos', code: 'FROM debian:12\nRUN echo $x\n', options: [{ severity: 'error' }] },
      { name: 'exclude', code: 'FROM debian:12\nRUN echo $x\n', options: [{ exclude: ['SC2154', '2086'] }] },
      { name: 'no RUN: nothing to check', code: 'FROM debian:12\nCMD ["sh"]\n' },
      {
        name: '# hadolint shell=powershell before the first FROM: no RUN of the file is checked',
        code: '# hadolint shell=powershell\nFROM debian:12 AS a\nRUN echo $x\nFROM a\nRUN echo $y\nONBUILD RUN echo $z\n',
      },
      {
        name: 'a shell pragma in a stage, with a trailing comment, for PowerShell (.exe), pwsh and cmd',
        code: 'FROM debian:12\n# hadolint shell=powershell.exe # Windows\nRUN echo $x\nFROM debian:12\n#hadolint shell = pwsh\nRUN echo $y\nFROM debian:12\n# hadolint shell=cmd\nRUN echo $z\n',
      },
      {
        name: "a shell pragma that names bash: bash's features are fine",
        code: '# hadolint shell=bash\nFROM debian:12\nRUN [[ -d /etc ]] && echo "$RANDOM"\n',
      },
      {
        name: "codes a .hadolint.yaml ignores (settings.hadolint.shellcheck), with the rule's own exclude",
        code: 'FROM debian:12\nRUN echo $x `ls`\n',
        options: [{ exclude: ['SC2046'] }],
        settings: { hadolint: { shellcheck: { ignored: ['SC2154', 'sc2086', 'SC2006'], override: {} } } },
      },
    ],
    invalid: [
      {
        name: 'an unassigned, unquoted variable; the quoting fix is a suggestion',
        code: 'FROM debian:12\nRUN echo $x\n',
        errors: [unassigned('x', [2, 10, 2, 12]), quote([2, 10, 2, 12], 'FROM debian:12\nRUN echo "$x"\n')],
        output: null,
      },
      {
        name: 'after a --mount flag, on a continuation line',
        code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt \\\n    apt-get update && apt-get install -y $pkgs\n',
        errors: [
          unassigned('pkgs', [3, 42, 3, 47]),
          quote([3, 42, 3, 47], 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt \\\n    apt-get update && apt-get install -y "$pkgs"\n'),
        ],
        output: null,
      },
      {
        name: 'CRLF line ends and a continuation; the backticks fix keeps the CRLF',
        code: 'FROM debian:12\r\nRUN echo `ls` \\\r\n  $x\r\n',
        errors: [
          sc('SC2046', 'warning', 'Quote this to prevent word splitting.', [2, 10, 2, 14], []),
          sc('SC2006', 'style', 'Use $(...) notation instead of legacy backticks `...`.', [2, 10, 2, 14], [
            { messageId: 'applyFix', data: { code: 'SC2006' }, output: 'FROM debian:12\r\nRUN echo $(ls) \\\r\n  $x\r\n' },
          ]),
          unassigned('x', [3, 3, 3, 5]),
          quote([3, 3, 3, 5], 'FROM debian:12\r\nRUN echo `ls` \\\r\n  "$x"\r\n'),
        ],
        output: null,
      },
      {
        name: 'a comment line Docker drops inside a continuation',
        code: 'FROM debian:12\nRUN true \\\n# a note\n  && echo $x\n',
        errors: [unassigned('x', [4, 11, 4, 13]), quote([4, 11, 4, 13])],
        output: null,
      },
      {
        name: 'a heredoc script with a bash shebang',
        code: 'FROM debian:12\nRUN <<EOF\n#!/bin/bash\nset -e\necho $RANDOM $y\nEOF\n',
        errors: [unassigned('y', [5, 14, 5, 16]), quote([5, 14, 5, 16], 'FROM debian:12\nRUN <<EOF\n#!/bin/bash\nset -e\necho $RANDOM "$y"\nEOF\n')],
        output: null,
      },
      {
        name: 'a heredoc script without shebang runs with sh',
        code: 'FROM debian:12\nRUN <<EOF\necho $RANDOM\nEOF\n',
        errors: [sc('SC3028', 'warning', 'In POSIX sh, RANDOM is undefined.', [3, 6, 3, 13], [])],
        output: null,
      },
      {
        name: 'an unquoted heredoc body fed to a command is expanded by the shell',
        code: 'FROM debian:12\nRUN cat <<EOF > /etc/app.conf\nhome=$app_home\nEOF\n',
        errors: [unassigned('app_home', [3, 6, 3, 15])],
        output: null,
      },
      {
        name: 'ONBUILD RUN sees the image ENV, not its ARG',
        code: 'FROM debian:12\nARG version\nONBUILD RUN echo "$version" "$home"\nENV home=/opt\n',
        errors: [unassigned('version', [3, 19, 3, 27])],
        output: null,
      },
      {
        name: 'a global ARG is not declared in a stage that does not declare it again',
        code: 'ARG release=1\nFROM debian:12\nRUN echo "$release"\n',
        errors: [unassigned('release', [3, 11, 3, 19])],
        output: null,
      },
      {
        name: 'sh by default: bash features are reported',
        code: 'FROM debian:12\nRUN [[ -d /etc ]] && echo "$RANDOM"\n',
        errors: [
          sc('SC3010', 'warning', 'In POSIX sh, [[ ]] is undefined.', [2, 5, 2, 18], []),
          sc('SC3028', 'warning', 'In POSIX sh, RANDOM is undefined.', [2, 28, 2, 35], []),
        ],
        output: null,
      },
      {
        name: "a stage's shell pragma holds for that stage only, and a SHELL after it wins",
        code: 'FROM debian:12 AS a\n# hadolint shell=powershell\nRUN echo "$x"\nFROM debian:12\nRUN echo "$y"\nFROM debian:12\n# hadolint shell=powershell\nSHELL ["/bin/sh", "-c"]\nRUN echo "$z"\n',
        errors: [sc('SC2154', 'warning', 'y is referenced but not assigned.', [5, 11, 5, 13], []), sc('SC2154', 'warning', 'z is referenced but not assigned.', [9, 11, 9, 13], [])],
        output: null,
      },
      {
        name: "the file's shell pragma gives way to a SHELL of the stage or of the stage it is built FROM; one inside a RUN is the script's",
        code: '# hadolint shell=powershell\nFROM debian:12 AS a\nSHELL ["/bin/sh", "-c"]\nRUN echo "$x"\nFROM a\nRUN echo "$y" \\\n# hadolint shell=bash\n  && echo "$RANDOM"\n',
        errors: [
          sc('SC2154', 'warning', 'x is referenced but not assigned.', [4, 11, 4, 13], []),
          sc('SC2154', 'warning', 'y is referenced but not assigned.', [6, 11, 6, 13], []),
          sc('SC3028', 'warning', 'In POSIX sh, RANDOM is undefined.', [8, 12, 8, 19], []),
        ],
        output: null,
      },
      {
        name: 'SHELL is not inherited from an unrelated stage',
        code: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-c"]\nFROM debian:12\nRUN echo $RANDOM\n',
        errors: [sc('SC3028', 'warning', 'In POSIX sh, RANDOM is undefined.', [4, 10, 4, 17], [])],
        output: null,
      },
      {
        name: 'the escape character set to a backtick; exact columns after a tab and a non-BMP character',
        code: '# escape=`\nFROM debian:12\nRUN echo "😀"\t`\n    $x\n',
        errors: [unassigned('x', [4, 5, 4, 7]), quote([4, 5, 4, 7])],
        output: null,
      },
      {
        name: '# hadolint ignore=SC2086 silences that code only',
        code: 'FROM debian:12\n# hadolint ignore=SC2086\nRUN echo $x\n',
        errors: [unassigned('x', [3, 10, 3, 12])],
        output: null,
      },
      {
        name: 'our directive silences one code too',
        code: 'FROM debian:12\n# docmind-docker-lint-disable-next-line SC2154\nRUN echo $x\n',
        errors: [quote([3, 10, 3, 12])],
        output: null,
      },
      {
        name: 'severity warning leaves out info and style',
        code: 'FROM debian:12\nRUN echo $x `ls`\n',
        options: [{ severity: 'warning' }],
        errors: [unassigned('x', [2, 10, 2, 12]), sc('SC2046', 'warning', 'Quote this to prevent word splitting.', [2, 13, 2, 17], [])],
        output: null,
      },
    ],
  });

  it('runs one shellcheck process for all RUNs of a file, keeps each finding with its RUN, and reuses results', async () => {
    // A wrapper outside the project that counts its runs, then runs the real shellcheck.
    const folder = mkdtempSync(path.join(tmpdir(), 'docmind-shellcheck-test-'));
    const counter = path.join(folder, 'runs');
    const wrapper = path.join(folder, 'shellcheck');
    writeFileSync(wrapper, `#!/bin/sh\necho run >> '${counter}'\nexec shellcheck "$@"\n`, { mode: 0o755 });
    try {
      const runs = Array.from({ length: 30 }, (_, index) => `RUN echo $v${index}\n`).join('');
      const messages = await lint(`FROM debian:12\n${runs}`, ['error', { path: wrapper }]);
      const unassignedLines = messages.filter((message) => message.code === 'SC2154').map((message) => [message.line, message.message]);
      expect(unassignedLines).toEqual(Array.from({ length: 30 }, (_, index) => [index + 2, `SC2154 (warning): v${index} is referenced but not assigned.`]));
      expect(readFileSync(counter, 'utf8')).toBe('run\n');
      // Linted again with one RUN changed: only that script goes to ShellCheck.
      const again = await lint(`FROM debian:12\n${runs}RUN echo $w\n`, ['error', { path: wrapper }]);
      expect(again.filter((message) => message.code === 'SC2154')).toHaveLength(31);
      expect(readFileSync(counter, 'utf8')).toBe('run\nrun\n');
      await lint(`FROM debian:12\n${runs}`, ['error', { path: wrapper }]);
      expect(readFileSync(counter, 'utf8')).toBe('run\nrun\n');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('reports infos and styles as warnings, warnings and errors at the rule severity', async () => {
    const messages = await lint('FROM debian:12\nRUN echo $x\n', 'error');
    expect(messages.map((message) => [message.code, message.severity])).toEqual([
      ['SC2154', 2],
      ['SC2086', 1],
    ]);
  });

  it("takes a .hadolint.yaml's ignored SC codes and severity overrides (never above the rule's severity)", async () => {
    const run = async (hadolint: string, entry: RuleEntry) => {
      const results = await lintProject({
        cwd: '/p',
        host: new MemoryHost({ '/p/.hadolint.yaml': hadolint, '/p/Dockerfile': 'FROM debian:12\nRUN echo $x `ls`\n' }),
        plugins: [{ meta: { name: 'shellcheck-test' }, rules: { shellcheck: rule } }],
        baseConfig: { rules: { shellcheck: entry } },
      });
      return results[0]!.messages.map((message) => [message.code, message.severity]);
    };
    expect(await run('ignored: [DL3007]\n', 'error')).toEqual([
      ['SC2154', 2],
      ['SC2086', 1],
      ['SC2046', 2],
      ['SC2006', 1],
    ]);
    // ignored leaves the code out; override error keeps an info at the rule's severity, override
    // warning/info/style makes a warning one a warning; ignored wins over override.
    const hadolint = 'ignored: [SC2006, SC2046]\noverride:\n  error: [SC2086, SC2046]\n  style: [SC2154]\n';
    expect(await run(hadolint, 'error')).toEqual([
      ['SC2154', 1],
      ['SC2086', 2],
    ]);
    expect(await run(hadolint, 'warn')).toEqual([
      ['SC2154', 1],
      ['SC2086', 1],
    ]);
  });
});

describe('without a usable shellcheck', () => {
  const savedPath = process.env['PATH'];
  afterEach(() => {
    process.env['PATH'] = savedPath;
  });

  it('with `path` to a missing program: one warning at 1:1, once per process, then nothing', async () => {
    const missing = `/nonexistent-docmind-${process.pid}/a/shellcheck`;
    const first = await lint('FROM debian:12\nRUN echo $x\n', ['error', { path: missing }]);
    expect(first.map(shape)).toEqual([{ line: 1, column: 1, messageId: 'unavailable', severity: 1 }]);
    expect(first[0]!.message).toContain(`no program at ${missing}`);
    const second = await lint('FROM debian:12\nRUN echo $y\n', ['error', { path: missing }]);
    expect(second).toEqual([]);
  });

  it('with no shellcheck on PATH: the notice, only once a file has something to check', async () => {
    process.env['PATH'] = `/nonexistent-docmind-${process.pid}/bin`;
    expect(await lint('FROM debian:12\nCMD ["sh"]\n', 'error')).toEqual([]);
    const messages = await lint('FROM debian:12\nRUN echo $x\n', 'error');
    expect(messages.map(shape)).toEqual([{ line: 1, column: 1, messageId: 'unavailable', severity: 1 }]);
    expect(messages[0]!.message).toContain('no `shellcheck` on PATH');
  });

  it('refuses a relative path and a path inside the project, without running it', async () => {
    const inside = path.join(process.cwd(), 'node_modules', '.bin', 'shellcheck');
    for (const option of ['bin/shellcheck', inside]) {
      const messages = await lint('FROM debian:12\nRUN echo $x\n', ['error', { path: option }]);
      expect(messages.map(shape)).toEqual([{ line: 1, column: 1, messageId: 'pathRefused', severity: 1 }]);
    }
  });

  it('reports a program that is not ShellCheck as a failure at the first RUN', async () => {
    const messages = await lint('FROM debian:12\nENV a=1\nRUN echo $x\n', ['error', { path: '/bin/false' }]);
    expect(messages.map(shape)).toEqual([{ line: 3, column: 1, messageId: 'failed', severity: 2 }]);
    expect(messages[0]!.message).toContain('json1');
  });
});

describe('with --cache', () => {
  // A rule beside shellcheck that counts the lints: a cached file runs no rule.
  let lints = 0;
  const counter = makeCreateRule((name) => `https://example.test/${name}`)<'never', []>({
    name: 'count-lints',
    meta: { type: 'problem', docs: { description: 'Counts lints.' }, messages: { never: 'never' }, schema: [], defaultOptions: [] },
    create() {
      return {
        Dockerfile() {
          lints++;
        },
      };
    },
  });

  it('lints again after ShellCheck is installed or its version changes, not otherwise', async () => {
    const folder = realpathSync(mkdtempSync(path.join(tmpdir(), 'docmind-shellcheck-cache-')));
    const project = path.join(folder, 'project');
    const program = path.join(folder, 'bin', 'shellcheck');
    mkdirSync(project);
    mkdirSync(path.dirname(program));
    writeFileSync(path.join(project, 'Dockerfile'), 'FROM debian:12\nRUN echo hi\n');
    /** A ShellCheck of a given version: answers `--version`, finds nothing. */
    const install = (version: string) =>
      writeFileSync(program, `#!/bin/sh\nif [ "$1" = --version ]; then printf 'ShellCheck\\nversion: ${version}\\n'; exit 0; fi\necho '{"comments":[]}'\n`, { mode: 0o755 });
    const run = async () => {
      const before = lints;
      await lintProject({
        cwd: project,
        useConfigFiles: false,
        plugins: [{ meta: { name: 'shellcheck-cache-test' }, rules: { shellcheck: rule, 'count-lints': counter } }],
        baseConfig: { rules: { shellcheck: ['error', { path: program }], 'count-lints': 'error' } },
        cache: { location: path.join(folder, 'cache') },
      });
      return lints - before;
    };
    try {
      expect(await run()).toBe(1);
      expect(await run()).toBe(0);
      install('0.8.0');
      expect(await run()).toBe(1);
      expect(await run()).toBe(0);
      install('0.9.0');
      expect(await run()).toBe(1);
      expect(await run()).toBe(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

async function lint(code: string, entry: RuleEntry): Promise<readonly LintMessage[]> {
  const [result] = await lintText(code, {
    filePath: 'Dockerfile',
    kind: 'dockerfile',
    useConfigFiles: false,
    plugins: [{ meta: { name: 'shellcheck-test' }, rules: { shellcheck: rule } }],
    rules: { shellcheck: entry },
  });
  return result!.messages;
}

function shape(message: LintMessage): { line: number; column: number; messageId: string | undefined; severity: number } {
  return { line: message.line, column: message.column, messageId: message.messageId, severity: message.severity };
}
