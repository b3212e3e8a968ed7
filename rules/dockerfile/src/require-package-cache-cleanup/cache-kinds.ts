import type { InstructionNode } from '@docmind-docker-lint/core';
import type { PackageManager, PackageManagerCommand } from '../utils/package-manager-command.js';
import { hasCacheMountOn, runMounts } from '../utils/run-mounts.js';
import type { ShellCommand } from '../utils/shell-command.js';

/** A cache a package manager leaves behind, what fills it, and what empties it. */
export interface CacheKind {
  readonly managers: ReadonlySet<PackageManager>;
  /** What is left in the layer, for the message. */
  readonly cache: string;
  /** The command the fix appends. */
  readonly cleanup: string;
  /**
   * Subcommands that fill the cache (`''` stands for the manager run without a subcommand; `group
   * install` and `module install` count as `install`).
   */
  readonly fills: ReadonlySet<string>;
  /** Whether a command empties the cache. */
  readonly empties: (command: ShellCommand, invocation: PackageManagerCommand | null) => boolean;
  /** Whether the RUN's mounts keep the cache out of the layer. */
  readonly mounted: (instruction: InstructionNode) => boolean;
}

const RPM_MANAGERS = ['yum', 'dnf', 'microdnf'] as const;
const RPM_CACHES = ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'];
const RPM_FILLS = [
  'install', 'in', 'groupinstall', 'localinstall', 'reinstall', 'rei', 'update', 'up', 'upgrade', 'upgrade-minimal', 'up-min',
  'downgrade', 'distro-sync', 'makecache',
];

/**
 * Whose `clean all` empties whose cache: yum is dnf on current Red Hat systems (one cache); microdnf
 * keeps its own (`/var/cache/yum` beside dnf's `/var/cache/dnf` on UBI 8).
 */
const SHARED_CACHE: Readonly<Record<(typeof RPM_MANAGERS)[number], ReadonlySet<PackageManager>>> = {
  yum: new Set(['yum', 'dnf']),
  dnf: new Set(['yum', 'dnf']),
  microdnf: new Set(['microdnf']),
};

const YARN_CACHE = /\/\.cache\/yarn$|\/\.yarn(?:\/berry)?\/cache$/;

/** `rm` with an argument in one of the folders (`rm -rf /var/cache/yum/*`). */
function removesUnder(command: ShellCommand, folders: readonly string[]): boolean {
  return command.program === 'rm' && command.args.some((word) => folders.some((folder) => word.value === folder || word.value.startsWith(`${folder}/`)));
}

/** `<manager> clean all` by any of the managers. */
function cleansAll(invocation: PackageManagerCommand | null, managers: ReadonlySet<PackageManager>): boolean {
  return !!invocation && managers.has(invocation.manager) && invocation.subcommand?.value === 'clean' && invocation.operands.some((word) => word.value === 'all');
}

export const CACHE_KINDS: readonly CacheKind[] = [
  {
    managers: new Set(['apt-get', 'apt', 'aptitude']),
    cache: 'the package lists (/var/lib/apt/lists)',
    cleanup: 'rm -rf /var/lib/apt/lists/*',
    fills: new Set(['update']),
    // `apt-get dist-clean` (apt 2.7 and later) removes the lists too.
    empties: (command, invocation) =>
      removesUnder(command, ['/var/lib/apt/lists']) || (invocation?.manager !== 'aptitude' && invocation?.subcommand?.value === 'dist-clean'),
    // The lists folder itself, or both apt folders (the recipe in Docker's cache mount documentation).
    mounted: (instruction) =>
      runMounts(instruction).some((mount) => isCacheOrTmpfs(mount.type) && (mount.target ?? '').startsWith('/var/lib/apt/lists')) ||
      (hasCacheMountOn(instruction, ['/var/lib/apt']) && hasCacheMountOn(instruction, ['/var/cache/apt'])),
  },
  ...RPM_MANAGERS.map(
    (manager): CacheKind => ({
      managers: new Set([manager]),
      cache: 'the package metadata and downloads (/var/cache)',
      cleanup: `${manager} clean all`,
      fills: new Set(RPM_FILLS),
      empties: (command, invocation) => cleansAll(invocation, SHARED_CACHE[manager]) || removesUnder(command, RPM_CACHES),
      mounted: (instruction) => hasCacheMountOn(instruction, RPM_CACHES),
    }),
  ),
  {
    managers: new Set(['zypper']),
    cache: 'the package metadata and downloads (/var/cache/zypp)',
    cleanup: 'zypper clean --all',
    fills: new Set(['install', 'in', 'update', 'up', 'patch', 'dist-upgrade', 'dup', 'source-install', 'si', 'refresh', 'ref']),
    empties: (command, invocation) =>
      (invocation?.manager === 'zypper' && /^(?:clean|cc)$/.test(invocation.subcommand?.value ?? '')) || removesUnder(command, ['/var/cache/zypp']),
    mounted: (instruction) => hasCacheMountOn(instruction, ['/var/cache/zypp']),
  },
  {
    managers: new Set(['yarn']),
    cache: 'the downloaded packages (the yarn cache)',
    cleanup: 'yarn cache clean',
    fills: new Set(['', 'install', 'add']),
    empties: (command, invocation) =>
      (invocation?.manager === 'yarn' && invocation.subcommand?.value === 'cache' && invocation.operands[0]?.value === 'clean') ||
      (command.program === 'rm' && command.args.some((word) => YARN_CACHE.test(word.value.replace(/\/\*?$/, '')))),
    mounted: (instruction) => runMounts(instruction).some((mount) => isCacheOrTmpfs(mount.type) && YARN_CACHE.test(mount.target ?? '')),
  },
];

function isCacheOrTmpfs(type: string): boolean {
  return type === 'cache' || type === 'tmpfs';
}
