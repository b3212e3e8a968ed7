import path from 'node:path';
import { parseCompose } from '../parse/parse-compose.js';
import { parseDockerfile } from '../parse/parse-dockerfile.js';
import { parseDockerignore } from '../parse/parse-dockerignore.js';
import { parseEnvFile } from '../parse/parse-env-file.js';
import { parsePyproject } from '../parse/parse-pyproject.js';
import { parsePythonVersion } from '../parse/parse-python-version.js';
import { classifyFile } from '../source/classify-file.js';
import { SourceFile, type FileKind } from '../source/source-file.js';
import type {
  ComposeFileNode,
  DockerfileNode,
  DockerignoreNode,
  EnvFileNode,
  ParsedFile,
  ServiceNode,
} from '../types/nodes.js';
import type { BuildContext, FileStat, ProjectFacts, ProjectHost } from '../types/project.js';
import { DockerignoreMatcher } from '../utils/dockerignore-matcher.js';
import { decodeText } from './decode-text.js';
import { isInside, resolvePath } from './is-inside.js';

/** How many entries `listFiles` returns at most, so a huge context cannot stall a run. */
const MAX_LISTED_FILES = 20_000;

/**
 * How many Compose files parsed for the build index are kept until their lint takes them (a parse
 * holds some 50 KiB: about 6 MiB at most, less as the lint goes on).
 */
const MAX_KEPT_FOR_LINT = 128;

/**
 * The project model of one run: every file is read and parsed at most once, Compose services are
 * linked to the Dockerfiles they build, and each Dockerfile to its build context's `.dockerignore`,
 * `pyproject.toml` and `.python-version`.
 */
export class Project implements ProjectFacts {
  private readonly parsed = new Map<string, ParsedFile | null>();
  private readonly listings = new Map<string, readonly string[]>();
  private readonly contexts = new Map<string, readonly BuildContext[]>();
  /** Per folder: whether its real path is inside the root's (or cannot be known). */
  private readonly realFolderInside = new Map<string, boolean>();
  /** The Compose files whose services build each Dockerfile (paths only, so the index pins no parse). */
  private composeByDockerfile: Map<string, string[]> | undefined;
  /** What Compose files build, noted when their parses are forgotten before the index is made. */
  private readonly buildsOf = new Map<string, readonly string[]>();
  /**
   * Compose files parsed to make the index and not linted yet: their lint takes the parse
   * (`parsedFrom`) instead of parsing the file a second time. At most `MAX_KEPT_FOR_LINT`.
   */
  private readonly keptForLint = new Map<string, ParsedFile>();
  /**
   * The Compose files whose services name each env file under `env_file` (paths only, indexed once per
   * project when a rule first asks, so that asking per env file parses no Compose file again).
   */
  private composeByEnvFile: Map<string, string[]> | undefined;
  private composeNodes: readonly ComposeFileNode[] | undefined;
  private readonly realRoot: string;

  constructor(
    readonly host: ProjectHost,
    readonly root: string,
    /** Compose files of the run (discovered or named), linked to the Dockerfiles they build. */
    readonly composePaths: readonly string[],
    /** Files whose kind was given explicitly (a named file with an unusual name). */
    private readonly kinds: ReadonlyMap<string, FileKind> = new Map(),
    /** The files of one Compose project in `-f` order, when the run names them (`composeFiles`). */
    private readonly composeOrder: readonly string[] = [],
  ) {
    this.realRoot = host.realPath?.(root) ?? root;
  }

  /** The Compose files of the run, parsed when first asked for (a project that needs none parses none). */
  get composeFiles(): readonly ComposeFileNode[] {
    this.composeNodes ??= this.composePaths
      .map((composePath) => this.getFile(composePath))
      .filter((file): file is ComposeFileNode => file?.type === 'ComposeFile');
    return this.composeNodes;
  }

  /**
   * The Compose files with a service that names an env file under `env_file` (see `envFilesOf`), in the
   * order of `composeFiles`. Only these are parsed and kept (until the run leaves their folders), not
   * every Compose file of the run; the index of which files name which env file holds paths.
   */
  composeFilesNamingEnvFile(envFilePath: string): readonly ComposeFileNode[] {
    const files: ComposeFileNode[] = [];
    for (const composePath of this.composePathsNaming(resolvePath(envFilePath))) {
      const compose = this.getFile(composePath);
      if (compose?.type === 'ComposeFile') files.push(compose);
    }
    return files;
  }

