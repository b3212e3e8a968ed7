import type { ImageReference, InstructionNode, OffsetRange, StageNode } from '@docmind-docker-lint/core';
import { perInstruction } from '../utils/per-instruction.js';
import { basename, runCommandWords } from '../utils/run-command-words.js';
import { stageChain, visitStageChain, type ExpandVariables } from '../utils/stage-chain.js';
import { stageWorkdir } from '../utils/stage-workdir.js';
import { unquote } from '../utils/unquote.js';
import { createdUserName } from './created-user-name.js';
import { installedPackages } from './package-users.js';

/** A USER instruction and what it resolves to at its place in the stage. */
export interface UserSetting {
  readonly instruction: InstructionNode;
  /** The argument as written (`${APP_USER}:app`). */
  readonly raw: string;
  /** The whole argument. */
  readonly range: OffsetRange;
  /** The user part of the argument (before `:`) when written literally, else the whole argument. */
  readonly userRange: OffsetRange;
  /** The resolved `user[:group]`, or `null` when a variable's value is not known here. */
  readonly value: string | null;
  /** The resolved user part, or `null` when not known. */
  readonly user: string | null;
}

/** What a stage, together with the stages it is built `FROM`, does about users. */
export interface StageFacts {
  readonly stage: StageNode;
  /** The stage and the earlier stages it builds on, the first one (based on an image) first. */
  readonly chain: readonly StageNode[];
  /** The image the first stage of the chain is based on. */
  readonly baseImage: ImageReference | null;
  /** USER instructions of the chain, in order. */
  readonly users: readonly UserSetting[];
  /** Users that `useradd` or `adduser` create in the chain, in order. */
  readonly createdUsers: readonly string[];
  /** A COPY or ADD brings in an `/etc/passwd`, so any user name may exist. */
  readonly copiesPasswd: boolean;
  /** Package managers the chain's RUN instructions call (`apk`, `apt-get`, `dnf`, ...). */
  readonly packageManagers: ReadonlySet<string>;
  /** Packages the chain's RUN instructions install with apt-get, apt, apk, dnf, yum or microdnf. */
  readonly installedPackages: ReadonlySet<string>;
  /** The WORKDIR at the end of the stage; `null` when none is set or it cannot be resolved. */
  readonly workdir: string | null;
}

const PACKAGE_MANAGERS = new Set(['apk', 'apt-get', 'apt', 'dpkg', 'dnf', 'yum', 'microdnf', 'tdnf', 'zypper']);
const USER_CREATORS = new Set(['useradd', 'adduser']);

/**
 * Walks a stage and the stages it is built from, in build order, resolving ENV (inherited) and ARG
 * (per stage, Compose build args first, then defaults) the way the builder does.
 */
export function collectStageFacts(stage: StageNode, buildArgs: Readonly<Record<string, string>>): StageFacts {
  const chain = stageChain(stage);
  const users: UserSetting[] = [];
  const createdUsers: string[] = [];
  const packageManagers = new Set<string>();
  const packages = new Set<string>();
  let copiesPasswd = false;
  visitStageChain(stage, buildArgs, (instruction, expand) => {
    switch (instruction.keyword) {
      case 'USER': {
        const setting = readUser(instruction, expand);
        if (setting) users.push(setting);
        break;
      }
      case 'RUN': {
        const facts = runFacts(instruction);
        for (const program of facts.packageManagers) packageManagers.add(program);
        for (const name of facts.installedPackages) packages.add(name);
        for (const created of facts.createdUsers) {
          const name = expand(created);
          if (name) createdUsers.push(name);
        }
        break;
      }
      case 'COPY':
      case 'ADD':
        if (instruction.args.some((argument) => /(^|\/)etc\/passwd$/.test(argument.value))) copiesPasswd = true;
        break;
    }
  });
  const workdir = stageWorkdir(stage, undefined, buildArgs);
  return { stage, chain, baseImage: chain[0]!.image, users, createdUsers, copiesPasswd, packageManagers, installedPackages: packages, workdir };
}

/** What one RUN does about users, before its variables are expanded. */
interface RunFacts {
  readonly packageManagers: readonly string[];
  readonly installedPackages: readonly string[];
  /** The names `useradd` and `adduser` create, as written. */
  readonly createdUsers: readonly string[];
}

/** Read once per RUN: every stage built on this one walks it again, and so do other stages' facts. */
const runFacts = perInstruction((instruction): RunFacts => {
  const managers: string[] = [];
  const installed: string[] = [];
  const created: string[] = [];
  for (const { words } of runCommandWords(instruction)) {
    const program = basename(words[0]?.value ?? '');
    if (PACKAGE_MANAGERS.has(program)) managers.push(program);
    const args = words.slice(1).map((word) => word.value);
    for (const name of installedPackages(program, args)) installed.push(name);
    const name = USER_CREATORS.has(program) ? createdUserName(program, args) : null;
    if (name !== null) created.push(name);
  }
  return { packageManagers: managers, installedPackages: installed, createdUsers: created };
});

/** The user part of a `user[:group]` value. */
export function userPart(value: string): string {
  const colon = value.indexOf(':');
  return colon === -1 ? value : value.slice(0, colon);
}

/**
 * The users every Windows image has (Windows user names ignore case): `ContainerUser`, the
 * unprivileged one, and `ContainerAdministrator`, the administrator.
 */
export function windowsBuiltinUser(user: string): 'user' | 'administrator' | null {
  const name = user.toLowerCase();
  return name === 'containeruser' ? 'user' : name === 'containeradministrator' ? 'administrator' : null;
}

/** `root` or uid 0, with or without a group. */
export function isRootUser(value: string): boolean {
  const user = userPart(value.trim());
  return user === 'root' || /^0+$/.test(user);
}

function readUser(instruction: InstructionNode, expand: ExpandVariables): UserSetting | null {
  const argument = instruction.args[0];
  if (!argument) return null;
  const written = unquote(argument.value);
  const value = written === null ? null : expand(written);
  const user = value === null || userPart(value) === '' ? null : userPart(value);
  const literal = argument.raw === argument.value && !argument.value.includes('$');
  const userRange: OffsetRange = literal
    ? [argument.range[0], argument.range[0] + userPart(argument.value).length]
    : argument.range;
  return { instruction, raw: argument.raw, range: argument.range, userRange, value, user };
}
