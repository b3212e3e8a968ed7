import { withoutTrailingSlashes } from '@docmind-docker-lint/core';
import path from 'node:path';
import type { BuildContext, InstructionNode, ProjectFacts, StageNode } from '@docmind-docker-lint/core';
import { copyArguments } from '../utils/copy-arguments.js';
import { basename, runCommandWords } from '../utils/run-command-words.js';

export const LOCK_FILE = 'uv.lock';

/** Whether the lock is in the image when a command runs. */
export type LockStatus = 'reached' | 'missing' | 'excluded';

/** Commands that put files of unknown content in place: the lock may be among them. */
const FETCHES = new Map([
  ['git', 'clone'],
  ['gh', 'repo'],
]);
/** Commands that copy or link files: the lock arrives when one of their paths is a uv.lock. */
const FILE_COPIERS = new Set(['cp', 'mv', 'ln', 'install', 'rsync']);

/**
 * Follows uv.lock from a build context into the image: COPY and ADD from the context (the file
 * itself, a folder holding it, a glob matching it) or from a stage that had it, a heredoc written
 * to it, a RUN bind mount of it, and RUN commands that copy, write or fetch it. Where the lock
 * lands is not compared with the project folder.
 */
export class LockDelivery {
  private readonly stageEnds = new Map<StageNode, boolean>();
  private readonly lockInContext: boolean;

  constructor(
    private readonly context: BuildContext,
    private readonly project: ProjectFacts,
  ) {
    this.lockInContext = project.exists(path.join(context.dir, LOCK_FILE));
  }

  /** Whether the lock is in the image (or mounted) when the command at `commandIndex` of a RUN runs. */
  statusAt(run: InstructionNode, commandIndex: number): LockStatus {
    const stage = run.stage;
    if (!stage) return 'missing';
    let reached = this.inheritedBy(stage);
    for (const instruction of stage.instructions) {
      if (reached || instruction === run) break;
      reached = this.delivers(instruction, Number.POSITIVE_INFINITY);
    }
    if (!reached) reached = this.delivers(run, commandIndex);
    if (reached) return 'reached';
    return this.lockInContext && this.context.isExcluded(LOCK_FILE) ? 'excluded' : 'missing';
  }

  private inheritedBy(stage: StageNode): boolean {
    return stage.parent ? this.atEndOf(stage.parent) : false;
  }

  private atEndOf(stage: StageNode): boolean {
    const known = this.stageEnds.get(stage);
    if (known !== undefined) return known;
    let reached = this.inheritedBy(stage);
    for (const instruction of stage.instructions) {
      if (reached) break;
      reached = this.delivers(instruction, Number.POSITIVE_INFINITY);
    }
    this.stageEnds.set(stage, reached);
    return reached;
  }

  /** Whether an instruction brings the lock in (for a RUN, before its command `beforeCommand`). */
  private delivers(instruction: InstructionNode, beforeCommand: number): boolean {
    if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') return this.copies(instruction);
    if (instruction.keyword !== 'RUN') return false;
    if (instruction.flags.some((flag) => flag.name === 'mount' && flag.value !== null && this.mounts(flag.value, instruction))) {
      return true;
    }
    return runCommandWords(instruction)
      .slice(0, beforeCommand)
      .some(({ words }) => {
        const [program, ...args] = words.map((word) => word.value);
        if (program === undefined) return false;
        const name = basename(program);
        if (FETCHES.has(name) && args.includes(FETCHES.get(name)!)) return true;
        return FILE_COPIERS.has(name) && args.some((arg) => basename(arg) === LOCK_FILE);
      }) || writesLockByRedirect(instruction);
  }

  private copies(instruction: InstructionNode): boolean {
    const copy = copyArguments(instruction);
    if (!copy.destination || copy.sources.length === 0) return false;
    const sources = copy.sources.map((source) => source.value);
    const { from } = copy;
    if (sources.some((source) => source.startsWith('<<'))) return basename(copy.destination.value) === LOCK_FILE;
    if (sources.some((source) => basename(source) === LOCK_FILE && !this.excludedFile(source, from))) return true;
    if (from !== null) {
      const stage = this.stageNamed(instruction, from);
      return stage !== null && this.atEndOf(stage);
    }
    if (instruction.keyword === 'ADD' && sources.some((source) => /^(git@|https?:\/\/.*\.git(#.*)?$)/.test(source))) return true;
    return sources.some((source) => this.holdsLock(source));
  }

  /** `type=bind` mounts (the default type) of the lock, a folder holding it, or a stage that had it. */
  private mounts(value: string, instruction: InstructionNode): boolean {
    const settings = new Map(
      value.split(',').map((part) => {
        const eq = part.indexOf('=');
        return eq < 0 ? [part, 'true'] : [part.slice(0, eq), part.slice(eq + 1)];
      }),
    );
    if ((settings.get('type') ?? 'bind') !== 'bind') return false;
    const source = settings.get('source') ?? settings.get('src') ?? '';
    const from = settings.get('from') ?? null;
    if (basename(source) === LOCK_FILE) return !this.excludedFile(source, from);
    if (from !== null) {
      const stage = this.stageNamed(instruction, from);
      return stage !== null && this.atEndOf(stage);
    }
    return this.holdsLock(source);
  }

  /** Whether a context source (a folder, or a glob) brings the context's uv.lock. */
  private holdsLock(source: string): boolean {
    const relative = withoutTrailingSlashes(path.posix.normalize(source.replace(/^\/+/, '')));
    if (/[*?[]/.test(relative)) return this.lockInContext && !this.context.isExcluded(LOCK_FILE) && globMatches(relative, LOCK_FILE);
    const lock = relative === '.' ? LOCK_FILE : `${relative}/${LOCK_FILE}`;
    return this.project.exists(path.join(this.context.dir, lock)) && !this.context.isExcluded(lock);
  }

  /** A context file the `.dockerignore` leaves out (files from a stage or an image are not affected). */
  private excludedFile(source: string, from: string | null): boolean {
    return from === null && this.context.isExcluded(path.posix.normalize(source.replace(/^\/+/, '')));
  }

  private stageNamed(instruction: InstructionNode, name: string): StageNode | null {
    const stages = instruction.dockerfile.stages;
    const current = instruction.stage?.index ?? stages.length;
    const earlier = stages.slice(0, current);
    return /^\d+$/.test(name)
      ? (earlier[Number(name)] ?? null)
      : (earlier.find((stage) => stage.name?.toLowerCase() === name.toLowerCase()) ?? null);
  }
}

/** `RUN ... > uv.lock` (a heredoc or a command written into the lock). */
function writesLockByRedirect(instruction: InstructionNode): boolean {
  return /(^|[^<])>\s*(\S*\/)?uv\.lock(\s|$)/m.test(instruction.argsText);
}

/** A Docker COPY glob (`*`, `?`, `[...]` within one path segment) against a context path. */
function globMatches(pattern: string, file: string): boolean {
  const source = pattern
    .split(/(\*|\?|\[[^\]]*\])/)
    .map((part) => {
      if (part === '*') return '[^/]*';
      if (part === '?') return '[^/]';
      if (part.startsWith('[') && part.endsWith(']') && part.length > 2) return part.replace(/^\[!/, '[^');
      return part.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`).test(file);
}
