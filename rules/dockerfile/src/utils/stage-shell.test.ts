import { spawnSync } from 'node:child_process';
import { parseDockerfile, SourceFile } from '@docmind-docker-lint/core';
import { RuleTester } from '@docmind-docker-lint/rule-tester';
import { describe, expect, it } from 'vitest';
import shellcheck from '../shellcheck/index.js';
import { DEFAULT_SHELL, isWindowsStage, stageShell, WINDOWS_DEFAULT_SHELL } from './stage-shell.js';

/** The shell of each RUN of a Dockerfile, in order. */
function runShells(text: string): (readonly string[])[] {
  const dockerfile = parseDockerfile(SourceFile.fromText('/project/Dockerfile', text, 'dockerfile'));
  return dockerfile.instructions.filter((instruction) => instruction.keyword === 'RUN').map(stageShell);
}

describe('stageShell on Windows images', () => {
  it.each([
    ['Microsoft base image', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir\n'],
    ['nanoserver, old Docker Hub name', 'FROM microsoft/nanoserver\nRUN dir\n'],
    ['an official image tag', 'FROM python:3.12-windowsservercore-ltsc2022\nRUN dir\n'],
    ['a windows word in the name', 'FROM stefanscherer/node-windows:6.0.0\nRUN dir\n'],
    ['.NET Framework image', 'FROM mcr.microsoft.com/dotnet/framework/sdk:4.8\nRUN dir\n'],
    ['the image in an ARG default', 'ARG BASE=mcr.microsoft.com/windows/nanoserver:ltsc2022\nFROM ${BASE}\nRUN dir\n'],
    // Corpus: StefanScherer/dockerfiles-windows nodew/Dockerfile.
    ['the escape directive', '# escape=`\nFROM stefanscherer/chocolatey\nRUN nvms\\setup.bat\n'],
    ['a drive path in ENV', 'FROM stefanscherer/chocolatey\nENV USERPROFILE C:\\home\nRUN nvms\\setup.bat\n'],
    ['a drive path in an ARG default', "FROM example/base\nARG jdkTemp='C:\\jdktemp'\nRUN dir\n"],
    ['a drive path in WORKDIR, later in the stage', 'FROM example/base\nRUN dir\nWORKDIR c:/app\n'],
    ['a drive path as COPY destination', 'FROM example/base\nCOPY ["app.exe", "C:\\\\app\\\\"]\nRUN dir\n'],
    ['a parent stage that is Windows', 'FROM example/base AS base\nWORKDIR C:\\app\nFROM base\nRUN dir\n'],
  ])('%s: cmd /S /C', (_, text) => {
    expect(runShells(text).at(-1)).toBe(WINDOWS_DEFAULT_SHELL);
  });

  it.each([
    ['a Linux image', 'FROM debian:12\nRUN ls\n'],
    ['an image whose name says nothing', 'FROM stefanscherer/chocolatey\nRUN ls\n'],
    ['a stage named windows', 'FROM scratch AS binary-windows\nCOPY --from=build /out/app.exe /\nFROM alpine\nRUN ls\n'],
    ['windows inside a word', 'FROM example/nowindowsx:1\nRUN ls\n'],
    ['a drive letter that is no path', 'FROM debian:12\nENV DISPLAY=:0 URL=http://x/c:y\nWORKDIR /c:\nRUN ls\n'],
    ['a Linux stage beside a Windows one', 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022 AS win\nFROM golang:1.22 AS build\nRUN ls\n'],
    ['the escape directive on a Linux image', '# escape=`\nFROM python:3.12-slim-bookworm\nRUN ls\n'],
    ['the escape directive on a Linux distribution', '# escape=`\nFROM debian:12\nRUN ls\n'],
    ['a child stage does not make its parent Windows', 'FROM example/base AS base\nRUN ls\nFROM base\nWORKDIR C:\\app\n'],
  ])('%s: /bin/sh -c', (_, text) => {
    expect(runShells(text)[0]).toBe(DEFAULT_SHELL);
  });

  it('a SHELL instruction still decides, in the stage or inherited', () => {
    const shells = runShells(
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS base\nRUN dir\nSHELL ["powershell", "-Command"]\nRUN Get-Item x\nFROM base\nRUN Get-Item y\nFROM base AS sh\nSHELL ["C:\\\\msys64\\\\usr\\\\bin\\\\bash.exe", "-c"]\nRUN ls\n',
    );
    expect(shells).toEqual([WINDOWS_DEFAULT_SHELL, ['powershell', '-Command'], ['powershell', '-Command'], ['C:\\msys64\\usr\\bin\\bash.exe', '-c']]);
  });

  it('survives a cycle of stages', () => {
    const dockerfile = parseDockerfile(SourceFile.fromText('/project/Dockerfile', 'FROM a AS b\nFROM b AS a\nRUN ls\n', 'dockerfile'));
    for (const stage of dockerfile.stages) expect(isWindowsStage(stage)).toBe(false);
  });
});

const installed = spawnSync('shellcheck', ['--version'], { stdio: 'ignore' }).status === 0;

describe.skipIf(!installed)('shellcheck skips RUNs of Windows stages', () => {
  new RuleTester().run('shellcheck', shellcheck, {
    valid: [
      // Corpus: StefanScherer/dockerfiles-windows nodew/Dockerfile:10 (SC1001 on `nvms\setup.bat`).
      { name: 'escape directive', code: '# escape=`\nFROM stefanscherer/chocolatey\nRUN nvms\\setup.bat\n' },
      { name: 'drive path in ENV', code: 'FROM stefanscherer/chocolatey\nENV USERPROFILE C:\\home\nRUN nvms\\setup.bat && echo "$USERPROFILE"\n' },
    ],
    invalid: [
      {
        name: 'the same stage without the Windows evidence is checked',
        code: 'FROM stefanscherer/chocolatey\nRUN echo "$profile"\n',
        errors: [
          {
            messageId: 'finding',
            data: { code: 'SC2154', level: 'warning', message: 'profile is referenced but not assigned.' },
            line: 2,
            column: 11,
            endLine: 2,
            endColumn: 19,
            suggestions: [],
          },
        ],
        output: null,
      },
    ],
  });
});
