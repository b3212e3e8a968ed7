// The project model's Compose build index: what it parses, what it keeps for the lint, and that its
// answers do not depend on which parses were forgotten on the way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryHost } from '../host/memory-host.js';
import { NodeHost } from '../host/node-host.js';
import { RunHost } from '../host/run-host.js';
import { SourceFile } from '../source/source-file.js';
import { Project, parseSource } from './project.js';

const files = {
  '/p/a/compose.yaml': 'services:\n  app:\n    build: .\n',
  '/p/a/Dockerfile': 'FROM alpine:3\n',
  '/p/b/compose.yaml': 'services:\n  web:\n    build:\n      context: ../a\n',
  '/p/c/compose.yaml': 'services:\n  db:\n    image: postgres:17\n',
  '/p/d/compose.yaml': 'services:\n  worker:\n    build: .\n',
};
const composePaths = ['/p/a/compose.yaml', '/p/b/compose.yaml', '/p/c/compose.yaml', '/p/d/compose.yaml'];

/** A MemoryHost that counts the reads of each file. */
class CountingHost extends MemoryHost {
  readonly reads = new Map<string, number>();
  override readFile(filePath: string): Uint8Array | undefined {
    this.reads.set(filePath, (this.reads.get(filePath) ?? 0) + 1);
    return super.readFile(filePath);
  }
}

const sourceOf = (filePath: string, text = files[filePath as keyof typeof files]): SourceFile => SourceFile.fromText(filePath, text, 'compose');
const serviceNames = (project: Project): string[] =>
  project.buildContextsOf('/p/a/Dockerfile').flatMap((context) => context.services.map((service) => `${service.compose.file.path}#${service.name}`));

describe('Project: the Compose build index', () => {
  it('links every service that builds a Dockerfile, in the order of the Compose files', () => {
    const project = new Project(new CountingHost(files), '/p', composePaths);
    expect(serviceNames(project)).toEqual(['/p/a/compose.yaml#app', '/p/b/compose.yaml#web']);
  });

  it('hands a Compose file parsed for the index to its lint once, and only from the same text', () => {
    const host = new CountingHost(files);
    const project = new Project(host, '/p', composePaths);
    project.buildContextsOf('/p/a/Dockerfile');
    // A file with no `build` in its text is not parsed for the index.
    expect(host.reads.get('/p/c/compose.yaml')).toBe(1);
    expect(project.parsedFrom(sourceOf('/p/c/compose.yaml'))).toBeUndefined();
    // /p/d builds another Dockerfile: parsed for the index only, and kept for its lint.
    const kept = project.parsedFrom(sourceOf('/p/d/compose.yaml'));
    expect(kept?.type).toBe('ComposeFile');
    expect(kept?.file.text).toBe(files['/p/d/compose.yaml']);
    // Taken once: the linter records it with setFile.
    expect(project.parsedFrom(sourceOf('/p/d/compose.yaml'))).toBeUndefined();
    expect(host.reads.get('/p/d/compose.yaml')).toBe(1);
    // A file the index's answer needed is read once as well.
    expect(project.parsedFrom(sourceOf('/p/b/compose.yaml'))?.type).toBe('ComposeFile');
    expect(host.reads.get('/p/b/compose.yaml')).toBe(1);
  });

  it('does not hand over a kept parse for another text (an edited buffer)', () => {
    const project = new Project(new CountingHost(files), '/p', composePaths);
    project.buildContextsOf('/p/a/Dockerfile');
    expect(project.parsedFrom(sourceOf('/p/d/compose.yaml', 'services:\n  worker:\n    image: nginx\n'))).toBeUndefined();
  });

  it('makes no index when a Compose file that builds nothing is released', () => {
    const host = new CountingHost(files);
    const project = new Project(host, '/p', composePaths);
    const parsed = parseSource(sourceOf('/p/c/compose.yaml'))!;
    project.setFile(parsed);
    project.release('/p/c/compose.yaml');
    expect([...host.reads.keys()]).toEqual([]);
    // Asked for later, the index is complete: the released file is not read for it again.
    expect(serviceNames(project)).toEqual(['/p/a/compose.yaml#app', '/p/b/compose.yaml#web']);
    expect(host.reads.get('/p/c/compose.yaml')).toBeUndefined();
  });

  it('answers the same after the parses of linted Compose files were forgotten', () => {
    const host = new CountingHost(files);
    const project = new Project(host, '/p', composePaths);
    for (const composePath of composePaths) project.setFile(parseSource(sourceOf(composePath))!);
    project.forgetOutside('/p/elsewhere');
    expect(serviceNames(project)).toEqual(['/p/a/compose.yaml#app', '/p/b/compose.yaml#web']);
    // What each forgotten file builds was noted: only the files with a service building the Dockerfile are read again.
    expect(host.reads.get('/p/c/compose.yaml')).toBeUndefined();
  });
});

