import type { CommentNode, InstructionNode, OffsetRange, StageNode } from '@docmind-docker-lint/core';
import { instructionProperties } from '../utils/instruction-properties.js';
import { programName } from '../utils/program-name.js';
import { heredocRanges, isHeredocMarker, scriptStart } from '../utils/run-script.js';
import { dockerfileScriptText, type ScriptText } from '../utils/script-text.js';
import { DEFAULT_SHELL, isPosixShell, stageShell } from '../utils/stage-shell.js';

/** The shell dialects ShellCheck 0.9 checks. */
export type Dialect = 'sh' | 'bash' | 'dash' | 'ksh';

/** One script to give ShellCheck: a RUN's text with the Dockerfile offset of every character. */
export interface ShellcheckScript {
  readonly instruction: InstructionNode;
  readonly dialect: Dialect;
  /** Variable names the build sets for this RUN (ARG, ENV, Docker's proxy args), declared before the script. */
  readonly exported: readonly string[];
  /** The script; `text` may start after a shebang line that was read for the dialect (see `from`). */
  readonly script: ScriptText;
  /** Index in `script.text` where the checked text starts (past a heredoc's shebang line). */
  readonly from: number;
}

/** Build args Docker sets without an ARG instruction (`docker build --build-arg HTTP_PROXY=...`). */
const PROXY_ARGS: readonly string[] = ['HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY'].flatMap((name) => [
  name,
  name.toLowerCase(),
]);

const SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Program names of shells, and the dialect ShellCheck reads them in (ash: BusyBox, checked as dash). */
const DIALECTS: Readonly<Record<string, Dialect>> = {
  sh: 'sh',
  bash: 'bash',
  dash: 'dash',
  ash: 'dash',
  ksh: 'ksh',
  ksh93: 'ksh',
  mksh: 'ksh',
};

/**
 * The script a RUN or ONBUILD RUN runs, for ShellCheck, or `undefined` when there is none to check:
 * exec form, a shell ShellCheck does not read (PowerShell, cmd, zsh, fish ...), a heredoc script
 * for another interpreter (`#!/usr/bin/env python3`), or an empty script.
 *
 * - Shell form: the text after `RUN` and its flags to the end of the instruction, continuations
 *   (with the comment and blank lines Docker drops in them) removed, heredoc bodies kept verbatim
 *   as the shell reads them (`cat <<EOF > file ... EOF`).
 * - `RUN <<EOF` alone: the heredoc body is the script; its shebang, if any, gives the dialect.
 */
export function shellcheckScript(instruction: InstructionNode): ShellcheckScript | undefined {
  const pragma = pragmaShell(instruction);
  const shell =
    pragma ?? (instruction.stage === null ? unstagedShell(instruction) : instruction.keyword === 'ONBUILD' ? triggerShell(instruction) : stageShell(instruction));
  if (!isPosixShell(shell) || (shell === DEFAULT_SHELL && onWindowsImage(instruction))) return undefined;
  const shellDialect = dialectOf(shell);
  if (!shellDialect || isExecForm(instruction)) return undefined;
  const { file, escapeCharacter } = instruction.dockerfile;
  const start = scriptStart(instruction);
  if (start === undefined) return undefined;
  const exported = exportedNames(instruction);
  const heredocs = instruction.keyword === 'RUN' ? heredocRanges(instruction).filter((heredoc) => insideInstruction(instruction, heredoc.body)) : [];
  const [lone] = heredocs;
  if (lone && heredocs.length === 1) {
    const commandLine = dockerfileScriptText(file.text, [start, lone.body[0]], escapeCharacter).text.trim();
    if (isHeredocMarker(commandLine, lone.name)) {
      const body = dockerfileScriptText(file.text, lone.content, escapeCharacter, { verbatim: [lone.content] });
      const shebang = /^#![^\n]*(?:\n|$)/.exec(body.text);
      const dialect = shebang ? shebangDialect(shebang[0]) : shellDialect;
      if (!dialect || body.text.trim() === '') return undefined;
      return { instruction, dialect, exported, script: body, from: shebang ? shebang[0].length : 0 };
    }
  }
  const script = dockerfileScriptText(file.text, [start, instruction.range[1]], escapeCharacter, {
    verbatim: heredocs.map((heredoc) => heredoc.body),
  });
  if (script.text.trim() === '') return undefined;
  return { instruction, dialect: shellDialect, exported, script, from: 0 };
}

/** The dialect of a SHELL instruction's program (`["/bin/bash", "-o", "pipefail", "-c"]`; `busybox sh`). */
function dialectOf(shell: readonly string[]): Dialect | undefined {
  let program = programName((shell[0] ?? '').replaceAll('\\', '/')).toLowerCase();
  if (program === 'busybox') return (shell[1] ?? '') === 'sh' || shell[1] === 'ash' ? 'dash' : undefined;
  if (program.endsWith('.exe')) program = program.slice(0, -4);
  return Object.hasOwn(DIALECTS, program) ? DIALECTS[program] : undefined;
}

