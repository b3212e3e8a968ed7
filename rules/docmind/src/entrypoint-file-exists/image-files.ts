import { withoutTrailingSlashes } from '@docmind-docker-lint/core';
import path from 'node:path';
import type { DockerfileNode, InstructionNode, StageNode } from '@docmind-docker-lint/core';
import { basename, runCommandWords } from '../utils/run-command-words.js';
import { stageWorkdir } from '../utils/stage-workdir.js';
import type { ContextIndex } from './context-index.js';
import { perInstruction } from '../utils/per-instruction.js';
import { readCopy, type CopySpec } from './copy-instructions.js';

/** Where a path of the image comes from, as far as the Dockerfile and the build context tell. */
export type Presence =
  | {
      readonly kind: 'present';
      /** The context file or folder it is copied from, when it is one. */
      readonly contextPath: string | null;
      /** Whether it has an execute bit in the image; `undefined` when the host cannot tell. */
      readonly executable: boolean | undefined;
      /** The COPY and ADD instructions of the asked stage that put it there. */
      readonly providers: readonly CopySpec[];
    }
  /** Something may create it that this rule does not follow (a RUN, an image, a variable). */
  | { readonly kind: 'unknown' }
  /** A COPY takes it from the context, where `.dockerignore` excludes it. */
  | { readonly kind: 'excluded'; readonly contextPath: string }
  /** A COPY would take it from the context, where it does not exist. */
  | { readonly kind: 'missing'; readonly contextPath: string }
  /** Nothing in the Dockerfile puts anything there. */
  | { readonly kind: 'uncovered' };

const UNKNOWN: Presence = { kind: 'unknown' };
const UNCOVERED: Presence = { kind: 'uncovered' };
/** Commands that read or inspect files without creating them. */
const READ_ONLY = new Set(['chown', 'chgrp', 'ls', 'cat', 'test', '[', 'stat', 'echo', 'printf', 'grep', 'head', 'tail', 'file', 'sha256sum', 'md5sum', 'sed', 'dos2unix', 'python', 'python3', 'sh', 'bash']);
const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/i;
const URL_SOURCE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;

/**
 * The files of a Dockerfile's images: which context file a path of a stage comes from (following
 * COPY and ADD from the context, `COPY --from` other stages and `FROM` a stage), and where a context
 * file ends up. RUN instructions are not executed: one that names the file, or copies, extracts or
 * clones into a folder holding it, makes the answer `unknown`.
 */
export class ImageFiles {
  private readonly presences = new Map<string, Presence>();
  private readonly placed = new Map<string, readonly string[]>();

  constructor(
    private readonly dockerfile: DockerfileNode,
    private readonly context: ContextIndex,
  ) {}

  /** Where an absolute path of a stage's image comes from. */
  presence(target: string, stage: StageNode): Presence {
    const key = `${stage.index}\0${target}`;
    const cached = this.presences.get(key);
    if (cached) return cached;
    this.presences.set(key, UNKNOWN);
    const results: Presence[] = [];
    let chmodded = false;
    for (const instruction of stage.instructions) {
      const copy = readCopy(instruction);
      const copied = copy ? this.copyPresence(copy, target, stage) : null;
      if (copied) results.push(copied);
      if (instruction.keyword === 'RUN') {
        const effect = runEffect(instruction, target);
        if (effect === 'creates') results.push(UNKNOWN);
        chmodded ||= effect === 'chmod';
      }
    }
    results.push(stage.parent ? this.presence(target, stage.parent) : UNCOVERED);
    let presence = combine(results);
    if (presence.kind === 'present' && chmodded) presence = { ...presence, executable: true };
    this.presences.set(key, presence);
    return presence;
  }

  /** The absolute paths a context file has in a stage's image (none when `.dockerignore` excludes it). */
  placements(contextPath: string, stage: StageNode): readonly string[] {
    if (this.context.isExcluded(contextPath)) return [];
    const key = `${stage.index}\0${contextPath}`;
    const cached = this.placed.get(key);
    if (cached) return cached;
    this.placed.set(key, []);
    const out = new Set(stage.parent ? this.placements(contextPath, stage.parent) : []);
    for (const instruction of stage.instructions) {
      const copy = readCopy(instruction);
      const destination = copy?.destination;
      if (!copy || !destination || copy.heredoc || copy.keepsParents) continue;
      if (copy.from !== null) {
        const from = this.stageNamed(copy.from, stage);
        if (!from) continue;
        for (const placed of this.placements(contextPath, from)) {
          for (const source of literalSources(copy)) {
            const root = path.posix.resolve('/', source);
            if (placed === root) out.add(copy.destinationIsFile ? destination : path.posix.join(destination, path.posix.basename(root)));
            else if (isUnder(placed, root)) out.add(path.posix.join(destination, path.posix.relative(root, placed)));
          }
        }
        continue;
      }
      for (const root of this.contextRoots(copy)) {
        if (this.context.dirs.has(root) && (root === '' || contextPath.startsWith(`${root}/`))) {
          out.add(path.posix.join(destination, root === '' ? contextPath : contextPath.slice(root.length + 1)));
        } else if (contextPath === root) {
          out.add(copy.destinationIsFile ? destination : path.posix.join(destination, path.posix.basename(root)));
        }
      }
    }
    const placements = [...out];
    this.placed.set(key, placements);
    return placements;
  }