describe('Project: the Compose files naming an env file', () => {
  const envFiles = {
    '/p/a/compose.yaml': 'services:\n  app:\n    build: .\n    env_file: .env.app\n  db:\n    image: postgres:17\n',
    '/p/a/.env.app': 'A=1\n',
    '/p/b/compose.yaml': 'services:\n  web:\n    image: nginx\n    env_file:\n      - ../a/.env.app\n      - path: .env.web\n',
    '/p/c/compose.yaml': 'services:\n  db:\n    image: postgres:17\n',
    '/p/d/compose.yaml': 'services:\n  "w\\x6Frker":\n    image: nginx\n    "env\\x5Ffile": ../a/.env.app\n',
  };
  const paths = Object.keys(envFiles).filter((file) => file.endsWith('compose.yaml'));
  const viaComposeFiles = (project: Project, envFile: string): string[] =>
    project.composeFiles
      .filter((compose) => compose.services.some((service) => project.envFilesOf(service).some((file) => file.path === envFile)))
      .map((compose) => compose.file.path);
  const named = (project: Project, envFile: string): string[] =>
    project.composeFilesNamingEnvFile(envFile).map((compose) => compose.file.path);

  it('finds the Compose files that name an env file, in order, as filtering every Compose file does', () => {
    const project = new Project(new CountingHost(envFiles), '/p', paths);
    expect(named(project, '/p/a/.env.app')).toEqual(['/p/a/compose.yaml', '/p/b/compose.yaml', '/p/d/compose.yaml']);
    expect(named(project, '/p/b/.env.web')).toEqual(['/p/b/compose.yaml']);
    expect(named(project, '/p/c/.env')).toEqual([]);
    const all = new Project(new CountingHost(envFiles), '/p', paths);
    for (const envFile of ['/p/a/.env.app', '/p/b/.env.web', '/p/c/.env']) expect(named(project, envFile)).toEqual(viaComposeFiles(all, envFile));
  });

  it('parses for its index only the Compose files that can name one, once, and reads no env file', () => {
    const host = new CountingHost(envFiles);
    const project = new Project(host, '/p', paths);
    named(project, '/p/a/.env.app');
    named(project, '/p/b/.env.web');
    expect(host.reads.get('/p/c/compose.yaml')).toBe(1);
    expect(host.reads.get('/p/a/compose.yaml')).toBe(1);
    expect(host.reads.get('/p/a/.env.app')).toBeUndefined();
    // After the run leaves their folders, the index still answers: only the files naming the env file are read again.
    project.forgetOutside('/p/elsewhere');
    expect(named(project, '/p/b/.env.web')).toEqual(['/p/b/compose.yaml']);
    expect(host.reads.get('/p/a/compose.yaml')).toBe(1);
    expect(host.reads.get('/p/c/compose.yaml')).toBe(1);
  });
});

describe('Project: what may be read', () => {
  it('answers exists, isDirectory and isExecutable inside the root only', () => {
    const host = new MemoryHost({ ...files, '/p/a/run.sh': 'true\n', '/outside/file': 'x' }, { '/p/a/run.sh': 0o755 });
    const project = new Project(host, '/p', composePaths);
    expect(project.exists('/p/a/Dockerfile')).toBe(true);
    expect(project.exists('/p/a/../a/Dockerfile')).toBe(true);
    expect(project.exists('/p/a/missing')).toBe(false);
    expect(project.exists('/outside/file')).toBe(false);
    expect(project.exists('/p/../outside/file')).toBe(false);
    expect(project.isDirectory('/p/a')).toBe(true);
    expect(project.isDirectory('/p/a/Dockerfile')).toBe(false);
    expect(project.isDirectory('/p')).toBe(true);
    expect(project.isExecutable('/p/a/run.sh')).toBe(true);
    expect(project.isExecutable('/p/a/Dockerfile')).toBe(false);
    expect(project.isExecutable('/p/a/missing')).toBeUndefined();
    expect(project.readText('/outside/file')).toBeUndefined();
  });
});

describe('Project: links', () => {
  it('reads through no link that leads out of the root, however deep below it', () => {
    const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ddl-project-')));
    try {
      const root = path.join(base, 'root');
      const outside = path.join(base, 'outside');
      fs.mkdirSync(path.join(root, 'a', 'deep'), { recursive: true });
      fs.mkdirSync(path.join(outside, 'sub', 'deeper'), { recursive: true });
      fs.writeFileSync(path.join(root, 'a', 'deep', 'Dockerfile'), 'FROM alpine:3\n');
      fs.writeFileSync(path.join(outside, 'sub', 'deeper', 'Dockerfile'), 'FROM alpine:3\n');
      fs.symlinkSync(outside, path.join(root, 'out'));
      fs.symlinkSync(path.join(root, 'a'), path.join(root, 'in'));
      fs.symlinkSync(path.join(root, 'a'), path.join(outside, 'back'));
      for (const host of [new NodeHost(), new RunHost(new NodeHost())]) {
        const project = new Project(host, root, []);
        expect(project.exists(path.join(root, 'a', 'deep', 'Dockerfile'))).toBe(true);
        expect(project.exists(path.join(root, 'in', 'deep', 'Dockerfile'))).toBe(true);
        expect(project.exists(path.join(root, 'out', 'sub', 'deeper', 'Dockerfile'))).toBe(false);
        expect(project.isDirectory(path.join(root, 'out', 'sub'))).toBe(false);
        // Out through one link and back in through another: inside.
        expect(project.exists(path.join(root, 'out', 'back', 'deep', 'Dockerfile'))).toBe(true);
        expect(project.readText(path.join(root, 'out', 'sub', 'deeper', 'Dockerfile'))).toBeUndefined();
        expect(project.readText(path.join(root, 'in', 'deep', 'Dockerfile'))).toBe('FROM alpine:3\n');
      }
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  });
});