/** `#!/bin/bash -e`, `#!/usr/bin/env sh`: the dialect, or `undefined` for another interpreter. */
function shebangDialect(line: string): Dialect | undefined {
  const match = /^#!\s*(\S+)(?:[ \t]+(?:-S[ \t]+)?(\S+))?/.exec(line);
  if (!match) return undefined;
  const interpreter = programName(match[1]!) === 'env' ? (match[2] ?? '') : match[1]!;
  return dialectOf([interpreter]);
}

/**
 * The shell an ONBUILD trigger runs with: the SHELL the image ends with (it is kept in the image's
 * config, and the trigger runs in the child build right after its FROM), not the one before the ONBUILD.
 */
function triggerShell(instruction: InstructionNode): readonly string[] {
  const stage = instruction.stage!;
  const last = stage.instructions.at(-1) ?? instruction;
  const shells = stage.instructions.filter((candidate) => candidate.keyword === 'SHELL' && (candidate.execForm?.elements.length ?? 0) > 0);
  const lastShell = shells.at(-1);
  return lastShell ? lastShell.execForm!.elements.map((element) => element.value) : stageShell(last);
}

/** Windows base images (`mcr.microsoft.com/windows/servercore`, `.../nanoserver`): RUN uses cmd there unless SHELL says otherwise. */
const WINDOWS_IMAGE = /windows|nanoserver|servercore/i;

function onWindowsImage(instruction: InstructionNode): boolean {
  const seen = new Set<StageNode>();
  let stage = instruction.stage;
  while (stage?.parent && !seen.has(stage)) {
    seen.add(stage);
    stage = stage.parent;
  }
  return WINDOWS_IMAGE.test(stage?.image?.name ?? '');
}

/** `# hadolint shell=powershell`: hadolint's pragma naming the shell of the file or of a stage, for ShellCheck. */
const SHELL_PRAGMA = /^#[ \t]*hadolint[ \t]+shell[ \t]*=[ \t]*([^\s#]+)/;

interface ShellPragma {
  readonly shell: string;
  readonly at: number;
}

const pragmasOf = new WeakMap<readonly CommentNode[], readonly ShellPragma[]>();

/** The file's `# hadolint shell=` pragmas in order, outside instructions (a comment inside one is the script's). */
function shellPragmas(instruction: InstructionNode): readonly ShellPragma[] {
  const { comments, instructions } = instruction.dockerfile;
  let found = pragmasOf.get(comments);
  if (!found) {
    found = comments.flatMap((comment) => {
      const match = SHELL_PRAGMA.exec(comment.text);
      if (!match) return [];
      const last = lastBefore(instructions, comment.range[0], (candidate) => candidate.range[0]);
      const inside = last !== undefined && comment.range[0] < last.range[1];
      return inside ? [] : [{ shell: match[1]!, at: comment.range[0] }];
    });
    pragmasOf.set(comments, found);
  }
  return found;
}

const shellsOf = new WeakMap<StageNode, readonly InstructionNode[]>();

/** A stage's SHELL instructions, in order. */
function shellInstructions(stage: StageNode): readonly InstructionNode[] {
  let found = shellsOf.get(stage);
  if (!found) shellsOf.set(stage, (found = stage.instructions.filter((candidate) => candidate.keyword === 'SHELL')));
  return found;
}

/** The last item (of a list sorted by `at`) placed before `offset`, by binary search. */
function lastBefore<T>(items: readonly T[], offset: number, at: (item: T) => number): T | undefined {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (at(items[middle]!) < offset) low = middle + 1;
    else high = middle;
  }
  return items[low - 1];
}

/**
 * The shell a `# hadolint shell=NAME` pragma gives a RUN, as hadolint reads it: before the first FROM
 * it is the file's default, after a FROM it holds for that stage. A SHELL instruction later in the
 * stage (before the RUN) wins over a stage's pragma, and any SHELL of the stage or of the stages it
 * is built FROM wins over the file's default. `undefined` when no pragma applies. hadolint uses it to
 * skip ShellCheck for PowerShell or cmd files; a POSIX shell (`bash`) picks the dialect.
 */
function pragmaShell(instruction: InstructionNode): readonly string[] | undefined {
  const pragmas = shellPragmas(instruction);
  if (pragmas.length === 0) return undefined;
  const stage = instruction.stage;
  const firstFrom = instruction.dockerfile.stages[0]?.from.range[0] ?? Infinity;
  const fileDefault = lastBefore(pragmas, Math.min(firstFrom, instruction.range[0]), (pragma) => pragma.at);
  if (!stage) return fileDefault ? [fileDefault.shell] : undefined;
  const last = lastBefore(pragmas, instruction.range[0], (pragma) => pragma.at);
  const inStage = last && last.at > stage.from.range[0] ? last : undefined;
  const shell = lastBefore(shellInstructions(stage), instruction.range[0], (candidate) => candidate.range[0]);
  if (inStage) return !shell || inStage.at > shell.range[0] ? [inStage.shell] : undefined;
  if (!fileDefault || shell) return undefined;
  const seen = new Set<StageNode>([stage]);
  for (let parent = stage.parent; parent && !seen.has(parent); parent = parent.parent) {
    seen.add(parent);
    if (shellInstructions(parent).length > 0) return undefined;
  }
  return [fileDefault.shell];
}

