import type { ImageReference } from '@docmind-docker-lint/core';
import { quote } from 'shell-quote';
import type { StageFacts } from './stage-facts.js';

/**
 * How a user can be created in the image:
 * - `shadow`: shadow-utils `groupadd`/`useradd` (Debian, Ubuntu, Fedora, RHEL and the official images on them);
 * - `busybox`: BusyBox `addgroup`/`adduser` (Alpine, BusyBox);
 * - `none`: no shell at all (`scratch`, distroless): only a numeric USER works;
 * - `unknown`: the image gives no hint.
 */
export type UserTools = 'shadow' | 'busybox' | 'none' | 'unknown';

const SHADOW_PACKAGE_MANAGERS = new Set(['apt-get', 'apt', 'dpkg', 'dnf', 'yum', 'microdnf', 'tdnf', 'zypper']);
/** Docker Hub official images whose default variants are Debian, Ubuntu or Fedora based. */
const SHADOW_IMAGES = new Set([
  'debian', 'ubuntu', 'python', 'node', 'ruby', 'golang', 'php', 'perl', 'rust', 'gcc', 'openjdk',
  'eclipse-temurin', 'buildpack-deps', 'maven', 'gradle', 'nginx', 'httpd', 'elixir', 'erlang', 'haskell',
  'julia', 'r-base', 'fedora', 'centos', 'rockylinux', 'almalinux',
]);
/** Tag words of Debian and Ubuntu releases (`3.13-slim-bookworm`, `22.04`, `jammy`). */
const SHADOW_TAG = /(^|[-.])(slim|bookworm|bullseye|buster|stretch|trixie|jammy|noble|focal|bionic|jessie)($|[-.])/;
/** Minimal variants leave shadow-utils out. */
const MINIMAL_TAG = /(minimal|micro)/;

/** The tools the stage's image offers, from the package managers its RUNs call, else from the image name. */
export function userToolsOf(facts: StageFacts): UserTools {
  const managers = facts.packageManagers;
  if (managers.has('apk')) return 'busybox';
  if ([...managers].some((manager) => SHADOW_PACKAGE_MANAGERS.has(manager))) return 'shadow';
  const image = facts.baseImage;
  if (!image) return 'unknown';
  const name = image.name.toLowerCase();
  const tag = (image.tag ?? 'latest').toLowerCase();
  if (name === 'scratch') return 'none';
  if (name.startsWith('distroless/') || (name.startsWith('chainguard/') && !tag.includes('dev'))) return 'none';
  if (/alpine|busybox/.test(`${name}:${tag}`)) return 'busybox';
  if (MINIMAL_TAG.test(`${name}:${tag}`)) return 'unknown';
  const official = image.registry === null && !name.includes('/');
  if ((official && SHADOW_IMAGES.has(name)) || SHADOW_TAG.test(tag) || /(^|\/)ubi\d*$/.test(name)) return 'shadow';
  return 'unknown';
}

/**
 * The shell command that creates a system group and user of the same name, with the working
 * directory as its home, and hands that directory to it.
 */
export function createUserCommand(tools: 'shadow' | 'busybox', user: string, workdir: string | null | undefined): string {
  const home = workdir ? quote([workdir]) : null;
  const handOver = home ? ` && chown -R ${user}:${user} ${home}` : '';
  if (tools === 'busybox') {
    return `addgroup -S ${user} && adduser -S -G ${user} -H${home ? ` -h ${home}` : ''} ${user}${handOver}`;
  }
  return `groupadd --system ${user} && useradd --system --gid ${user} --no-create-home${home ? ` --home-dir ${home}` : ''} ${user}${handOver}`;
}

/** The tool names shown in messages. */
export function toolNames(tools: 'shadow' | 'busybox'): string {
  return tools === 'busybox' ? 'addgroup/adduser' : 'groupadd/useradd';
}

/** The numeric user to switch to in an image without a shell: distroless's `nonroot`, else `nobody`. */
export function numericUserFor(facts: StageFacts): string {
  const name = facts.baseImage?.name ?? '';
  return name.startsWith('distroless/') || name.startsWith('chainguard/') ? '65532:65532' : '65534:65534';
}

/** Windows images (`servercore`, `nanoserver`, `-windowsservercore-` tags) have users of their own kind. */
export function isWindowsImage(image: ImageReference): boolean {
  return /windows|nanoserver|servercore/.test(`${image.name}:${image.tag ?? ''}`.toLowerCase());
}
