import { oncePerObject } from '@docmind-docker-lint/core';
import { operands } from './command-options.js';
import type { ShellCommand } from './shell-command.js';
import type { TreeShellWord } from './shell-word.js';

/** The package managers the pack knows, by the name their commands are reported under. */
export type PackageManager = 'apt-get' | 'apt' | 'aptitude' | 'apk' | 'yum' | 'dnf' | 'microdnf' | 'zypper' | 'pip' | 'pipx' | 'npm' | 'gem' | 'yarn' | 'go';

/** A package manager invocation: `apt-get -o X=1 install -y curl`, `python3 -m pip install x`. */
export interface PackageManagerCommand {
  /**
   * The command as the manager sees it: `name` is the word naming the manager (`pip` in `python -m
   * pip`, where global options go after it) and `args` the words after it, so `findOption` and
   * `insertWordAfter` work on it.
   */
  readonly command: ShellCommand;
  readonly manager: PackageManager;
  /** The first operand (`install`), when it is written literally. */
  readonly subcommand: TreeShellWord | undefined;
  /** The operands after the subcommand, with the values of value-taking options skipped. */
  readonly operands: readonly TreeShellWord[];
}

/** Options of each manager that take the next word as their value (so it is not an operand). */
const VALUE_OPTIONS: Readonly<Record<PackageManager, readonly string[]>> = {
  'apt-get': ['-o', '-c', '-t', '-a', '-P', '--option', '--config-file', '--target-release', '--default-release', '--host-architecture', '--build-profiles'],
  apt: ['-o', '-c', '-t', '-a', '-P', '--option', '--config-file', '--target-release', '--default-release', '--host-architecture'],
  aptitude: ['-o', '-t', '-F', '-w', '--target-release', '--display-format', '--width', '--sort'],
  apk: ['-X', '-t', '-p', '--repository', '--virtual', '--root', '--keys-dir', '--repositories-file', '--cache-dir', '--arch', '--cache-max-age', '--timeout'],
  yum: ['-c', '-d', '-e', '-x', '-R', '--config', '--debuglevel', '--errorlevel', '--exclude', '--installroot', '--releasever', '--setopt', '--enablerepo', '--disablerepo', '--repo', '--repoid', '--downloaddir', '--destdir'],
  dnf: ['-c', '-d', '-e', '-x', '-R', '--config', '--debuglevel', '--errorlevel', '--exclude', '--installroot', '--releasever', '--setopt', '--enablerepo', '--disablerepo', '--repo', '--repoid', '--repofrompath', '--forcearch', '--downloaddir', '--destdir', '--rpmverbosity'],
  microdnf: ['--config', '--installroot', '--releasever', '--setopt', '--enablerepo', '--disablerepo', '--setup_only'],
  zypper: ['-R', '-c', '-D', '-C', '-r', '-t', '--root', '--config', '--reposd-dir', '--cache-dir', '--raw-cache-dir', '--solv-cache-dir', '--pkg-cache-dir', '--repo', '--from', '--type'],
  pip: [
    '-i', '-f', '-c', '-r', '-e', '-t', '-C', '-b',
    '--index-url', '--extra-index-url', '--find-links', '--constraint', '--requirement', '--editable', '--target', '--prefix', '--root', '--src',
    '--trusted-host', '--platform', '--python-version', '--implementation', '--abi', '--progress-bar', '--log', '--proxy', '--retries', '--timeout',
    '--exists-action', '--cert', '--client-cert', '--cache-dir', '--upgrade-strategy', '--no-binary', '--only-binary', '--global-option',
    '--install-option', '--config-settings', '--report', '--python', '--build', '--root-user-action',
  ],
  pipx: ['--python', '--index-url', '-i', '--pip-args', '--suffix', '--spec'],
  npm: ['--registry', '--prefix', '--cache', '--userconfig', '--globalconfig', '--tag', '--loglevel', '-w', '--workspace', '--omit', '--include'],
  gem: ['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '-p', '--http-proxy', '--platform', '-g', '--file'],
  yarn: ['--cwd', '--cache-folder', '--modules-folder', '--registry', '--network-timeout', '--mutex'],
  go: ['-C', '-o', '-p', '-tags', '-ldflags', '-gcflags', '-asmflags', '-mod', '-modfile', '-overlay', '-pkgdir', '-exec', '-toolexec'],
};

const PROGRAMS: Readonly<Record<string, PackageManager>> = {
  'apt-get': 'apt-get',
  apt: 'apt',
  aptitude: 'aptitude',
  apk: 'apk',
  yum: 'yum',
  dnf: 'dnf',
  dnf5: 'dnf',
  microdnf: 'microdnf',
  zypper: 'zypper',
  pipx: 'pipx',
  npm: 'npm',
  gem: 'gem',
  yarn: 'yarn',
  go: 'go',
};

/** `pip`, `pip3`, `pip3.12`. */
const PIP = /^pip(\d+(\.\d+)*)?$/;
/** `python`, `python3`, `python3.12`. */
const PYTHON = /^python(\d+(\.\d+)*)?$/;

/**
 * The package manager a command runs, with its subcommand and operands; `null` for other commands.
 * `python -m pip ...` counts as pip.
 */
// Several rules ask about every command of every RUN: each command is read once.
export const packageManagerCommand: (command: ShellCommand) => PackageManagerCommand | null = oncePerObject(readCommand);

/** `VALUE_OPTIONS` as sets, built once. */
const VALUE_OPTION_SETS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(VALUE_OPTIONS).map(([manager, options]) => [manager, new Set(options)]),
);
const NO_OPTIONS: ReadonlySet<string> = new Set();

function readCommand(command: ShellCommand): PackageManagerCommand | null {
  let manager: PackageManager | undefined = PROGRAMS[command.program];
  let name = command.name;
  let args = command.args;
  if (!manager && PIP.test(command.program)) manager = 'pip';
  if (!manager && PYTHON.test(command.program)) {
    const module = moduleIndex(command.args);
    if (module === undefined || !PIP.test(command.args[module]?.value ?? '')) return null;
    manager = 'pip';
    name = command.args[module]!;
    args = command.args.slice(module + 1);
  }
  if (!manager || !command.name.literal) return null;
  const view: ShellCommand = { ...command, name, args, program: manager };
  const [first, ...rest] = operands(view, VALUE_OPTION_SETS.get(manager) ?? NO_OPTIONS);
  return { command: view, manager, subcommand: first?.literal ? first : undefined, operands: first?.literal ? rest : [] };
}

/** The index of the module name after `-m` (`python -u -m pip`), if the interpreter runs one. */
function moduleIndex(args: readonly TreeShellWord[]): number | undefined {
  for (let index = 0; index < args.length; index++) {
    const value = args[index]!.value;
    if (value === '-m') return index + 1;
    if (!/^-[A-Za-z]+$/.test(value)) return undefined;
  }
  return undefined;
}