  /**
   * The Compose files naming an env file (indexed once per project). Only Compose files whose text can
   * hold an `env_file` key are parsed for the index; a parse made for it is kept for the file's lint as
   * the build index's are (a bounded number), and forgotten otherwise.
   */
  private composePathsNaming(envFile: string): readonly string[] {
    if (!this.composeByEnvFile) {
      const index = new Map<string, string[]>();
      for (const composePath of this.composePaths) {
        const compose = this.composeForIndex(composePath, mayNameEnvFile);
        if (compose?.type !== 'ComposeFile') continue;
        for (const service of compose.services) {
          for (const named of this.envFilePathsOf(service)) {
            const list = index.get(named) ?? [];
            if (list.at(-1) !== composePath) list.push(composePath);
            index.set(named, list);
          }
        }
      }
      this.composeByEnvFile = index;
    }
    return this.composeByEnvFile.get(envFile) ?? [];
  }

  /**
   * A Compose file's parse for an index: the one this project holds, else a new one when its text
   * passes `worthParsing` (kept for the file's lint while fewer than `MAX_KEPT_FOR_LINT` are), else `null`.
   */
  private composeForIndex(composePath: string, worthParsing: (text: string) => boolean): ParsedFile | null | undefined {
    if (this.parsed.has(composePath)) return this.parsed.get(composePath);
    const kept = this.keptForLint.get(composePath);
    if (kept) return kept;
    const source = this.readSource(composePath);
    const compose = source && worthParsing(source.text) ? parseSource(source) : null;
    if (compose && this.keptForLint.size < MAX_KEPT_FOR_LINT) this.keptForLint.set(composePath, compose);
    return compose;
  }

  composeProjectOf(composePath: string): readonly string[] | undefined {
    return this.composeOrder.includes(composePath) ? this.composeOrder : undefined;
  }

  /** The text of a file (BOM removed), or `undefined` when it cannot be read as text. */
  readSource(filePath: string, kind?: FileKind): SourceFile | undefined {
    const stat = this.host.stat(filePath);
    const entry = stat?.kind;
    const bytes = (entry === 'file' || entry === 'symlink') && this.isReadable(filePath, stat) ? this.host.readFile(filePath) : undefined;
    if (!bytes) return undefined;
    const decoded = decodeText(bytes);
    if (decoded === undefined) return undefined;
    return SourceFile.fromText(filePath, decoded, kind ?? this.kindOf(filePath));
  }

  kindOf(filePath: string): FileKind {
    return this.kinds.get(filePath) ?? classifyFile(path.basename(filePath));
  }

  getFile(filePath: string): ParsedFile | undefined {
    const absolute = resolvePath(filePath);
    if (this.parsed.has(absolute)) return this.parsed.get(absolute) ?? undefined;
    const kept = this.keptForLint.get(absolute);
    if (kept) this.keptForLint.delete(absolute);
    const source = kept ? undefined : this.readSource(absolute);
    const parsed = kept ?? (source ? parseSource(source) : null);
    this.parsed.set(absolute, parsed);
    return parsed ?? undefined;
  }

  /**
   * The parse of a source this project already made (a Compose file parsed to link its services, a
   * Dockerfile a service builds), when it was made from the same text as the same kind: the linter
   * takes it instead of parsing the file a second time.
   */
  parsedFrom(source: SourceFile): ParsedFile | undefined {
    const kept = this.keptForLint.get(source.path);
    if (kept) this.keptForLint.delete(source.path);
    const parsed = this.parsed.get(source.path) ?? kept;
    const same = parsed && parsed.file.kind === source.kind && parsed.file.bom === source.bom && parsed.file.text === source.text;
    return same ? parsed : undefined;
  }

  /** Records a file parsed by the linter (possibly from text that is not on disk, as in an editor). */
  setFile(parsed: ParsedFile): void {
    this.keptForLint.delete(parsed.file.path);
    this.parsed.set(parsed.file.path, parsed);
  }

  /**
   * Forgets the parse of a linted file that no other file's lint can ask for (a Dockerfile that no
   * Compose service builds), so a run over many files does not keep every syntax tree until its end.
   */
  release(filePath: string): void {
    const parsed = this.parsed.get(filePath);
    if (parsed?.type === 'Dockerfile' && this.composePathsBuilding(filePath).length === 0) this.parsed.delete(filePath);
    // A Compose file that builds nothing is not in the index; it is read again only if a rule asks for every
    // Compose file. The index need not be made for it: a run whose rules ask for no build context makes none.
    if (parsed?.type === 'ComposeFile' && !this.composeNodes && parsed.services.every((service) => !service.build)) {
      this.noteBuilds(filePath, parsed);
      this.parsed.delete(filePath);
    }
  }

