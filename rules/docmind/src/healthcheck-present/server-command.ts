import { basename } from '../utils/run-command-words.js';

/** A command that starts a server, as found in a CMD or ENTRYPOINT. */
export interface ServerCommand {
  /** The server's name as listed in the `servers` option (`streamlit`, or the module of `python -m http.server`). */
  readonly server: string;
  /** The word of the command that names it, as written (`/app/.venv/bin/streamlit`, `http.server`). */
  readonly word: string;
  /** The words after it: the server's own arguments. */
  readonly args: readonly string[];
}

/** Process managers that run the command after their options (and an optional `--`). */
const INIT_WRAPPERS = new Set(['tini', 'dumb-init', 'catatonit']);
/** Tools that run the command after a user name: `gosu app streamlit ...`. */
const USER_SWITCHERS = new Set(['gosu', 'su-exec']);
/** Project tools whose `run` subcommand runs the command in the project's environment. */
const PROJECT_RUNNERS = new Set(['uv', 'poetry', 'pipenv', 'pdm', 'hatch', 'rye', 'conda', 'mamba', 'micromamba']);
/** Tools that run a package's command directly: `uvx streamlit ...`. */
const PACKAGE_RUNNERS = new Set(['uvx', 'pipx', 'npx']);
const PYTHON = /^python(\d+(\.\d+)?)?$/;

/**
 * The server a command starts, looking through launchers (`tini --`, `gosu app`, `uv run`,
 * `poetry run`, `uvx`, `python -m module`) to the program they run; `null` when that program is not
 * one of `servers` (matched on its base name, or on the module for `python -m`).
 */
export function serverCommand(argv: readonly string[], servers: readonly string[]): ServerCommand | null {
  const isServer = (word: string): boolean => servers.includes(basename(word));
  const startsCommand = (word: string): boolean => isServer(word) || isLauncher(word);
  let index = 0;
  while (index < argv.length) {
    const word = argv[index]!;
    const name = basename(word);
    if (INIT_WRAPPERS.has(name)) {
      index = skipOptions(argv, index + 1, () => false);
    } else if (USER_SWITCHERS.has(name)) {
      index += 2;
    } else if (PACKAGE_RUNNERS.has(name)) {
      index = skipOptions(argv, index + 1, startsCommand);
    } else if (PROJECT_RUNNERS.has(name) && argv[index + 1] === 'run') {
      index = skipOptions(argv, index + 2, startsCommand);
    } else if (PYTHON.test(name)) {
      return pythonModule(argv, index + 1, servers);
    } else {
      const args = argv.slice(index + 1);
      return isServer(word) && !startsRepl(name, args) ? { server: name, word, args } : null;
    }
  }
  return null;
}

/** Options of `node` that run code given on the command line rather than open the REPL. */
const NODE_CODE_OPTIONS = new Set(['-e', '--eval', '-p', '--print']);

/**
 * `node` with no script (only options such as `--max-old-space-size=512`) opens the interactive REPL,
 * as the official `node` images' `CMD ["node"]` does: an image to build on or `docker run -it`, not a
 * server to probe.
 */
function startsRepl(name: string, args: readonly string[]): boolean {
  if (name !== 'node') return false;
  return args.every((arg) => arg.startsWith('-') && !NODE_CODE_OPTIONS.has(arg.split('=')[0]!));
}

function isLauncher(word: string): boolean {
  const name = basename(word);
  return (
    INIT_WRAPPERS.has(name) || USER_SWITCHERS.has(name) || PACKAGE_RUNNERS.has(name) || PROJECT_RUNNERS.has(name) || PYTHON.test(name)
  );
}

/**
 * The index after a launcher's options. An option written without `=` is taken to have a value
 * (`--env-file .env`) unless the next word starts a command the rule knows, since the launcher's
 * option table is not known here.
 */
function skipOptions(argv: readonly string[], from: number, startsCommand: (word: string) => boolean): number {
  let index = from;
  while (index < argv.length && argv[index]!.startsWith('-')) {
    const option = argv[index]!;
    index++;
    if (option === '--') break;
    const next = argv[index];
    if (!option.includes('=') && option.startsWith('--') && next !== undefined && !next.startsWith('-') && !startsCommand(next)) index++;
  }
  return index;
}

/** `python [options] -m module args`: the module, when it is a server. */
function pythonModule(argv: readonly string[], from: number, servers: readonly string[]): ServerCommand | null {
  for (let index = from; index < argv.length && argv[index]!.startsWith('-'); index++) {
    if (argv[index] !== '-m') continue;
    const module = argv[index + 1];
    return module !== undefined && servers.includes(module) ? { server: module, word: module, args: argv.slice(index + 2) } : null;
  }
  return null;
}
