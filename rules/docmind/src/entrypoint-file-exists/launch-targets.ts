import path from 'node:path';
import { shellCommands, type Command, type Word } from './words.js';

/** A file a command runs: a script given to an interpreter, or a program called by its path. */
export interface FileTarget {
  readonly kind: 'file';
  readonly word: Word;
  /** As written (relative to `cwd`, or absolute). */
  readonly path: string;
  /** The absolute working directory the command runs in; `null` when unknown. */
  readonly cwd: string | null;
  /** Run as a program (`./entrypoint.sh`), so it needs the execute bit. */
  readonly executed: boolean;
}

/** A Python module a command imports or runs: `python -m pkg.mod`, `uvicorn pkg.app:app`. */
export interface ModuleTarget {
  readonly kind: 'module';
  readonly word: Word;
  /** The dotted module name. */
  readonly module: string;
  /** Where the module name starts in the word (`-mpkg` -> 2). */
  readonly start: number;
  readonly cwd: string | null;
  /** `main`: run with `-m` (a module, or a package with `__main__.py`); `import`: imported by a server. */
  readonly use: 'main' | 'import';
  /** More import roots the command adds (`--app-dir`, `--chdir`, `--pythonpath`), absolute. */
  readonly roots: readonly string[];
}

export type LaunchTarget = FileTarget | ModuleTarget;

const PYTHON = /^(python|pypy)(\d+(\.\d+)*)?$/;
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);
const MODULE_NAME = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;
/** Programs that run the rest of the command line (their own options first). */
const WRAPPERS = new Set(['exec', 'nohup', 'setsid', 'time', 'tini', 'tini-static', 'dumb-init', 'catatonit']);
/** Wrappers whose first argument is a user: `gosu app python main.py`. */
const USER_WRAPPERS = new Set(['gosu', 'su-exec']);
/** Project runners: `uv run`, `poetry run`, ... followed by the command. */
const RUNNERS = new Set(['uv', 'poetry', 'pipenv', 'pdm', 'hatch', 'rye']);
/** Options of `uv run` (and the other runners) that take a value. */
const RUNNER_VALUE_OPTIONS = new Set([
  '--with', '--with-editable', '--with-requirements', '--python', '-p', '--env-file', '--directory', '--project',
  '--package', '--group', '--extra', '--index', '--default-index', '--index-url', '--extra-index-url', '-e', '--env',
]);
/** Options of uvicorn, gunicorn and hypercorn that take a value (written `--opt value`). */
const SERVER_VALUE_OPTIONS = new Set([
  '--host', '--port', '--uds', '--fd', '--loop', '--http', '--ws', '--lifespan', '--interface', '--env-file', '--log-config',
  '--log-level', '--root-path', '--limit-concurrency', '--backlog', '--limit-max-requests', '--timeout-keep-alive',
  '--timeout-graceful-shutdown', '--ssl-keyfile', '--ssl-certfile', '--ssl-keyfile-password', '--ssl-version',
  '--ssl-cert-reqs', '--ssl-ca-certs', '--ssl-ciphers', '--header', '--workers', '--app-dir', '--reload-dir',
  '--reload-include', '--reload-exclude', '--reload-delay', '--forwarded-allow-ips', '--ws-max-size', '--ws-max-queue',
  '--ws-ping-interval', '--ws-ping-timeout', '--ws-per-message-deflate', '-b', '--bind', '-w', '-k', '--worker-class',
  '-c', '--config', '-t', '--timeout', '--threads', '--access-logfile', '--error-logfile', '--log-file', '--chdir',
  '--pythonpath', '-e', '--env', '--keep-alive', '--max-requests', '--max-requests-jitter', '--graceful-timeout', '-u',
  '--user', '-g', '--group', '-n', '--name', '--worker-tmp-dir', '--certfile', '--keyfile', '-p', '--pid', '--statsd-host',
  '--worker-connections', '--access-logformat', '--umask', '--paste', '--logger-class',
]);
/** Server options that add an import root. */
const ROOT_OPTIONS = new Set(['--app-dir', '--chdir', '--pythonpath']);
const SERVERS = new Set(['uvicorn', 'gunicorn', 'hypercorn']);
/** Folders whose files a build creates (virtual environments, installed packages), never the context's. */
const INSTALLED_FOLDER = /(^|\/)(\.?venv|\.virtualenvs?|site-packages|dist-packages|node_modules|__pypackages__)(\/|$)/;

/**
 * The files and modules a command line starts, given as commands (argument vectors). Wrappers
 * (`exec`, `tini --`, `gosu user`, `uv run`, `env VAR=1`) are looked through, `cd` changes the
 * working directory of the commands after it, `sh -c` scripts are read, and an executed script's
 * arguments are read as the command it hands over to (`exec "$@"` in an entrypoint script).
 */
