import type {
  ComposeFileNode,
  DockerfileNode,
  DockerignoreNode,
  EnvFileNode,
  ParsedFile,
  PyprojectNode,
  PythonVersionNode,
  ServiceNode,
} from './nodes.js';

/**
 * Where the engine reads files. The core never touches the file system itself: `lintProject` passes a
 * host over `node:fs`, `lintText` and the RuleTester an in-memory one.
 */
export interface ProjectHost {
  /** The file's bytes, or `undefined` when it does not exist or cannot be read. */
  readFile(path: string): Uint8Array | undefined;
  /** What is at a path, not following links; `undefined` when nothing is. */
  stat(path: string): FileStat | undefined;
  /** Names in a folder; `[]` when it is not one. */
  readDirectory(path: string): readonly string[];
  /** The link's target resolved to an absolute real path, for links only. */
  realPath?(path: string): string | undefined;
}

export interface FileStat {
  readonly kind: 'file' | 'directory' | 'symlink' | 'other';
  readonly size: number;
  /** POSIX mode bits (permissions), when the host knows them. */
  readonly mode?: number;
}

/** The build context of a Dockerfile, as Compose or the Dockerfile's folder defines it. */
export interface BuildContext {
  /** Absolute folder sent to the builder. */
  readonly dir: string;
  readonly dockerfile: string;
  /** The `.dockerignore` that applies (`<Dockerfile>.dockerignore` first, then `<context>/.dockerignore`). */
  readonly dockerignore: DockerignoreNode | null;
  /** Where a missing `.dockerignore` should be created: `<context>/.dockerignore`. */
  readonly dockerignorePath: string;
  /** Whether the context's `.dockerignore` excludes a path relative to the context (posix separators). */
  isExcluded(relativePath: string): boolean;
  readonly pyproject: PyprojectNode | null;
  readonly pythonVersion: PythonVersionNode | null;
  /** The Compose services that build this Dockerfile with this context. */
  readonly services: readonly ServiceNode[];
}

/** Cross-file facts for rules: `context.project`. Every file is parsed at most once per run. */
export interface ProjectFacts {
  /** The folder linting started from; nothing outside it is read. */
  readonly root: string;
  /** Parse (once) and return a file of a known kind, or `undefined` when it is missing or unknown. */
  getFile(path: string): ParsedFile | undefined;
  getDockerfile(path: string): DockerfileNode | undefined;
  getDockerignore(path: string): DockerignoreNode | undefined;
  getEnvFile(path: string): EnvFileNode | undefined;
  /** The text of any file inside the root (BOM removed), or `undefined` when it cannot be read as text. */
  readText(path: string): string | undefined;
  exists(path: string): boolean;
  /** Whether the path is a folder (links are not followed). */
  isDirectory(path: string): boolean;
  /** Whether the file has an execute bit, when the host can tell. */
  isExecutable(path: string): boolean | undefined;
  /**
   * Files under a folder as posix paths relative to it, not descending into `.git` or `node_modules`
   * (which are listed as folders with a trailing `/`), bounded in count.
   */
  listFiles(dir: string): readonly string[];
  /** All Compose files of the run. */
  readonly composeFiles: readonly ComposeFileNode[];
  /**
   * The Compose files of the run with a service that names an env file under `env_file` (see
   * `envFilesOf`), in the order of `composeFiles`: a superset of those whose `envFilesOf` has the path,
   * found without parsing and holding every Compose file of the run. Optional: without it, filter
   * `composeFiles`.
   */
  composeFilesNamingEnvFile?(envFilePath: string): readonly ComposeFileNode[];
  /**
   * The files of the Compose project a Compose file belongs to, in merge order, when the run names
   * them (`composeFiles`, `--compose-file`); `undefined` for a file outside that list, whose project is
   * its folder's default files.
   */
  composeProjectOf?(composePath: string): readonly string[] | undefined;
  /** The build contexts a Dockerfile is built with: one per distinct Compose context, else its folder. */
  buildContextsOf(dockerfilePath: string): readonly BuildContext[];
  /** The Dockerfile a Compose service builds, when it exists. */
  dockerfileOf(service: ServiceNode): DockerfileNode | undefined;
  /** The env files a service names under `env_file`, resolved against its Compose file. */
  envFilesOf(service: ServiceNode): readonly { readonly path: string; readonly node: EnvFileNode | undefined }[];
}

export type { DockerfileNode, EnvFileNode };
