import type { OffsetRange } from '@docmind-docker-lint/core';
import { basename, type CommandWord, type RunCommand } from '../utils/run-command-words.js';

/** A `uv sync` or `uv export`: it reads uv.lock, and updates it unless told not to. */
export interface LockCommand {
  readonly subcommand: 'sync' | 'export';
  /** `uv` itself. */
  readonly program: CommandWord;
  /** The `sync` / `export` word: flags are added after it. */
  readonly subcommandWord: CommandWord;
  /** The words after the subcommand. */
  readonly options: readonly CommandWord[];
}

/** A requirements file an install reads instead of the lock (`pip install -r requirements.txt`). */
export interface RequirementsInstall {
  /** `pip install -r`, `uv pip sync`, ... */
  readonly command: string;
  readonly file: string;
  /** The file argument, with its `-r` when that is a word of its own. */
  readonly range: OffsetRange | null;
}

/** `uv` as a package argument of `pip install`. */
export interface UvPackage {
  readonly word: CommandWord;
  readonly pinned: boolean;
}

/** What one command does that this rule cares about. */
export interface UvCommandFacts {
  readonly lockCommand: LockCommand | null;
  readonly requirements: readonly RequirementsInstall[];
  /** Every package argument of a `pip install`. */
  readonly packages: readonly CommandWord[];
  readonly uvPackages: readonly UvPackage[];
}

/** Options of `uv` (before the subcommand) that take a separate value. */
const UV_GLOBAL_VALUE_OPTIONS = new Set([
  '--directory',
  '--project',
  '--cache-dir',
  '--config-file',
  '--color',
  '--python-preference',
  '--allow-insecure-host',
  '--python',
  '-p',
]);
/** Options of `pip` (before `install`) that take a separate value. */
const PIP_GLOBAL_VALUE_OPTIONS = new Set([
  '--cache-dir',
  '--log',
  '--proxy',
  '--retries',
  '--timeout',
  '--exists-action',
  '--trusted-host',
  '--cert',
  '--client-cert',
  '--python',
]);
/** Options of `pip install` and `uv pip install` / `uv pip sync` that take a separate value. */
const INSTALL_VALUE_OPTIONS = new Set([
  '-c',
  '--constraint',
  '--constraints',
  '--overrides',
  '-e',
  '--editable',
  '-i',
  '--index-url',
  '--extra-index-url',
  '--index',
  '--default-index',
  '-f',
  '--find-links',
  '-t',
  '--target',
  '--prefix',
  '--root',
  '--src',
  '-p',
  '--python',
  '--python-version',
  '--python-platform',
  '--platform',
  '--implementation',
  '--abi',
  '--trusted-host',
  '--cache-dir',
  '--upgrade-strategy',
  '--progress-bar',
  '--root-user-action',
  '--no-binary',
  '--only-binary',
  '--report',
  '--group',
  '--extra',
  '-P',
  '--upgrade-package',
  '--reinstall-package',
  '--no-build-package',
  '--index-strategy',
  '--keyring-provider',
  '--resolution',
  '--prerelease',
  '--exclude-newer',
  '--link-mode',
  '-C',
  '--config-setting',
  '--config-settings',
  '--global-option',
]);
const REQUIREMENT_OPTIONS = ['-r', '--requirement', '--requirements'];

const NO_FACTS: UvCommandFacts = { lockCommand: null, requirements: [], packages: [], uvPackages: [] };

/** Reads a command as a uv or pip invocation. */
export function readUvCommand(command: RunCommand): UvCommandFacts {
  const [program, ...rest] = command.words;
  if (!program) return NO_FACTS;
  const name = basename(program.value);
  if (name === 'uv') return readUv(program, rest);
  if (/^pip[0-9.]*$/.test(name)) return readPip(rest, name);
  const moduleFlag = rest[0]?.value;
  if (/^python[0-9.]*$/.test(name) && moduleFlag === '-m' && rest[1]?.value === 'pip') {
    return readPip(rest.slice(2), `${name} -m pip`);
  }
  return NO_FACTS;
}