export function launchTargets(commands: readonly Command[], cwd: string | null): LaunchTarget[] {
  const targets: LaunchTarget[] = [];
  let workdir = cwd;
  for (const command of commands) {
    // A wrapper's `--directory` moves only its own command.
    const { words, cwd: commandCwd } = unwrap(command, workdir);
    const program = words[0];
    if (!program) continue;
    if (program.value === 'cd') {
      workdir = changeDirectory(commandCwd, words[1]?.value);
      continue;
    }
    if (/\s/.test(program.value.trim())) {
      // One exec-form element holding a whole command line: read it the way it was meant.
      const inner = shellCommands(program);
      const last = inner.at(-1);
      if (last) inner[inner.length - 1] = [...last, ...words.slice(1)];
      targets.push(...launchTargets(inner, commandCwd));
      continue;
    }
    targets.push(...commandTargets(words, commandCwd));
  }
  return targets;
}

function commandTargets(words: readonly Word[], cwd: string | null): LaunchTarget[] {
  const program = words[0]!;
  const args = words.slice(1);
  const name = path.posix.basename(program.value);
  if (PYTHON.test(name)) return pythonTargets(args, cwd);
  if (SHELLS.has(name)) return shellTargets(args, cwd);
  if (name === 'streamlit') return streamlitTargets(args, cwd);
  if (SERVERS.has(name)) return serverTargets(args, cwd);
  if (name === 'flask') return flaskTargets(args, cwd);
  if (name === 'fastapi') return fastapiTargets(args, cwd);
  if (!program.value.includes('/') || /[$*?[\]]/.test(program.value) || INSTALLED_FOLDER.test(program.value)) return [];
  const script: FileTarget = { kind: 'file', word: program, path: program.value, cwd, executed: true };
  return [script, ...launchTargets([args], cwd)];
}

/** `python [options] script.py`, `python -m module` (servers run as modules included). */
function pythonTargets(args: readonly Word[], cwd: string | null): LaunchTarget[] {
  for (let index = 0; index < args.length; index++) {
    const word = args[index]!;
    const value = word.value;
    if (value === '-m' || (value.startsWith('-m') && !value.startsWith('--'))) {
      const moduleWord = value === '-m' ? args[index + 1] : word;
      const start = value === '-m' ? 0 : 2;
      if (!moduleWord) return [];
      const module = moduleWord.value.slice(start);
      const rest = args.slice(index + (value === '-m' ? 2 : 1));
      if (module === 'streamlit') return streamlitTargets(rest, cwd);
      if (SERVERS.has(module)) return serverTargets(rest, cwd);
      if (module === 'flask') return flaskTargets(rest, cwd);
      if (!MODULE_NAME.test(module)) return [];
      return [{ kind: 'module', word: moduleWord, module, start, cwd, use: 'main', roots: [] }];
    }
    if (value === '-' || value.startsWith('-c')) return [];
    if (value === '-X' || value === '-W' || value === '--check-hash-based-pycs') {
      index++;
      continue;
    }
    if (value.startsWith('-')) continue;
    return fileTarget(word, cwd, false);
  }
  return [];
}

/** `sh -c "script"` (read as a command line), `sh script.sh`. */
function shellTargets(args: readonly Word[], cwd: string | null): LaunchTarget[] {
  for (let index = 0; index < args.length; index++) {
    const word = args[index]!;
    if (/^-[a-z]*c[a-z]*$/.test(word.value)) {
      const script = args[index + 1];
      return script ? launchTargets(shellCommands(script), cwd) : [];
    }
    if (word.value.startsWith('-') || word.value.startsWith('+')) continue;
    return fileTarget(word, cwd, false);
  }
  return [];
}

/** `streamlit run app.py [-- args]`. */
function streamlitTargets(args: readonly Word[], cwd: string | null): LaunchTarget[] {
  const run = args.findIndex((word) => !word.value.startsWith('-'));
  if (args[run]?.value !== 'run') return [];
  const script = args.slice(run + 1).find((word) => !word.value.startsWith('-'));
  return script && !/^[a-z]+:\/\//i.test(script.value) ? fileTarget(script, cwd, false) : [];
}

/**
 * `uvicorn pkg.app:app`, `gunicorn -w 4 pkg.wsgi`: the first positional word shaped like a
 * module (`pkg.mod` or `pkg.mod:attr`); the caller only checks it when its package is in the context.
 */
function serverTargets(args: readonly Word[], cwd: string | null): LaunchTarget[] {
  const roots: string[] = [];
  let found: Word | null = null;
  for (let index = 0; index < args.length; index++) {
    const word = args[index]!;
    const [option, inline] = splitOption(word.value);
    if (option.startsWith('-')) {
      const value = inline ?? (SERVER_VALUE_OPTIONS.has(option) ? args[++index]?.value : undefined);
      if (ROOT_OPTIONS.has(option) && value !== undefined && cwd !== null && !value.includes('$')) {
        roots.push(...value.split(':').map((root) => path.posix.resolve(cwd, root)));
      }
      continue;
    }
    found ??= MODULE_NAME.test(word.value.split(':')[0]!) ? word : null;
  }
  if (!found) return [];
  return [{ kind: 'module', word: found, module: found.value.split(':')[0]!, start: 0, cwd, use: 'import', roots }];
}