  /**
   * Forgets what was read and worked out outside the folders a run is now in: everything but the
   * entries in `dir`, below it, and in the folders above it (a Compose file at the top builds from
   * subfolders). Called when a run moves on to the files of another folder, so that its memory follows
   * the folders it works in rather than the whole tree. Anything forgotten is read again if a later
   * file asks for it, with the same answer.
   */
  forgetOutside(dir: string): void {
    const keep = (entry: string): boolean => isInside(dir, entry) || isInside(entry, dir);
    const keepFile = (filePath: string): boolean => isInside(dir, filePath) || isInside(path.dirname(filePath), dir);
    for (const [key, parsed] of this.parsed) {
      if (keepFile(key)) continue;
      if (parsed?.type === 'ComposeFile') this.noteBuilds(key, parsed);
      this.parsed.delete(key);
    }
    // Build contexts hold the Compose services that build them: dropped with the parses they come from.
    this.contexts.clear();
    for (const key of this.listings.keys()) if (!keep(key)) this.listings.delete(key);
    for (const key of this.realFolderInside.keys()) if (!keep(key)) this.realFolderInside.delete(key);
    this.composeNodes = undefined;
  }

  getDockerfile(filePath: string): DockerfileNode | undefined {
    const file = this.getFile(filePath);
    return file?.type === 'Dockerfile' ? file : undefined;
  }

  getDockerignore(filePath: string): DockerignoreNode | undefined {
    const file = this.getFile(filePath);
    return file?.type === 'Dockerignore' ? file : undefined;
  }

  getEnvFile(filePath: string): EnvFileNode | undefined {
    const absolute = resolvePath(filePath);
    if (!this.parsed.has(absolute)) {
      const source = this.readSource(absolute, 'env');
      this.parsed.set(absolute, source ? parseEnvFile(source) : null);
    }
    const file = this.parsed.get(absolute);
    return file?.type === 'EnvFile' ? file : undefined;
  }

  readText(filePath: string): string | undefined {
    return this.readSource(resolvePath(filePath), 'unknown')?.text;
  }

  exists(filePath: string): boolean {
    return this.readableStat(filePath) !== undefined;
  }

  isDirectory(filePath: string): boolean {
    return this.readableStat(filePath)?.kind === 'directory';
  }

  isExecutable(filePath: string): boolean | undefined {
    const mode = this.readableStat(filePath)?.mode;
    return mode === undefined ? undefined : (mode & 0o111) !== 0;
  }

  listFiles(dir: string): readonly string[] {
    const absolute = resolvePath(dir);
    const cached = this.listings.get(absolute) ?? this.listingFromAncestor(absolute);
    if (cached) return cached;
    const out: string[] = [];
    const walk = (folder: string, prefix: string): void => {
      for (const name of [...this.host.readDirectory(folder)].sort()) {
        if (out.length >= MAX_LISTED_FILES) return;
        const full = path.join(folder, name);
        const stat = this.host.stat(full);
        if (!stat) continue;
        const relative = prefix + name;
        if (stat.kind === 'directory') {
          if (name === '.git' || name === 'node_modules') out.push(`${relative}/`);
          else walk(full, `${relative}/`);
        } else if (stat.kind === 'file' || stat.kind === 'symlink') {
          out.push(relative);
        }
      }
    };
    if (this.isReadable(absolute)) walk(absolute, '');
    this.listings.set(absolute, out);
    return out;
  }

  /**
   * A folder's listing cut out of an ancestor's complete listing, so nested build contexts do not
   * walk the same files again. `undefined` when no complete ancestor listing covers it.
   */
  private listingFromAncestor(absolute: string): readonly string[] | undefined {
    for (let parent = path.dirname(absolute); isInside(this.root, parent); parent = path.dirname(parent)) {
      const listing = this.listings.get(parent);
      if (listing && listing.length < MAX_LISTED_FILES) {
        const prefix = `${path.relative(parent, absolute).split(path.sep).join('/')}/`;
        if (listing.includes(prefix)) return undefined;
        const derived = listing.filter((entry) => entry.startsWith(prefix)).map((entry) => entry.slice(prefix.length));
        this.listings.set(absolute, derived);
        return derived;
      }
      if (parent === path.dirname(parent)) break;
    }
    return undefined;
  }

