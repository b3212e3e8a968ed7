import path from 'node:path';
import {
  expandVariables,
  globalArgDefaults,
  type DockerfileNode,
  type ImageReference,
  type InstructionNode,
  type OffsetRange,
  type StageNode,
} from '@docmind-docker-lint/core';
import { basename, runCommands } from '../utils/run-commands.js';
import { createdUserName } from './created-user-name.js';

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
  /** The WORKDIR at the end of the stage: `undefined` when none is set, `null` when it cannot be resolved. */
  readonly workdir: string | null | undefined;
}

const PACKAGE_MANAGERS = new Set(['apk', 'apt-get', 'apt', 'dpkg', 'dnf', 'yum', 'microdnf', 'tdnf', 'zypper']);
const USER_CREATORS = new Set(['useradd', 'adduser']);
/** Stands for a variable that is declared but whose value only the build knows (an ARG without default). */
const UNKNOWN = '\u0000';

/**
 * Walks a stage and the stages it is built from, in build order, resolving ENV (inherited) and ARG
 * (per stage, Compose build args first, then defaults) the way the builder does.
 */
export function collectStageFacts(
  stage: StageNode,
  dockerfile: DockerfileNode,
  buildArgs: Readonly<Record<string, string>>,
): StageFacts {
  const chain: StageNode[] = [];
  for (let current: StageNode | null = stage; current; current = current.parent) chain.unshift(current);
  const globals = globalArgDefaults(dockerfile);
  const env = new Map<string, string>();
  const users: UserSetting[] = [];
  const createdUsers: string[] = [];
  const packageManagers = new Set<string>();
  let copiesPasswd = false;
  let workdir: string | null | undefined;

  for (const link of chain) {
    const args = new Map<string, string>();
    const expand = (text: string): string | null => {
      const value = expandVariables(text, (name) => env.get(name) ?? args.get(name), dockerfile.escapeCharacter);
      return value === null || value.includes(UNKNOWN) ? null : value;
    };
    for (const instruction of link.instructions) {
      switch (instruction.keyword) {
        case 'ARG':
          for (const { name, value } of properties(instruction)) {
            const known = buildArgs[name] ?? (value === null ? globals.get(name) : expand(value));
            args.set(name, known ?? UNKNOWN);
          }
          break;
        case 'ENV':
          for (const { name, value } of properties(instruction)) env.set(name, expand(value ?? '') ?? UNKNOWN);
          break;
        case 'USER': {
          const setting = readUser(instruction, expand);
          if (setting) users.push(setting);
          break;
        }
        case 'WORKDIR': {
          const written = unquote(instruction.argsText.trim());
          const target = written === null || written === '' ? null : expand(written);
          // A relative WORKDIR on top of the base image's (unknown) one is unknown too.
          if (target !== null && target.startsWith('/')) workdir = path.posix.resolve(target);
          else workdir = target !== null && typeof workdir === 'string' ? path.posix.resolve(workdir, target) : null;
          break;
        }
        case 'RUN':
          for (const command of runCommands(instruction)) {
            const program = basename(command[0] ?? '');
            if (PACKAGE_MANAGERS.has(program)) packageManagers.add(program);
            const created = USER_CREATORS.has(program) ? createdUserName(program, command.slice(1)) : null;
            const name = created === null ? null : expand(created);
            if (name) createdUsers.push(name);
          }
          break;
        case 'COPY':
        case 'ADD':
          if (instruction.args.some((argument) => /(^|\/)etc\/passwd$/.test(argument.value))) copiesPasswd = true;
          break;
      }
    }
  }
  return { stage, chain, baseImage: chain[0]!.image, users, createdUsers, copiesPasswd, packageManagers, workdir };
}

/** The user part of a `user[:group]` value. */
export function userPart(value: string): string {
  const colon = value.indexOf(':');
  return colon === -1 ? value : value.slice(0, colon);
}

/** `root` or uid 0, with or without a group. */
export function isRootUser(value: string): boolean {
  const user = userPart(value.trim());
  return user === 'root' || /^0+$/.test(user);
}

function readUser(instruction: InstructionNode, expand: (text: string) => string | null): UserSetting | null {
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

/**
 * A word without the double or single quotes around it; `null` when quotes or line continuations
 * appear elsewhere in it (word splitting this rule does not redo).
 */
function unquote(word: string): string | null {
  const quoted = /^"([^"\\]*)"$|^'([^']*)'$/.exec(word);
  if (quoted) return quoted[1] ?? quoted[2]!;
  return /["'\n]/.test(word) ? null : word;
}

interface Property {
  readonly name: string;
  readonly value: string | null;
}

/**
 * The `NAME=value` pairs of an ARG or ENV, read through dockerfile-ast's properties (its argument
 * list splits quoted values).
 */
function properties(instruction: InstructionNode): Property[] {
  const ast = instruction.ast as unknown as { getProperties?: () => AstProperty[] };
  return (ast.getProperties?.() ?? []).map((property) => ({ name: property.getName(), value: property.getValue() }));
}

interface AstProperty {
  getName(): string;
  getValue(): string | null;
}