/** `flask --app pkg.app run` or `flask --app app.py run`. */
function flaskTargets(args: readonly Word[], cwd: string | null): LaunchTarget[] {
  for (let index = 0; index < args.length; index++) {
    const word = args[index]!;
    const [option, inline] = splitOption(word.value);
    if (option !== '--app' && option !== '-A') continue;
    const valueWord = inline === undefined ? args[index + 1] : word;
    if (!valueWord) return [];
    const start = inline === undefined ? 0 : option.length + 1;
    const value = valueWord.value.slice(start).split(':')[0]!;
    if (value.endsWith('.py') || value.includes('/')) return fileTarget(sliceWord(valueWord, start, start + value.length), cwd, false);
    if (!MODULE_NAME.test(value)) return [];
    return [{ kind: 'module', word: valueWord, module: value, start, cwd, use: 'import', roots: [] }];
  }
  return [];
}

/** `fastapi run app/main.py`. */
function fastapiTargets(args: readonly Word[], cwd: string | null): LaunchTarget[] {
  const positional = args.filter((word) => !word.value.startsWith('-'));
  const [subcommand, script] = positional;
  if ((subcommand?.value !== 'run' && subcommand?.value !== 'dev') || !script?.value.endsWith('.py')) return [];
  return fileTarget(script, cwd, false);
}

function fileTarget(word: Word, cwd: string | null, executed: boolean): LaunchTarget[] {
  if (word.value === '' || /[$*?[\]]/.test(word.value) || INSTALLED_FOLDER.test(word.value)) return [];
  return [{ kind: 'file', word, path: word.value, cwd, executed }];
}

/**
 * The command with wrappers and leading `VAR=value` assignments removed, and the working directory
 * a wrapper's `--directory` or `--chdir` moves it to.
 */
function unwrap(command: Command, cwd: string | null): { words: readonly Word[]; cwd: string | null } {
  let words = command;
  let workdir = cwd;
  const skip = (rest: readonly Word[], valueOptions: ReadonlySet<string>, alsoSkip?: (word: Word) => boolean): readonly Word[] => {
    const skipped = skipOptions(rest, valueOptions, alsoSkip);
    if (skipped.directory !== undefined) workdir = changeDirectory(workdir, skipped.directory);
    return skipped.words;
  };
  for (;;) {
    const first = words[0];
    if (!first) return { words, cwd: workdir };
    const name = path.posix.basename(first.value);
    if (/^[A-Za-z_]\w*=/.test(first.value)) words = words.slice(1);
    else if (name === 'env') words = skip(words.slice(1), new Set(['-u', '--unset', '-C', '--chdir']), (word) => /^[A-Za-z_]\w*=/.test(word.value));
    else if (WRAPPERS.has(name)) words = skip(words.slice(1), new Set(['-p', '-e', '-r', '--rewrite']));
    else if (name === 'nice') words = skip(words.slice(1), new Set(['-n']));
    else if (USER_WRAPPERS.has(name)) words = words.slice(2);
    else if (RUNNERS.has(name) && words[1]?.value === 'run') words = skip(words.slice(2), RUNNER_VALUE_OPTIONS);
    else return { words, cwd: workdir };
  }
}

/** Options that move the working directory: `uv run --directory`, `env --chdir`. */
const DIRECTORY_OPTIONS = new Set(['--directory', '--project', '-C', '--chdir']);

/**
 * Drops leading options (and the values of those that take one), and a `--` that ends them; reports
 * the folder a directory option names.
 */
function skipOptions(
  words: readonly Word[],
  valueOptions: ReadonlySet<string>,
  alsoSkip?: (word: Word) => boolean,
): { words: readonly Word[]; directory?: string } {
  let directory: string | undefined;
  let index = 0;
  while (index < words.length) {
    const [option, inline] = splitOption(words[index]!.value);
    if (option === '--') return { words: words.slice(index + 1), ...(directory === undefined ? {} : { directory }) };
    const value = inline ?? (valueOptions.has(option) ? words[index + 1]?.value : undefined);
    if (DIRECTORY_OPTIONS.has(option) && value !== undefined) directory = value;
    if (inline === undefined && valueOptions.has(option)) index += 2;
    else if (option.startsWith('-') || alsoSkip?.(words[index]!)) index++;
    else break;
  }
  return { words: words.slice(index), ...(directory === undefined ? {} : { directory }) };
}

function splitOption(value: string): [string, string | undefined] {
  const equals = value.indexOf('=');
  return equals === -1 || !value.startsWith('-') ? [value, undefined] : [value.slice(0, equals), value.slice(equals + 1)];
}

function sliceWord(word: Word, from: number, to: number): Word {
  return { value: word.value.slice(from, to), offsets: word.offsets ? word.offsets.slice(from, to) : null, home: word.home };
}

function changeDirectory(cwd: string | null, target: string | undefined): string | null {
  if (target === undefined || target.includes('$') || target === '-') return null;
  if (target.startsWith('/')) return path.posix.normalize(target);
  return cwd === null ? null : path.posix.resolve(cwd, target);
}