  buildContextsOf(dockerfilePath: string): readonly BuildContext[] {
    const dockerfile = resolvePath(dockerfilePath);
    const cached = this.contexts.get(dockerfile);
    if (cached) return cached;
    const byContext = new Map<string, ServiceNode[]>();
    for (const service of this.servicesBuilding(dockerfile)) {
      const list = byContext.get(service.build!.context) ?? [];
      list.push(service);
      byContext.set(service.build!.context, list);
    }
    if (byContext.size === 0) byContext.set(path.dirname(dockerfile), []);
    const contexts = [...byContext].map(([dir, services]) => this.buildContext(dockerfile, dir, services));
    this.contexts.set(dockerfile, contexts);
    return contexts;
  }

  /**
   * The Compose services that build a Dockerfile, in the order of the Compose files and their services.
   * The index of which Compose files build which Dockerfile is made once per project; the files are
   * parsed again when asked for after being forgotten.
   */
  private servicesBuilding(dockerfile: string): readonly ServiceNode[] {
    const services: ServiceNode[] = [];
    for (const composePath of this.composePathsBuilding(dockerfile)) {
      const compose = this.getFile(composePath);
      if (compose?.type !== 'ComposeFile') continue;
      for (const service of compose.services) if (service.build?.dockerfile === dockerfile) services.push(service);
    }
    return services;
  }

  /**
   * The Compose files with a service that builds a Dockerfile (indexed once per project). Only Compose
   * files whose text can hold a `build` key are parsed for the index: most Compose files only pull
   * images. The index holds paths, not syntax trees, whatever the size of the tree. A Compose file
   * parsed for it is kept only until its lint takes the parse (a bounded number of them), and is
   * parsed again when asked for after that; what a file forgotten earlier builds was noted then.
   */
  private composePathsBuilding(dockerfile: string): readonly string[] {
    if (!this.composeByDockerfile) {
      const index = new Map<string, string[]>();
      for (const composePath of this.composePaths) {
        let builds = this.buildsOf.get(composePath);
        if (!builds) {
          const compose = this.composeForIndex(composePath, mayBuild);
          builds = compose?.type === 'ComposeFile' ? dockerfilesBuilt(compose) : [];
        }
        for (const built of builds) {
          const list = index.get(built) ?? [];
          if (list.at(-1) !== composePath) list.push(composePath);
          index.set(built, list);
        }
      }
      this.composeByDockerfile = index;
      this.buildsOf.clear();
    }
    return this.composeByDockerfile.get(dockerfile) ?? [];
  }

  /** Notes what a Compose file builds when its parse is forgotten, while the index is still to be made. */
  private noteBuilds(composePath: string, compose: ComposeFileNode): void {
    if (!this.composeByDockerfile) this.buildsOf.set(composePath, dockerfilesBuilt(compose));
  }

  dockerfileOf(service: ServiceNode): DockerfileNode | undefined {
    return service.build ? this.getDockerfile(service.build.dockerfile) : undefined;
  }

  envFilesOf(service: ServiceNode): readonly { readonly path: string; readonly node: EnvFileNode | undefined }[] {
    return this.envFilePathsOf(service).map((absolute) => ({ path: absolute, node: this.getEnvFile(absolute) }));
  }

  /** The env files a service names under `env_file`, resolved against its Compose file (none is read). */
  private envFilePathsOf(service: ServiceNode): string[] {
    const value = service.value?.get('env_file', true) as unknown;
    const composeDir = path.dirname(service.compose.file.path);
    const paths: string[] = [];
    const collect = (item: unknown): void => {
      if (item && typeof item === 'object' && 'value' in item && typeof item.value === 'string') paths.push(item.value);
      else if (item && typeof item === 'object' && 'get' in item && typeof item.get === 'function') {
        const inner = (item as { get(key: string): unknown }).get('path');
        if (typeof inner === 'string') paths.push(inner);
      }
    };
    if (value && typeof value === 'object' && 'items' in value && Array.isArray(value.items)) value.items.forEach(collect);
    else collect(value);
    return paths.map((relative) => path.resolve(composeDir, relative));
  }

