import path from 'node:path';
import type { Project } from '../project/project.js';
import type { ComposeFileNode, DockerfileNode, DockerignoreNode, EnvFileNode, ParsedFile, ServiceNode } from '../types/nodes.js';
import type { BuildContext, ProjectFacts } from '../types/project.js';
import { fingerprintText } from './fingerprint.js';

/**
 * What one lint learnt from the project, each with the fingerprint of what it saw (see
 * `DependencyKey`), and the files whose parsed nodes it was given (rules may cache work on nodes, so
 * lints that share a node share what that work read: `lint-cache.ts` groups them).
 */
export interface LintDependencies {
  readonly facts: Map<string, string>;
  readonly touched: Set<string>;
}

/**
 * Dependency keys: `f:<path>` the text of a file (`-` when it cannot be read), `s:<path>` what is at a
 * path (exists, folder, executable), `l:<dir>` the listing of a folder, `c:<dockerfile>` the Compose
 * services that build a Dockerfile, `C:` the set of Compose files of the run.
 */
export const dependencyKey = {
  text: (filePath: string) => `f:${filePath}`,
  stat: (filePath: string) => `s:${filePath}`,
  listing: (dir: string) => `l:${dir}`,
  builders: (dockerfile: string) => `c:${dockerfile}`,
  composeSet: 'C:',
} as const;

/** Fingerprints of what the project shows, computed once per project (they are asked for again and again). */
export class ProjectFingerprints {
  private readonly texts = new Map<string, string>();
  private readonly stats = new Map<string, string>();
  private readonly listings = new Map<string, string>();
  private readonly builderSets = new Map<string, string>();
  private composeSet: string | undefined;

  constructor(readonly project: Project) {}

  text(filePath: string): string {
    let value = this.texts.get(filePath);
    if (value === undefined) {
      const text = this.project.readText(filePath);
      value = text === undefined ? '-' : fingerprintText(text);
      this.texts.set(filePath, value);
    }
    return value;
  }

  stat(filePath: string): string {
    let value = this.stats.get(filePath);
    if (value === undefined) {
      const { project } = this;
      value = `${project.exists(filePath) ? 1 : 0}${project.isDirectory(filePath) ? 1 : 0}${String(project.isExecutable(filePath))}`;
      this.stats.set(filePath, value);
    }
    return value;
  }

  listing(dir: string): string {
    let value = this.listings.get(dir);
    if (value === undefined) {
      value = fingerprintText(this.project.listFiles(dir).join('\n'));
      this.listings.set(dir, value);
    }
    return value;
  }

  /** The Compose services that build a Dockerfile: their files (with their texts) and names. */
  builders(dockerfile: string): string {
    let value = this.builderSets.get(dockerfile);
    if (value === undefined) {
      const services = this.project.buildContextsOf(dockerfile).flatMap((context) => context.services);
      value = fingerprintText(services.map((service) => `${service.compose.file.path}\0${this.text(service.compose.file.path)}\0${service.name}`).join('\n'));
      this.builderSets.set(dockerfile, value);
    }
    return value;
  }

  /** The Compose files of the run, with their texts. */
  composeFiles(): string {
    this.composeSet ??= fingerprintText(this.project.composePaths.map((file) => `${file}\0${this.text(file)}`).join('\n'));
    return this.composeSet;
  }
}

/**
 * The project as one lint's rules see it, recording every fact they ask for with the fingerprint of
 * the answer. The answers are the project's own (its caches and parses are shared by all lints).
 */
export class RecordingFacts implements ProjectFacts {
  readonly dependencies: LintDependencies = { facts: new Map(), touched: new Set() };

  constructor(private readonly fingerprints: ProjectFingerprints) {}

  private get project(): Project {
    return this.fingerprints.project;
  }

  get root(): string {
    return this.project.root;
  }

  composeProjectOf(composePath: string): readonly string[] | undefined {
    // The order is a run option, part of every cache entry's config fingerprint.
    return this.project.composeProjectOf(composePath);
  }

  get composeFiles(): readonly ComposeFileNode[] {
    this.dependencies.facts.set(dependencyKey.composeSet, this.fingerprints.composeFiles());
    for (const file of this.project.composePaths) this.readFile(file);
    return this.project.composeFiles;
  }

  composeFilesNamingEnvFile(envFilePath: string): readonly ComposeFileNode[] {
    // Which Compose files name the env file depends on every Compose file's text, as `composeFiles` does.
    this.dependencies.facts.set(dependencyKey.composeSet, this.fingerprints.composeFiles());
    for (const file of this.project.composePaths) this.readFile(file);
    return this.project.composeFilesNamingEnvFile(envFilePath);
  }

  /** Records a file's text as a dependency, and the file as touched. */
  private readFile(filePath: string): void {
    const absolute = path.resolve(filePath);
    this.dependencies.facts.set(dependencyKey.text(absolute), this.fingerprints.text(absolute));
    this.dependencies.touched.add(absolute);
  }

  getFile(filePath: string): ParsedFile | undefined {
    this.readFile(filePath);
    return this.project.getFile(filePath);
  }

  getDockerfile(filePath: string): DockerfileNode | undefined {
    this.readFile(filePath);
    return this.project.getDockerfile(filePath);
  }

  getDockerignore(filePath: string): DockerignoreNode | undefined {
    this.readFile(filePath);
    return this.project.getDockerignore(filePath);
  }

  getEnvFile(filePath: string): EnvFileNode | undefined {
    this.readFile(filePath);
    return this.project.getEnvFile(filePath);
  }

  readText(filePath: string): string | undefined {
    this.readFile(filePath);
    return this.project.readText(filePath);
  }

  private statFile(filePath: string): void {
    const absolute = path.resolve(filePath);
    this.dependencies.facts.set(dependencyKey.stat(absolute), this.fingerprints.stat(absolute));
  }

  exists(filePath: string): boolean {
    this.statFile(filePath);
    return this.project.exists(filePath);
  }

  isDirectory(filePath: string): boolean {
    this.statFile(filePath);
    return this.project.isDirectory(filePath);
  }

  isExecutable(filePath: string): boolean | undefined {
    this.statFile(filePath);
    return this.project.isExecutable(filePath);
  }

  listFiles(dir: string): readonly string[] {
    const absolute = path.resolve(dir);
    this.dependencies.facts.set(dependencyKey.listing(absolute), this.fingerprints.listing(absolute));
    return this.project.listFiles(dir);
  }

  buildContextsOf(dockerfilePath: string): readonly BuildContext[] {
    const dockerfile = path.resolve(dockerfilePath);
    const contexts = this.project.buildContextsOf(dockerfile);
    this.dependencies.facts.set(dependencyKey.builders(dockerfile), this.fingerprints.builders(dockerfile));
    // The files a context is made of, found or not (a `.dockerignore` that appears changes the context).
    this.readFile(`${dockerfile}.dockerignore`);
    for (const context of contexts) {
      for (const name of ['.dockerignore', 'pyproject.toml', '.python-version']) this.readFile(path.join(context.dir, name));
      for (const service of context.services) this.readFile(service.compose.file.path);
    }
    return contexts;
  }

  dockerfileOf(service: ServiceNode): DockerfileNode | undefined {
    this.readFile(service.compose.file.path);
    if (service.build) this.readFile(service.build.dockerfile);
    return this.project.dockerfileOf(service);
  }

  envFilesOf(service: ServiceNode): readonly { readonly path: string; readonly node: EnvFileNode | undefined }[] {
    this.readFile(service.compose.file.path);
    const files = this.project.envFilesOf(service);
    for (const file of files) this.readFile(file.path);
    return files;
  }
}