  private copyPresence(copy: CopySpec, target: string, stage: StageNode): Presence | null {
    const destination = copy.destination;
    if (destination === null) return UNKNOWN;
    const reaches = target === destination || isUnder(target, destination);
    if (copy.heredoc) {
      const covers = target === destination || (!copy.destinationIsFile && path.posix.dirname(target) === destination);
      return covers ? { kind: 'present', contextPath: null, executable: copy.chmodExecutable ?? false, providers: [copy] } : null;
    }
    if (copy.keepsParents) return reaches ? UNKNOWN : null;
    if (copy.from !== null) return this.stageCopyPresence(copy, destination, target, stage);

    const results: Presence[] = [];
    for (const source of copy.sources) {
      if (source.includes('$') || URL_SOURCE.test(source)) {
        if (reaches) results.push(UNKNOWN);
        continue;
      }
      const clean = cleanSource(source);
      if (copy.instruction.keyword === 'ADD' && ARCHIVE.test(clean) && this.context.files.has(clean)) {
        if (reaches) results.push(UNKNOWN);
        continue;
      }
      for (const root of /[*?[]/.test(clean) ? this.context.globRoots(clean) : [clean]) {
        const contextPath = this.context.dirs.has(root)
          ? target === destination
            ? root
            : isUnder(target, destination)
              ? path.posix.join(root, path.posix.relative(destination, target))
              : null
          : (copy.destinationIsFile ? target === destination : target === path.posix.join(destination, path.posix.basename(root)))
            ? root
            : null;
        if (contextPath !== null) results.push(this.contextPresence(contextPath, copy));
      }
    }
    return results.length > 0 ? combine(results) : null;
  }

  private stageCopyPresence(copy: CopySpec, destination: string, target: string, stage: StageNode): Presence | null {
    const reaches = target === destination || isUnder(target, destination);
    const from = this.stageNamed(copy.from!, stage);
    if (!from || copy.sources.some((source) => /[$*?[]/.test(source))) return reaches ? UNKNOWN : null;
    const inSource: string[] = [];
    for (const source of copy.sources) {
      const root = path.posix.resolve('/', source);
      if (target === destination) inSource.push(root);
      else if (isUnder(target, destination)) {
        const relative = path.posix.relative(destination, target);
        inSource.push(path.posix.join(root, relative));
        if (!copy.destinationIsFile && relative === path.posix.basename(root)) inSource.push(root);
      }
    }
    if (inSource.length === 0) return null;
    const presence = combine(inSource.map((sourcePath) => this.presence(sourcePath, from)));
    return presence.kind === 'present'
      ? { ...presence, executable: copy.chmodExecutable ?? presence.executable, providers: [copy] }
      : presence;
  }

  private contextPresence(contextPath: string, copy: CopySpec): Presence {
    if (!this.context.has(contextPath)) return { kind: 'missing', contextPath };
    if (this.context.isExcluded(contextPath)) return { kind: 'excluded', contextPath };
    return {
      kind: 'present',
      contextPath,
      executable: copy.chmodExecutable ?? this.context.isExecutable(contextPath),
      providers: [copy],
    };
  }

  private contextRoots(copy: CopySpec): readonly string[] {
    return literalSources(copy)
      .filter((source) => !URL_SOURCE.test(source))
      .flatMap((source) => {
        const clean = cleanSource(source);
        return /[*?[]/.test(clean) ? this.context.globRoots(clean) : [clean];
      });
  }

  /** The stage a `--from` names (by name or index, before `stage`); `null` for an image. */
  private stageNamed(reference: string, stage: StageNode): StageNode | null {
    const earlier = this.dockerfile.stages.slice(0, stage.index);
    if (/^\d+$/.test(reference)) return earlier[Number(reference)] ?? null;
    return earlier.find((candidate) => candidate.name?.toLowerCase() === reference.toLowerCase()) ?? null;
  }
}

/** The first decisive answer: present, else unknown, else excluded, else missing, else uncovered. */
function combine(results: readonly Presence[]): Presence {
  const present = results.filter((result) => result.kind === 'present');
  if (present.length > 0) {
    const executables = present.map((result) => result.executable);
    return {
      kind: 'present',
      contextPath: present.find((result) => result.contextPath !== null)?.contextPath ?? null,
      executable: executables.includes(true) ? true : executables.includes(undefined) ? undefined : false,
      providers: present.flatMap((result) => result.providers),
    };
  }
  for (const kind of ['unknown', 'excluded', 'missing'] as const) {
    const found = results.find((result) => result.kind === kind);
    if (found) return found;
  }
  return UNCOVERED;
}

/** A command of a RUN, as `runEffect` reads it whatever the path. */
interface EffectCommand {
  readonly program: string;
  readonly args: readonly string[];
  /** The arguments that are not options. */
  readonly operands: readonly string[];
  /** Each argument split where a file name may end (`--out=/srv/app.py` -> `--out`, `/srv/app.py`). */
  readonly argParts: readonly (readonly string[])[];
  /** `extractsInto` of the command; `undefined` for `cd`, `chmod` and read-only commands. */
  readonly into: string | null | undefined;
}

/** The commands of a RUN, read once: the image's files are asked about many paths, each walking every RUN of a stage. */
const effectCommands = perInstruction((instruction): readonly EffectCommand[] =>
  runCommandWords(instruction).map(({ words }) => {
    const [command = '', ...args] = words.map((word) => word.value);
    const program = basename(command);
    const operands = args.filter((arg) => !arg.startsWith('-'));
    const passive = program === 'cd' || program === 'chmod' || READ_ONLY.has(program);
    return {
      program,
      args,
      operands,
      argParts: passive ? [] : args.map((arg) => arg.split(NAME_SEPARATORS)),
      into: passive ? undefined : extractsInto(program, args, operands),
    };
  }),
);

/**
 * What a RUN does to a path: `creates` when a command other than a read names its file, or copies,
 * moves, extracts or clones into a folder holding it; `chmod` when a `chmod` names it or a folder
 * holding it.
 */
function runEffect(instruction: InstructionNode, target: string): 'creates' | 'chmod' | null {
  const name = path.posix.basename(target);
  let cwd = instruction.stage ? stageWorkdir(instruction.stage, instruction) : null;
  let chmod = false;
  const resolve = (folder: string | undefined): string | null =>
    folder === undefined || folder.includes('$') ? null : folder.startsWith('/') ? path.posix.normalize(folder) : cwd === null ? null : path.posix.resolve(cwd, folder);
  for (const { program, operands, argParts, into } of effectCommands(instruction)) {
    if (program === 'cd') {
      cwd = resolve(operands[0]);
      continue;
    }
    if (program === 'chmod') {
      chmod ||= operands.some((operand) => mentions(operand.split(NAME_SEPARATORS), name) || holds(resolve(operand), target));
      continue;
    }
    if (READ_ONLY.has(program)) continue;
    if (argParts.some((parts) => mentions(parts, name))) return 'creates';
    if (into === undefined) continue;
    const folder = into === null ? cwd : resolve(into);
    if (folder === null || holds(folder, target)) return 'creates';
  }
  return chmod ? 'chmod' : null;
}

/**
 * The folder a command writes an unknown set of files into (`undefined`: it does not; `null`: the
 * working directory).
 */
function extractsInto(program: string, args: readonly string[], operands: readonly string[]): string | null | undefined {
  switch (program) {
    case 'tar':
    case 'bsdtar': {
      const extracts = args.some((arg) => arg === '--extract' || arg === '--get' || /^-?[A-Za-z]*x[A-Za-z]*$/.test(arg));
      return extracts ? (valueOf(args, '-C', '--directory') ?? null) : undefined;
    }
    case 'unzip':
      return valueOf(args, '-d') ?? null;
    case 'git':
      return operands[0] === 'clone' ? (operands[2] ?? null) : undefined;
    case 'cp':
    case 'mv':
    case 'ln':
    case 'rsync':
    case 'install':
      return operands.length >= 2 ? operands.at(-1)! : undefined;
    default:
      return undefined;
  }
}

/** The word after the first of `flags` among `args`. */
function valueOf(args: readonly string[], ...flags: string[]): string | undefined {
  const index = args.findIndex((arg) => flags.includes(arg));
  return index === -1 ? undefined : args[index + 1];
}

/** Where a file name in a word may end. */
const NAME_SEPARATORS = /[=:,]/;

/** Whether a word, split by `NAME_SEPARATORS`, names a file by its name (`app.py`, `./app.py`, `--out=/srv/app.py`). */
function mentions(parts: readonly string[], name: string): boolean {
  return parts.some((part) => part === name || part.endsWith(`/${name}`));
}

function holds(folder: string | null, target: string): boolean {
  return folder !== null && (folder === target || isUnder(target, folder));
}

export function isUnder(target: string, folder: string): boolean {
  return folder === '/' ? target !== '/' : target.startsWith(`${folder}/`);
}

/** A context source as a relative path: `./src/` -> `src`, `.` -> `''`. */
function cleanSource(source: string): string {
  const normalized = path.posix.normalize(`/${source}`).slice(1);
  return withoutTrailingSlashes(normalized);
}

function literalSources(copy: CopySpec): readonly string[] {
  return copy.sources.filter((source) => !source.includes('$'));
}
