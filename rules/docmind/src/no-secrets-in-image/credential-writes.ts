import type { InstructionNode } from '@docmind-docker-lint/core';
import { parse } from 'shell-quote';
import { basename } from '../utils/run-commands.js';
import type { SecretPaths } from './secret-paths.js';

/** Something a RUN leaves in its layer that holds a credential. */
export type CredentialWrite =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'command'; readonly command: string; readonly file: string; readonly needle: string };

/** A simple command with what the shell does around it. */
interface ShellCommand {
  readonly argv: readonly string[];
  /** Files its output goes to (`>`, `>>`, `>|`). */
  readonly redirects: readonly string[];
  /** The command whose output is piped into this one (`echo ... | tee file`). */
  readonly pipedFrom: ShellCommand | null;
}

const COMMAND_SEPARATORS = new Set(['&&', '||', ';', ';;', '&', '(', ')']);
const OUTPUT_REDIRECTIONS = new Set(['>', '>>', '>|']);
const OTHER_REDIRECTIONS = new Set(['<', '>&', '<&', '<(', '<<', '<<<']);
const PREFIX_WORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', '}', 'fi', 'done', 'sudo', 'exec', 'command', 'env']);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

/** Words and shapes that show a written text holds a credential. */
const CREDENTIAL_MARKER = /pass|token|secret|auth|api_?key|credential|private|-----BEGIN|:\/\/[^\s/@]*:[^\s/@]+@/i;
/** `key=${VAR}`: a placeholder the reading tool expands (npm does, in `.npmrc`), written in single quotes. */
const PLACEHOLDER_ASSIGNMENT = /[^\s=]*=\$\{[A-Za-z_][A-Za-z0-9_]*\}/g;
/** A URL whose user part holds a password or a variable (`https://user:pw@`, `https://$TOKEN@`). */
const CREDENTIAL_URL = /:\/\/[^\s/@]*(?::[^\s/@]+|\$[A-Za-z_{][^\s/@]*)@/;

/**
 * What a RUN instruction leaves behind that holds credentials: output of `echo`, `cat`, `tee`,
 * `cp`, `mv` or `install` that lands in a credential file (`~/.netrc`, `~/.npmrc`, `/app/.env`,
 * keys), unless the same RUN removes it again; and tools that store a credential in their
 * configuration (`npm config set //host/:_authToken`, `aws configure set`, `git config` or
 * `git clone` with a URL carrying a password or token, `pip config set`, `poetry config http-basic`).
 * A literal text without credential words (`echo registry=https://... > ~/.npmrc`) is not reported.
 */
export function credentialWritesOf(instruction: InstructionNode, secretPaths: SecretPaths): CredentialWrite[] {
  const commands = shellCommandsOf(instruction);
  const found: { readonly write: CredentialWrite; readonly index: number }[] = [];
  const removals: { readonly path: string; readonly index: number }[] = [];
  commands.forEach((command, index) => {
    const name = basename(command.argv[0] ?? '');
    const args = command.argv.slice(1);
    if (name === 'rm') {
      for (const arg of args) if (!arg.startsWith('-')) removals.push({ path: homePath(arg), index });
    }
    const targets = [...command.redirects, ...(name === 'tee' ? args.filter((arg) => !arg.startsWith('-')) : []), ...copyTarget(name, args)];
    for (const target of targets) {
      if (secretPaths.isSecret(target) && !writesHarmlessText(command)) found.push({ write: { kind: 'file', path: target }, index });
    }
    const stored = storedCredential(name, args);
    if (stored) found.push({ write: stored, index });
  });
  const removedLater = ({ write, index }: (typeof found)[number]): boolean =>
    write.kind === 'file' &&
    removals.some((removal) => removal.index > index && isSameOrInside(homePath(write.path), removal.path));
  return found.filter((entry) => !removedLater(entry)).map((entry) => entry.write);
}

/** The destination of `cp`, `mv` and `install` (without `-d`), when it names a file. */
function copyTarget(name: string, args: readonly string[]): string[] {
  if (name !== 'cp' && name !== 'mv' && name !== 'install') return [];
  const operands = args.filter((arg) => !arg.startsWith('-'));
  if (operands.length < 2 || (name === 'install' && args.includes('-d'))) return [];
  const destination = operands[operands.length - 1]!;
  return destination.endsWith('/') ? [`${destination}${basename(operands[0]!)}`] : [destination];
}

/** Whether the text a command writes is known and holds no credential. */
function writesHarmlessText(command: ShellCommand): boolean {
  const writer = command.pipedFrom ?? command;
  const name = basename(writer.argv[0] ?? '');
  if (name !== 'echo' && name !== 'printf') return false;
  return !holdsCredential(writer.argv.slice(1).join(' '));
}

/**
 * Whether a text written into a file may hold a credential: it names one (`password`, `_authToken=`,
 * a URL with a password, a private key), or its content is not known (a variable, a command
 * substitution). `key=${VAR}` placeholders that the reading tool expands are no credential.
 */
export function holdsCredential(text: string): boolean {
  if (/\$(?!\{)|`/.test(text)) return true;
  return CREDENTIAL_MARKER.test(text.replace(PLACEHOLDER_ASSIGNMENT, ''));
}

/** A tool invocation that stores a credential in the tool's configuration file. */
function storedCredential(name: string, args: readonly string[]): CredentialWrite | null {
  const [sub, action, key, value] = args;
  if ((name === 'npm' || name === 'pnpm' || name === 'yarn') && sub === 'config' && action === 'set' && key !== undefined) {
    const [setting, assigned] = key.includes('=') ? [key.slice(0, key.indexOf('=')), key.slice(key.indexOf('=') + 1)] : [key, value];
    if (!/_?auth|token|password/i.test(setting) || /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(assigned ?? '')) return null;
    return { kind: 'command', command: `${name} config set`, file: name === 'yarn' ? '.yarnrc' : '.npmrc', needle: setting };
  }
  if (name === 'aws' && sub === 'configure' && action === 'set' && key !== undefined && /secret|token|access_key/i.test(key)) {
    return { kind: 'command', command: 'aws configure set', file: '.aws/credentials', needle: key };
  }
  if (name === 'git' && (sub === 'config' || sub === 'clone' || sub === 'remote')) {
    const url = args.find((arg) => CREDENTIAL_URL.test(arg));
    if (url) return { kind: 'command', command: `git ${sub}`, file: sub === 'config' ? '.gitconfig' : '.git/config', needle: `git` };
  }
  if (name === 'pip' && sub === 'config' && action === 'set' && args.some((arg) => CREDENTIAL_URL.test(arg))) {
    return { kind: 'command', command: 'pip config set', file: 'pip.conf', needle: 'pip' };
  }
  if (name === 'poetry' && sub === 'config' && action !== undefined && /^(http-basic|pypi-token)\./.test(action)) {
    return { kind: 'command', command: 'poetry config', file: 'auth.toml', needle: action };
  }
  return null;
}

/** A path with the home folder written one way (`~`), for comparing writes with removals. */
function homePath(written: string): string {
  return written
    .replace(/^(\$\{?HOME\}?|~)(?=\/|$)/, '~')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');
}

function isSameOrInside(target: string, folder: string): boolean {
  return target === folder || target.startsWith(`${folder}/`);
}

/** The simple commands of a RUN, with their redirections and pipes. */
function shellCommandsOf(instruction: InstructionNode): ShellCommand[] {
  const form = instruction.execForm;
  if (form) {
    const argv = form.elements.map((element) => element.value);
    const [program, flag, script] = argv;
    if (program !== undefined && SHELLS.has(basename(program)) && flag === '-c' && script !== undefined) {
      return scriptCommands(script, '\\');
    }
    return argv.length > 0 ? [{ argv, redirects: [], pipedFrom: null }] : [];
  }
  const lastFlag = instruction.flags[instruction.flags.length - 1];
  const flagsEnd = lastFlag ? lastFlag.range[1] : instruction.argsRange[0];
  const first = instruction.args.find((argument) => argument.range[0] >= flagsEnd);
  if (!first) return [];
  const { file, escapeCharacter } = instruction.dockerfile;
  return scriptCommands(file.text.slice(first.range[0], instruction.range[1]), escapeCharacter);
}

function scriptCommands(script: string, escapeCharacter: string): ShellCommand[] {
  const lines: string[] = [];
  let pending = '';
  for (const line of script.split(/\r?\n/)) {
    if (/^\s*#/.test(line)) continue;
    const continued = line.trimEnd().endsWith(escapeCharacter);
    pending += continued ? line.trimEnd().slice(0, -escapeCharacter.length) : line;
    if (!continued) {
      lines.push(pending);
      pending = '';
    }
  }
  if (pending) lines.push(pending);
  return lines.flatMap(lineCommands);
}

function lineCommands(line: string): ShellCommand[] {
  let tokens: ReturnType<typeof parse>;
  try {
    tokens = parse(line, (name) => `$${name}`);
  } catch {
    return [];
  }
  const commands: ShellCommand[] = [];
  let argv: string[] = [];
  let redirects: string[] = [];
  let pipedFrom: ShellCommand | null = null;
  let next: 'argument' | 'redirect' | 'skip' = 'argument';
  const finish = (piped: boolean): void => {
    let start = 0;
    while (start < argv.length && (PREFIX_WORDS.has(argv[start]!) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[start]!))) start++;
    const command: ShellCommand = { argv: argv.slice(start), redirects, pipedFrom };
    if (command.argv.length > 0 || redirects.length > 0) commands.push(command);
    pipedFrom = piped ? command : null;
    argv = [];
    redirects = [];
  };
  for (const token of tokens) {
    if (typeof token === 'string') {
      if (next === 'redirect') redirects.push(token);
      else if (next === 'argument') argv.push(token);
      next = 'argument';
    } else if ('op' in token) {
      if (token.op === 'glob') argv.push(token.pattern);
      else if (token.op === '|' || token.op === '|&') finish(true);
      else if (COMMAND_SEPARATORS.has(token.op)) finish(false);
      else if (OUTPUT_REDIRECTIONS.has(token.op)) next = 'redirect';
      else if (OTHER_REDIRECTIONS.has(token.op)) next = 'skip';
    } else if ('comment' in token) {
      break;
    }
  }
  finish(false);
  return commands;
}
