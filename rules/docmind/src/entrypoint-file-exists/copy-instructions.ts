import path from 'node:path';
import type { InstructionNode } from '@docmind-docker-lint/core';
import { copyArguments } from '../utils/copy-arguments.js';
import { perInstruction } from '../utils/per-instruction.js';
import { stageWorkdir } from '../utils/stage-workdir.js';

/** What a COPY or ADD instruction puts where, as far as this rule reads it. */
export interface CopySpec {
  readonly instruction: InstructionNode;
  /** `--from` (a stage name or index, or an image); `null` for the build context. */
  readonly from: string | null;
  /** Whether `--chmod` sets an execute bit; `null` without `--chmod`. */
  readonly chmodExecutable: boolean | null;
  /** Sources as written (variables, globs and URLs kept). */
  readonly sources: readonly string[];
  /** The absolute destination; `null` when it uses a variable or the working directory is unknown. */
  readonly destination: string | null;
  /**
   * The destination is the copied file's own path (`COPY app.py /srv/main.py`), not a folder: one
   * source, no trailing `/`, and not a folder the Dockerfile is known to make (a WORKDIR).
   */
  readonly destinationIsFile: boolean;
  /** A heredoc (`COPY <<EOF /app/run.sh`): the file is written by the Dockerfile itself. */
  readonly heredoc: boolean;
  /** `--parents` keeps source folders, which this rule does not follow. */
  readonly keepsParents: boolean;
}

/**
 * Reads a COPY or ADD instruction; `null` for other instructions or ones without a destination.
 * Read once per instruction: the image's files are asked about many paths, each walking the stage.
 */
export const readCopy: (instruction: InstructionNode) => CopySpec | null = perInstruction((instruction) =>
  instruction.keyword === 'COPY' || instruction.keyword === 'ADD' ? readCopyInstruction(instruction) : null,
);

function readCopyInstruction(instruction: InstructionNode): CopySpec | null {
  const flag = (name: string) => instruction.flags.find((candidate) => candidate.name.toLowerCase() === name);
  const chmod = flag('chmod')?.value ?? null;
  const copy = copyArguments(instruction);
  const words = [...copy.sources, ...(copy.destination ? [copy.destination] : [])].map((argument) => argument.value);
  const heredocs = words.findIndex((word) => !word.startsWith('<<'));
  const heredoc = heredocs > 0;
  const sources = heredoc ? [] : words.slice(0, -1);
  const written = heredoc ? words[heredocs] : words.at(-1);
  if (written === undefined || (!heredoc && sources.length === 0)) return null;
  const stage = instruction.stage;
  const workdir = stage ? stageWorkdir(stage, instruction) : null;
  const destination =
    written.includes('$') || (!written.startsWith('/') && workdir === null) ? null : path.posix.resolve(workdir ?? '/', written);
  const knownFolders = new Set(['/', ...(workdir === null ? [] : [workdir]), ...(stage ? workdirsOf(stage.instructions, instruction) : [])]);
  return {
    instruction,
    from: copy.from,
    chmodExecutable: chmod === null ? null : isExecutableMode(chmod),
    sources,
    destination,
    destinationIsFile:
      (heredoc || sources.length === 1) && !written.endsWith('/') && !/^\.{1,2}$/.test(written) && !knownFolders.has(destination ?? ''),
    heredoc,
    keepsParents: flag('parents') !== undefined,
  };
}

/** Whether a `--chmod` value sets an execute bit: octal (`755`) or symbolic (`u+x`, `a=rx`). */
function isExecutableMode(mode: string): boolean {
  if (/^[0-7]{3,4}$/.test(mode)) return (Number.parseInt(mode, 8) & 0o111) !== 0;
  return /[+=][rwxXst]*x/.test(mode);
}

/** The absolute WORKDIRs set before an instruction: folders a COPY into them fills, never replaces. */
function workdirsOf(instructions: readonly InstructionNode[], at: InstructionNode): string[] {
  const folders: string[] = [];
  for (let index = 0; index < instructions.length; index++) {
    const instruction = instructions[index]!;
    if (instruction === at) break;
    if (instruction.keyword !== 'WORKDIR' || !instruction.stage) continue;
    const folder = stageWorkdir(instruction.stage, instructions[index + 1]);
    if (folder !== null) folders.push(folder);
  }
  return folders;
}
