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
import type { BuildContext, ProjectFacts, ProjectHost } from '../types/project.js';
import { DockerignoreMatcher } from '../utils/dockerignore-matcher.js';
import { decodeText } from './decode-text.js';
import { isInside } from './is-inside.js';

/** How many entries `listFiles` returns at most, so a huge context cannot stall a run. */
const MAX_LISTED_FILES = 20_000;

/**
 * The project model of one run: every file is read and parsed at most once, Compose services are
 * linked to the Dockerfiles they build, and each Dockerfile to its build context's `.dockerignore`,
 * `pyproject.toml` and `.python-version`.
 */
export class Project implements ProjectFacts {
  private readonly parsed = new Map<string, ParsedFile | null>();
  private readonly listings = new Map<string, readonly string[]>();
  private readonly contexts = new Map<string, readonly BuildContext[]>();
  private readonly realPaths = new Map<string, string | undefined>();
  /** The Compose files whose services build each Dockerfile (paths only, so the index pins no parse). */
  private composeByDockerfile: Map<string, string[]> | undefined;
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

  composeProjectOf(composePath: string): readonly string[] | undefined {
    return this.composeOrder.includes(composePath) ? this.composeOrder : undefined;
  }

  /** The text of a file (BOM removed), or `undefined` when it cannot be read as text. */
  readSource(filePath: string, kind?: FileKind): SourceFile | undefined {
    const entry = this.host.stat(filePath)?.kind;
    const bytes = (entry === 'file' || entry === 'symlink') && this.isReadable(filePath) ? this.host.readFile(filePath) : undefined;
    if (!bytes) return undefined;
    const decoded = decodeText(bytes);
    if (decoded === undefined) return undefined;
    return SourceFile.fromText(filePath, decoded, kind ?? this.kindOf(filePath));
  }

  kindOf(filePath: string): FileKind {
    return this.kinds.get(filePath) ?? classifyFile(path.basename(filePath));
  }

  getFile(filePath: string): ParsedFile | undefined {
    const absolute = path.resolve(filePath);
    if (this.parsed.has(absolute)) return this.parsed.get(absolute) ?? undefined;
    const source = this.readSource(absolute);
    const parsed = source ? parseSource(source) : null;
    this.parsed.set(absolute, parsed);
    return parsed ?? undefined;
  }

  /**
   * The parse of a source this project already made (a Compose file parsed to link its services, a
   * Dockerfile a service builds), when it was made from the same text as the same kind: the linter
   * takes it instead of parsing the file a second time.
   */
  parsedFrom(source: SourceFile): ParsedFile | undefined {
    const parsed = this.parsed.get(source.path);
    const same = parsed && parsed.file.kind === source.kind && parsed.file.bom === source.bom && parsed.file.text === source.text;
    return same ? parsed : undefined;
  }

  /** Records a file parsed by the linter (possibly from text that is not on disk, as in an editor). */
  setFile(parsed: ParsedFile): void {
    this.parsed.set(parsed.file.path, parsed);
  }

  /**
   * Forgets the parse of a linted file that no other file's lint can ask for (a Dockerfile that no
   * Compose service builds), so a run over many files does not keep every syntax tree until its end.
   */
  release(filePath: string): void {
    const parsed = this.parsed.get(filePath);
    if (parsed?.type === 'Dockerfile' && this.composePathsBuilding(filePath).length === 0) this.parsed.delete(filePath);
    // A Compose file that builds nothing is not in the index; it is read again only if a rule asks for every Compose file.
    if (parsed?.type === 'ComposeFile' && !this.composeNodes && parsed.services.every((service) => !service.build)) {
      this.composePathsBuilding(filePath);
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
    for (const key of this.parsed.keys()) if (!keepFile(key)) this.parsed.delete(key);
    // Build contexts hold the Compose services that build them: dropped with the parses they come from.
    this.contexts.clear();
    for (const key of this.listings.keys()) if (!keep(key)) this.listings.delete(key);
    for (const key of this.realPaths.keys()) if (!keep(key)) this.realPaths.delete(key);
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
    const absolute = path.resolve(filePath);
    if (!this.parsed.has(absolute)) {
      const source = this.readSource(absolute, 'env');
      this.parsed.set(absolute, source ? parseEnvFile(source) : null);
    }
    const file = this.parsed.get(absolute);
    return file?.type === 'EnvFile' ? file : undefined;
  }

  readText(filePath: string): string | undefined {
    return this.readSource(path.resolve(filePath), 'unknown')?.text;
  }

  exists(filePath: string): boolean {
    return this.isReadable(filePath) && this.host.stat(filePath) !== undefined;
  }

  isDirectory(filePath: string): boolean {
    return this.isReadable(filePath) && this.host.stat(filePath)?.kind === 'directory';
  }

  isExecutable(filePath: string): boolean | undefined {
    const mode = this.isReadable(filePath) ? this.host.stat(filePath)?.mode : undefined;
    return mode === undefined ? undefined : (mode & 0o111) !== 0;
  }

  listFiles(dir: string): readonly string[] {
    const absolute = path.resolve(dir);
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
    const dockerfile = path.resolve(dockerfilePath);
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
   * images. The parses made for the index are not kept: a file is parsed again when it is linted or
   * asked for, so the index holds paths, not syntax trees, whatever the size of the tree.
   */
  private composePathsBuilding(dockerfile: string): readonly string[] {
    if (!this.composeByDockerfile) {
      const index = new Map<string, string[]>();
      for (const composePath of this.composePaths) {
        const kept = this.parsed.get(composePath);
        let compose: ParsedFile | null | undefined = kept;
        if (!this.parsed.has(composePath)) {
          const source = this.readSource(composePath);
          compose = source && mayBuild(source.text) ? parseSource(source) : null;
        }
        if (compose?.type !== 'ComposeFile') continue;
        for (const service of compose.services) {
          if (!service.build) continue;
          const list = index.get(service.build.dockerfile) ?? [];
          if (list.at(-1) !== composePath) list.push(composePath);
          index.set(service.build.dockerfile, list);
        }
      }
      this.composeByDockerfile = index;
    }
    return this.composeByDockerfile.get(dockerfile) ?? [];
  }

  dockerfileOf(service: ServiceNode): DockerfileNode | undefined {
    return service.build ? this.getDockerfile(service.build.dockerfile) : undefined;
  }

  envFilesOf(service: ServiceNode): readonly { readonly path: string; readonly node: EnvFileNode | undefined }[] {
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
    return paths.map((relative) => {
      const absolute = path.resolve(composeDir, relative);
      return { path: absolute, node: this.getEnvFile(absolute) };
    });
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

  /** Nothing outside the root is read, and no link is followed out of it. */
  private isReadable(filePath: string): boolean {
    const absolute = path.resolve(filePath);
    if (!isInside(this.root, absolute)) return false;
    if (absolute === this.root) return true;
    const folder = path.dirname(absolute);
    if (!this.realPaths.has(folder)) this.realPaths.set(folder, this.host.realPath?.(folder));
    const realFolder = this.realPaths.get(folder);
    if (realFolder !== undefined && !isInside(this.realRoot, realFolder)) return false;
    // The folder is inside; only a link at the path itself can still lead out.
    if (this.host.stat(absolute)?.kind !== 'symlink') return true;
    const real = this.host.realPath?.(absolute);
    return real === undefined || isInside(this.realRoot, real);
  }
}

/** Whether a Compose text may define a `build` (a key spelled with escapes has a backslash). */
function mayBuild(text: string | undefined): boolean {
  return text !== undefined && (text.includes('build') || text.includes('\\'));
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