function readUv(program: CommandWord, args: readonly CommandWord[]): UvCommandFacts {
  const at = subcommandIndex(args, UV_GLOBAL_VALUE_OPTIONS);
  const subcommandWord = args[at];
  if (!subcommandWord) return NO_FACTS;
  const options = args.slice(at + 1);
  const subcommand = subcommandWord.value;
  if (subcommand === 'sync' || subcommand === 'export') {
    return { ...NO_FACTS, lockCommand: { subcommand, program, subcommandWord, options } };
  }
  if (subcommand !== 'pip') return NO_FACTS;
  const pipAt = subcommandIndex(options, UV_GLOBAL_VALUE_OPTIONS);
  const pipCommand = options[pipAt]?.value;
  const pipArgs = options.slice(pipAt + 1);
  if (pipCommand === 'install') return { ...NO_FACTS, requirements: requirementFiles(pipArgs, 'uv pip install') };
  if (pipCommand === 'sync') {
    const requirements = positionals(pipArgs).map((word) => ({ command: 'uv pip sync', file: word.value, range: word.range }));
    return { ...NO_FACTS, requirements };
  }
  return NO_FACTS;
}

function readPip(args: readonly CommandWord[], name: string): UvCommandFacts {
  const at = subcommandIndex(args, PIP_GLOBAL_VALUE_OPTIONS);
  if (args[at]?.value !== 'install') return NO_FACTS;
  const installArgs = args.slice(at + 1);
  const packages = positionals(installArgs);
  const uvPackages = packages.flatMap((word) => {
    const pinned = uvPin(word.value);
    return pinned === null ? [] : [{ word, pinned }];
  });
  return { lockCommand: null, requirements: requirementFiles(installArgs, `${name} install`), packages, uvPackages };
}

/** The index of the first word that is not an option (nor an option's value). */
function subcommandIndex(args: readonly CommandWord[], valueOptions: ReadonlySet<string>): number {
  let index = 0;
  while (index < args.length && args[index]!.value.startsWith('-')) {
    index += valueOptions.has(args[index]!.value) ? 2 : 1;
  }
  return index;
}

/** Arguments that are neither options nor their values. */
function positionals(args: readonly CommandWord[]): CommandWord[] {
  const out: CommandWord[] = [];
  for (let index = 0; index < args.length; index++) {
    const word = args[index]!.value;
    if (word.startsWith('-')) {
      if (INSTALL_VALUE_OPTIONS.has(word) || REQUIREMENT_OPTIONS.includes(word)) index++;
      continue;
    }
    out.push(args[index]!);
  }
  return out;
}

/** `-r file`, `-rfile`, `--requirement file`, `--requirement=file`. */
function requirementFiles(args: readonly CommandWord[], command: string): RequirementsInstall[] {
  const out: RequirementsInstall[] = [];
  for (let index = 0; index < args.length; index++) {
    const word = args[index]!;
    if (REQUIREMENT_OPTIONS.includes(word.value)) {
      const file = args[index + 1];
      if (!file) break;
      const range: OffsetRange | null = word.range && file.range ? [word.range[0], file.range[1]] : file.range;
      out.push({ command: `${command} ${word.value}`, file: file.value, range });
      index++;
      continue;
    }
    const attached = /^(--requirements?=|-r)(.+)$/.exec(word.value);
    if (attached) out.push({ command: `${command} ${attached[1]!.replace(/=$/, '')}`, file: attached[2]!, range: word.range });
  }
  return out;
}

/**
 * Whether a requirement names uv exactly pinned (`uv==0.5.11`, `uv==$UV_VERSION`, a direct URL):
 * `true` pinned, `false` not (`uv`, `uv>=0.5`, `uv==0.5.*`), `null` when it names another package.
 */
export function uvPin(requirement: string): boolean | null {
  const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$/s.exec(requirement);
  if (!match || match[1]!.toLowerCase().replace(/[-_.]+/g, '-') !== 'uv') return null;
  const constraint = match[3]!.split(';')[0]!.trim();
  return /^===?\s*[^\s*,]+$/.test(constraint) || constraint.startsWith('@');
}

/** Whether an option is given (`--frozen`, or `--name=value` for one that takes a value). */
export function hasOption(options: readonly CommandWord[], ...names: string[]): boolean {
  return options.some((word) => names.some((name) => word.value === name || word.value.startsWith(`${name}=`)));
}

/** The values of a repeatable option (`--no-group a --no-group=b`). */
export function optionValues(options: readonly CommandWord[], name: string): string[] {
  const values: string[] = [];
  options.forEach((word, index) => {
    if (word.value === name) {
      const value = options[index + 1]?.value;
      if (value !== undefined) values.push(value);
    } else if (word.value.startsWith(`${name}=`)) {
      values.push(word.value.slice(name.length + 1));
    }
  });
  return values;
}
