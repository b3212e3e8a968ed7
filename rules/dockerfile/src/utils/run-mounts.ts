import type { InstructionNode } from '@docmind-docker-lint/core';

/** A `--mount` of a RUN instruction: `--mount=type=cache,target=/root/.cache`. */
export interface RunMount {
  /** `bind` (Docker's default), `cache`, `tmpfs`, `secret`, `ssh`. */
  readonly type: string;
  /** Where it is mounted (`target`, `dst` or `destination`), without a trailing `/`; `null` when absent. */
  readonly target: string | null;
}

/** The `--mount` flags of a RUN (or ONBUILD RUN) instruction. */
export function runMounts(instruction: InstructionNode): RunMount[] {
  const values =
    instruction.keyword === 'RUN'
      ? instruction.flags.filter((flag) => flag.name === 'mount' && flag.value !== null).map((flag) => flag.value!)
      : onbuildMountValues(instruction);
  return values.map(parseMount);
}

/**
 * Whether a cache or tmpfs mount covers one of the folders, so what a command leaves there never
 * reaches the image (`/var/cache/apk` is covered by a mount on `/var/cache/apk` or on `/var/cache`).
 */
export function hasCacheMountOn(instruction: InstructionNode, folders: readonly string[]): boolean {
  return runMounts(instruction).some(
    (mount) =>
      (mount.type === 'cache' || mount.type === 'tmpfs') &&
      mount.target !== null &&
      folders.some((folder) => folder === mount.target || folder.startsWith(`${mount.target}/`)),
  );
}

/** `ONBUILD RUN --mount=... cmd`: the flags are words after `RUN`. */
function onbuildMountValues(instruction: InstructionNode): string[] {
  const values: string[] = [];
  for (const word of instruction.args.slice(1)) {
    if (!word.value.startsWith('--')) break;
    if (word.value.startsWith('--mount=')) values.push(word.value.slice('--mount='.length));
  }
  return values;
}

function parseMount(value: string): RunMount {
  let type = 'bind';
  let target: string | null = null;
  for (const field of value.split(',')) {
    const [key = '', ...rest] = field.split('=');
    const fieldValue = rest.join('=').replace(/^(["'])(.*)\1$/, '$2');
    const name = key.trim().toLowerCase();
    if (name === 'type') type = fieldValue.toLowerCase();
    else if (name === 'target' || name === 'dst' || name === 'destination') target = withoutTrailingSlashes(fieldValue);
  }
  return { type, target };
}

/**
 * The path without its trailing slashes, keeping one character before them (`/app/` is `/app`, `///`
 * is `/`): what `value.replace(/(.)\/+$/, '$1')` gives, without that regex's quadratic backtracking on
 * a long run of `/` that does not end the value.
 */
export function withoutTrailingSlashes(value: string): string {
  let start = value.length;
  while (start > 0 && value[start - 1] === '/') start--;
  if (start === value.length) return value;
  // The regex's `.` is any character but a line terminator; where none precedes the run, its first `/` is kept.
  if (start > 0 && !/[\n\r\u2028\u2029]/.test(value[start - 1]!)) return value.slice(0, start);
  return value.length - start >= 2 ? value.slice(0, start + 1) : value;
}
