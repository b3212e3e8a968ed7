import { isDockerHub, type ImageReference, type InstructionNode, type StageNode } from '@docmind-docker-lint/core';
import { programName } from './program-name.js';

/** What RUN uses when no SHELL instruction says otherwise (on Linux). */
export const DEFAULT_SHELL: readonly string[] = ['/bin/sh', '-c'];

/** What RUN uses on a Windows image when no SHELL instruction says otherwise. */
export const WINDOWS_DEFAULT_SHELL: readonly string[] = ['cmd', '/S', '/C'];

/**
 * The shell a RUN (or ONBUILD RUN) instruction runs with: the last exec-form `SHELL` before it in its
 * stage, else the one its parent stage ends with (a stage built `FROM` another inherits its SHELL),
 * else the image's default: `cmd /S /C` on a Windows stage (see `isWindowsStage`), `/bin/sh -c` otherwise.
 */
export function stageShell(instruction: InstructionNode): readonly string[] {
  const stage = instruction.stage;
  if (!stage) return DEFAULT_SHELL;
  return (
    lastShell(stage, instruction.range[0]) ??
    inheritedShell(stage.parent, new Set()) ??
    (isWindowsStage(stage) ? WINDOWS_DEFAULT_SHELL : DEFAULT_SHELL)
  );
}

/**
 * Whether a shell reads POSIX shell syntax. PowerShell and cmd do not (as hadolint decides: the
 * program name contains `pwsh`, `powershell` or `cmd`), so shell analysis is off for their RUNs.
 */
export function isPosixShell(shell: readonly string[]): boolean {
  const program = programName((shell[0] ?? '').replaceAll('\\', '/')).toLowerCase();
  return !/pwsh|powershell|cmd/.test(program);
}

/**
 * Images that are Windows: Microsoft's Windows base images (`mcr.microsoft.com/windows/servercore`,
 * `.../nanoserver`, `microsoft/windowsservercore`, `.../windowsservercore-insider`), .NET Framework
 * images (Windows only), any name or tag with `nanoserver` or `servercore` in it (the official images'
 * `python:3.12-windowsservercore-ltsc2022`, `openjdk:8-nanoserver`), and a `windows` word in the name or
 * tag (`stefanscherer/node-windows`, `stefanscherer/xterm:windows`).
 */
const WINDOWS_IMAGE = /nanoserver|servercore|(?:^|[/:@._-])windows(?:[/:@._-]|$)|^mcr\.microsoft\.com\/(?:windows|dotnet\/framework\/)/;

/**
 * Images that are Linux for sure: the distributions' own images on Docker Hub, and tags that name a
 * Linux distribution (`3.12-slim-bookworm`, `3.20-alpine`). Only the escape directive gives way to them.
 */
const LINUX_IMAGE =
  /^(?:debian|ubuntu|alpine|busybox|fedora|centos|rockylinux|almalinux|amazonlinux|oraclelinux|archlinux|photon|clearlinux|mageia|opensuse\/[^:@]+)(?:[:@]|$)|:[^@]*(?:alpine|bookworm|bullseye|buster|stretch|trixie|jammy|noble|focal|bionic|slim)/;

/** A Windows drive path: `C:\`, `c:/` (after an opening quote or bracket of exec form). */
const DRIVE_PATH = /^[["']*[A-Za-z]:[\\/]/;
/** An ENV or ARG value that is a Windows path with a backslash: `PATH=C:\node`, `USERPROFILE C:\home`. */
const DRIVE_VALUE = /^(?:[A-Za-z_][A-Za-z0-9_]*=)?["']?[A-Za-z]:\\/;

const windowsStages = new WeakMap<StageNode, boolean>();

/**
 * Whether a stage runs on a Windows image, where RUN without a SHELL goes to `cmd /S /C`, not
 * `/bin/sh -c`. Evidence, any of:
 * - the Dockerfile's `# escape=\`` directive (chosen because `\` is the Windows path separator),
 *   unless the image is a Linux distribution's (`FROM debian:12`, `python:3.12-alpine`);
 * - the image the stage chain starts from is a Windows image (see `WINDOWS_IMAGE`), its name read
 *   with ARG defaults resolved and as written;
 * - a Windows drive path (`C:\app`) in a WORKDIR, VOLUME, COPY or ADD argument, or an ENV or ARG
 *   value, of the stage or a stage it is built from.
 * An image whose name says nothing (`stefanscherer/chocolatey`) is not Windows by itself.
 */
export function isWindowsStage(stage: StageNode): boolean {
  let windows = windowsStages.get(stage);
  if (windows === undefined) {
    const chain = chainOf(stage);
    const root = chain.at(-1)!.image;
    const escapeDirective = stage.from.dockerfile.escapeCharacter === '`' && !(root && isLinuxImage(root));
    windows = escapeDirective || chain.some(hasWindowsEvidence);
    windowsStages.set(stage, windows);
  }
  return windows;
}

/** The stage and the stages it is built from, itself first. */
function chainOf(stage: StageNode): StageNode[] {
  const chain: StageNode[] = [];
  for (let current: StageNode | null = stage; current && !chain.includes(current); current = current.parent) chain.push(current);
  return chain;
}

function hasWindowsEvidence(stage: StageNode): boolean {
  if (stage.image && isWindowsImage(stage.image)) return true;
  return stage.instructions.some((instruction) => {
    switch (instruction.keyword) {
      case 'WORKDIR':
      case 'VOLUME':
      case 'COPY':
      case 'ADD':
        return instruction.args.some((word) => DRIVE_PATH.test(word.raw));
      case 'ENV':
      case 'ARG':
        return instruction.args.some((word) => DRIVE_VALUE.test(word.raw));
      default:
        return false;
    }
  });
}

function isWindowsImage(image: ImageReference): boolean {
  return [image.resolved, image.raw].some((reference) => WINDOWS_IMAGE.test(reference.toLowerCase()));
}

function isLinuxImage(image: ImageReference): boolean {
  const reference = `${image.name}${image.tag === null ? '' : `:${image.tag}`}`.toLowerCase();
  return isDockerHub(image) && LINUX_IMAGE.test(reference);
}

/** The exec-form SHELL instructions of each stage, in order, with the shell each sets (read once per stage). */
const stageShells = new WeakMap<StageNode, readonly { readonly start: number; readonly shell: readonly string[] }[]>();

function lastShell(stage: StageNode, before: number): readonly string[] | undefined {
  let shells = stageShells.get(stage);
  if (!shells) {
    shells = stage.instructions
      .filter((instruction) => instruction.keyword === 'SHELL' && instruction.execForm && instruction.execForm.elements.length > 0)
      .map((instruction) => ({ start: instruction.range[0], shell: instruction.execForm!.elements.map((element) => element.value) }));
    stageShells.set(stage, shells);
  }
  let shell: readonly string[] | undefined;
  for (const entry of shells) {
    if (entry.start >= before) break;
    shell = entry.shell;
  }
  return shell;
}

function inheritedShell(stage: StageNode | null, seen: Set<StageNode>): readonly string[] | undefined {
  if (!stage || seen.has(stage)) return undefined;
  seen.add(stage);
  return lastShell(stage, Number.POSITIVE_INFINITY) ?? inheritedShell(stage.parent, seen);
}
