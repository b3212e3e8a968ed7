import { withoutTrailingSlashes, type InstructionNode } from '@docmind-docker-lint/core';
import { basename, runCommandWords, type RunCommand } from '../utils/run-command-words.js';
import type { SecretPaths } from './secret-paths.js';
import { hasCredentialUrl, hasPasswordInUrl, withoutPlaceholderAssignments } from './credential-urls.js';

/** Something a RUN leaves in its layer that holds a credential. */
export type CredentialWrite =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'command'; readonly command: string; readonly file: string; readonly needle: string };

/** Words that show a written text holds a credential (or a URL with a password: `hasPasswordInUrl`). */
const CREDENTIAL_WORD = /pass|token|secret|auth|api_?key|credential|private|-----BEGIN/i;

/** Programs whose arguments `credentialWritesOf` reads: removals, copies, `tee` and tools that store credentials. */
const WRITERS = new Set(['rm', 'tee', 'cp', 'mv', 'install', 'npm', 'pnpm', 'yarn', 'aws', 'git', 'pip', 'poetry']);

/**
 * What a RUN instruction leaves behind that holds credentials: output of `echo`, `cat`, `tee`,
 * `cp`, `mv` or `install` that lands in a credential file (`~/.netrc`, `~/.npmrc`, `/app/.env`,
 * keys), unless the same RUN removes it again; and tools that store a credential in their
 * configuration (`npm config set //host/:_authToken`, `aws configure set`, `git config` or
 * `git clone` with a URL carrying a password or token, `pip config set`, `poetry config http-basic`).
 * A literal text without credential words (`echo registry=https://... > ~/.npmrc`) is not reported.
 */
export function credentialWritesOf(instruction: InstructionNode, secretPaths: SecretPaths): CredentialWrite[] {
  const commands = runCommandWords(instruction);
  const found: { readonly write: CredentialWrite; readonly index: number }[] = [];
  const removals: { readonly path: string; readonly index: number }[] = [];
  commands.forEach((command, index) => {
    const name = basename(command.words[0]?.value ?? '');
    // Most commands write no file and store nothing: they are passed over without reading their words.
    if (command.redirects.length === 0 && !WRITERS.has(name)) return;
    const args = command.words.slice(1).map((word) => word.value);
    if (name === 'rm') {
      for (const arg of args) if (!arg.startsWith('-')) removals.push({ path: homePath(arg), index });
    }
    const targets = [...command.redirects.map((redirect) => redirect.value), ...(name === 'tee' ? args.filter((arg) => !arg.startsWith('-')) : []), ...copyTarget(name, args)];
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
function writesHarmlessText(command: RunCommand): boolean {
  const [program, ...args] = (command.pipedFrom ?? command).words.map((word) => word.value);
  const name = basename(program ?? '');
  if (name !== 'echo' && name !== 'printf') return false;
  return !holdsCredential(args.join(' '));
}

/**
 * Whether a text written into a file may hold a credential: it names one (`password`, `_authToken=`,
 * a URL with a password, a private key), or its content is not known (a variable, a command
 * substitution). `key=${VAR}` placeholders that the reading tool expands are no credential.
 */
export function holdsCredential(text: string): boolean {
  if (/\$(?!\{)|`/.test(text)) return true;
  // `key=${VAR}`: a placeholder the reading tool expands (npm does, in `.npmrc`), written in single quotes.
  const written = withoutPlaceholderAssignments(text);
  return CREDENTIAL_WORD.test(written) || hasPasswordInUrl(written);
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
    // A URL whose user part holds a password or a variable (`https://user:pw@`, `https://$TOKEN@`).
    const url = args.find((arg) => hasCredentialUrl(arg));
    if (url) return { kind: 'command', command: `git ${sub}`, file: sub === 'config' ? '.gitconfig' : '.git/config', needle: `git` };
  }
  if (name === 'pip' && sub === 'config' && action === 'set' && args.some((arg) => hasCredentialUrl(arg))) {
    return { kind: 'command', command: 'pip config set', file: 'pip.conf', needle: 'pip' };
  }
  if (name === 'poetry' && sub === 'config' && action !== undefined && /^(http-basic|pypi-token)\./.test(action)) {
    return { kind: 'command', command: 'poetry config', file: 'auth.toml', needle: action };
  }
  return null;
}

/** A path with the home folder written one way (`~`), for comparing writes with removals. */
function homePath(written: string): string {
  return withoutTrailingSlashes(written.replace(/^(\$\{?HOME\}?|~)(?=\/|$)/, '~').replace(/^(\.\/)+/, ''));
}


function isSameOrInside(target: string, folder: string): boolean {
  return target === folder || target.startsWith(`${folder}/`);
}