  private buildContext(dockerfile: string, dir: string, services: readonly ServiceNode[]): BuildContext {
    const specific = `${dockerfile}.dockerignore`;
    const general = path.join(dir, '.dockerignore');
    const dockerignore = this.getDockerignore(specific) ?? this.getDockerignore(general) ?? null;
    const matcher = new DockerignoreMatcher(dockerignore?.entries ?? []);
    const pyproject = this.getFile(path.join(dir, 'pyproject.toml'));
    const pythonVersion = this.getFile(path.join(dir, '.python-version'));
    return {
      dir,
      dockerfile,
      dockerignore,
      dockerignorePath: general,
      isExcluded: (relativePath) => matcher.isExcluded(relativePath),
      pyproject: pyproject?.type === 'Pyproject' ? pyproject : null,
      pythonVersion: pythonVersion?.type === 'PythonVersion' ? pythonVersion : null,
      services,
    };
  }

  /** The host's stat of a path the project may read (see `isReadable`); `undefined` for nothing there, or not to be read. */
  private readableStat(filePath: string): FileStat | undefined {
    const absolute = resolvePath(filePath);
    if (!this.inReadableFolder(absolute)) return undefined;
    const stat = this.host.stat(absolute);
    return stat && this.linkStaysInside(absolute, stat) ? stat : undefined;
  }

  /** Nothing outside the root is read, and no link is followed out of it. `stat`: the host's, when the caller has it. */
  private isReadable(filePath: string, stat?: FileStat): boolean {
    const absolute = resolvePath(filePath);
    return this.inReadableFolder(absolute) && this.linkStaysInside(absolute, stat ?? this.host.stat(absolute));
  }

  /** Whether an absolute path is the root or in a folder whose real path is inside the root's. */
  private inReadableFolder(absolute: string): boolean {
    if (!isInside(this.root, absolute)) return false;
    if (absolute === this.root) return true;
    return this.realFolderIsInside(path.dirname(absolute));
  }

  /**
   * Whether a folder (the root or inside it) has its real path inside the root's, or one that cannot be
   * known. A folder below the root that is no link has its parent's real path and its own name, so it is
   * inside when its parent is: the host is asked for the real path of the root and of links only, not
   * for every folder (a system call each; the stats come from the walk that found the files).
   */
  private realFolderIsInside(folder: string): boolean {
    if (!this.host.realPath) return true;
    let inside = this.realFolderInside.get(folder);
    if (inside !== undefined) return inside;
    if (folder !== this.root && this.host.stat(folder)?.kind === 'directory') {
      inside = this.realFolderIsInside(path.dirname(folder));
    } else {
      const realFolder = this.host.realPath(folder);
      inside = realFolder === undefined || isInside(this.realRoot, realFolder);
    }
    this.realFolderInside.set(folder, inside);
    return inside;
  }

  /** For a path in a readable folder: only a link at the path itself can still lead out. */
  private linkStaysInside(absolute: string, stat: FileStat | undefined): boolean {
    if (absolute === this.root || stat?.kind !== 'symlink') return true;
    const real = this.host.realPath?.(absolute);
    return real === undefined || isInside(this.realRoot, real);
  }
}

/** The Dockerfiles a Compose file's services build, in the order of its services. */
function dockerfilesBuilt(compose: ComposeFileNode): readonly string[] {
  const built: string[] = [];
  for (const service of compose.services) if (service.build) built.push(service.build.dockerfile);
  return built;
}

/** Whether a Compose text may define a `build` (a key spelled with escapes has a backslash). */
function mayBuild(text: string): boolean {
  return text.includes('build') || text.includes('\\');
}

/**
 * Whether a Compose text may name an env file: an `env_file` key is spelled out in the text (a merge
 * key's anchor is in the same text), or has escapes, and so a backslash.
 */
function mayNameEnvFile(text: string): boolean {
  return text.includes('env_file') || text.includes('\\');
}

/** Parses a source by its kind. Unknown kinds are not parsed. */
export function parseSource(source: SourceFile): ParsedFile | null {
  switch (source.kind) {
    case 'dockerfile':
      return parseDockerfile(source);
    case 'compose':
      return parseCompose(source);
    case 'dockerignore':
      return parseDockerignore(source);
    case 'pyproject':
      return parsePyproject(source);
    case 'python-version':
      return parsePythonVersion(source);
    case 'env':
      return parseEnvFile(source);
    case 'unknown':
      return null;
  }
}