/** In a file without FROM (a fragment, a test), the last SHELL before the RUN (any SHELL for a trigger). */
function unstagedShell(instruction: InstructionNode): readonly string[] {
  let shell = DEFAULT_SHELL;
  for (const candidate of instruction.dockerfile.instructions) {
    if (candidate.stage !== null || (candidate.range[0] >= instruction.range[0] && instruction.keyword !== 'ONBUILD')) break;
    if (candidate.keyword === 'SHELL' && candidate.execForm && candidate.execForm.elements.length > 0) {
      shell = candidate.execForm.elements.map((element) => element.value);
    }
  }
  return shell;
}

/** `RUN ["a", "b"]`, `ONBUILD RUN ["a", "b"]`: no shell reads it. */
function isExecForm(instruction: InstructionNode): boolean {
  if (instruction.keyword === 'RUN') return instruction.execForm !== null;
  const start = scriptStart(instruction);
  if (start === undefined) return false;
  const rest = instruction.dockerfile.file.text.slice(start, instruction.range[1]).trim();
  if (!rest.startsWith('[')) return false;
  try {
    const value: unknown = JSON.parse(rest);
    return Array.isArray(value) && value.every((element) => typeof element === 'string');
  } catch {
    return false;
  }
}

function insideInstruction(instruction: InstructionNode, range: OffsetRange): boolean {
  return range[0] >= instruction.range[0] && range[1] <= instruction.range[1] && range[0] <= range[1];
}

/** The first declaration of each name in a list of instructions, in order: `at` is the instruction's start. */
interface Declarations {
  /** ARG and ENV names. */
  readonly argOrEnv: readonly { readonly name: string; readonly at: number }[];
  /** ENV names only. */
  readonly env: readonly string[];
}

const declarationsOf = new WeakMap<readonly InstructionNode[], Declarations>();

/** The names a list of instructions declares, computed once per list (a stage, or the global ARGs). */
function declarations(instructions: readonly InstructionNode[]): Declarations {
  let found = declarationsOf.get(instructions);
  if (found) return found;
  const argOrEnv: { name: string; at: number }[] = [];
  const env: string[] = [];
  const seen = new Set<string>();
  const seenEnv = new Set<string>();
  for (const candidate of instructions) {
    if (candidate.keyword !== 'ARG' && candidate.keyword !== 'ENV') continue;
    for (const property of instructionProperties(candidate)) {
      if (!SHELL_NAME.test(property.name)) continue;
      if (!seen.has(property.name)) {
        seen.add(property.name);
        argOrEnv.push({ name: property.name, at: candidate.range[0] });
      }
      if (candidate.keyword === 'ENV' && !seenEnv.has(property.name)) {
        seenEnv.add(property.name);
        env.push(property.name);
      }
    }
  }
  found = { argOrEnv, env };
  declarationsOf.set(instructions, found);
  return found;
}

/** The ARG and ENV names declared before `offset`: a prefix of the first declarations (binary search). */
function declaredBefore(list: Declarations['argOrEnv'], offset: number): string[] {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle]!.at < offset) low = middle + 1;
    else high = middle;
  }
  return list.slice(0, low).map((entry) => entry.name);
}

/**
 * The variables a RUN sees from the build, as names: ARG and ENV of its stage before it, ENV of the
 * stages it is built FROM (ARGs do not carry over a FROM; global ARGs only when declared again), and
 * Docker's proxy build args. An ONBUILD trigger runs in the child build, so it sees the image's ENV
 * (all of them, set after the ONBUILD too) and the proxy args, but no ARG.
 */
function exportedNames(instruction: InstructionNode): string[] {
  const names = new Set<string>(PROXY_ARGS);
  const onbuild = instruction.keyword === 'ONBUILD';
  const stage = instruction.stage;
  // ONBUILD triggers run in a child image: only the ENV of the whole stage is there, not its ARGs.
  const own = declarations(stage ? stage.instructions : instruction.dockerfile.instructions.filter((candidate) => candidate.stage === null));
  for (const name of onbuild ? own.env : declaredBefore(own.argOrEnv, instruction.range[0])) names.add(name);
  if (!stage) return [...names].sort();
  const seen = new Set<StageNode>([stage]);
  for (let parent = stage.parent; parent && !seen.has(parent); parent = parent.parent) {
    seen.add(parent);
    for (const name of declarations(parent.instructions).env) names.add(name);
  }
  return [...names].sort();
}
