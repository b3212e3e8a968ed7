import path from 'node:path';
import { pointerSegment, type ProjectFacts } from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';
import { composeData, isData, scalarText, servicePointer, type ComposeData } from '../utils/compose-data.js';

export type Options = [];
export type MessageIds = 'missingContext' | 'missingDockerfile' | 'missingEnvFile' | 'missingBindSource' | 'missingFile';

/** A path the file names, to be checked. */
interface NamedPath {
  readonly messageId: MessageIds;
  readonly owner: string;
  readonly pointer: string;
  readonly path: string;
  readonly base: string;
  readonly kind: 'file' | 'directory' | 'any';
}

const EXAMPLE_SUFFIXES = ['.example', '.sample', '.template', '.dist', '.default'];

export default createRule<MessageIds, Options>({
  name: 'paths-exist',
  meta: {
    type: 'problem',
    docs: {
      description: 'Build contexts, Dockerfiles, `env_file` files, long-syntax bind mounts and secret or config files that the file names exist in the project.',
      recommended: true,
      sources: {},
    },
    messages: {
      missingContext: 'Service "{{owner}}" builds from "{{path}}", which is not a folder of the project: the build fails.',
      missingDockerfile: 'Service "{{owner}}" builds with the Dockerfile "{{path}}", which does not exist: the build fails.',
      missingEnvFile: 'Service "{{owner}}" reads the env file "{{path}}", which does not exist: Compose refuses to start it. Create it{{example}}, or mark the entry "required: false".',
      missingBindSource: 'Service "{{owner}}" bind-mounts "{{path}}", which does not exist: the container fails to start. Create it, or set "bind.create_host_path: true".',
      missingFile: '{{owner}} reads "{{path}}", which does not exist: Compose refuses to start the project.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const reported = new Set<string>();
    return {
      ComposeFile(compose) {
        const data = composeData(compose, context.project);
        if (!data) return;
        const composeDir = path.dirname(context.filename);
        for (const named of namedPaths(data, composeDir)) {
          const range = data.valueRange(named.pointer);
          if (!range || reported.has(range.join()) || data.interpolation(named.pointer)?.known === false) continue;
          const absolute = localPath(named.path, named.base, context.project.root);
          if (absolute === null || present(context.project, absolute, named.kind)) continue;
          reported.add(range.join());
          const example = named.messageId === 'missingEnvFile' ? EXAMPLE_SUFFIXES.map((suffix) => absolute + suffix).find((file) => context.project.exists(file)) : undefined;
          context.report({
            range,
            messageId: named.messageId,
            data: { owner: named.owner, path: named.path, example: example ? ` (from "${path.basename(example)}")` : '' },
            // A missing env file with an example beside it is a setup step, not a mistake in the file.
            ...(example ? { severity: 'warn' as const } : {}),
          });
        }
      },
    };
  },
});

/** Every path the file names, with the folder it is relative to. */
function namedPaths(data: ComposeData, composeDir: string): NamedPath[] {
  const out: NamedPath[] = [];
  for (const [service, definition] of Object.entries(data.services)) {
    const build = definition.build;
    const buildPointer = servicePointer(service, 'build');
    const contextText = isData(build) ? (scalarText(build.context) ?? '.') : scalarText(build);
    if (contextText !== null && !isRemoteContext(contextText)) {
      const contextPointer = isData(build) ? `${buildPointer}/context` : buildPointer;
      if (!isData(build) || build.context !== undefined) {
        out.push({ messageId: 'missingContext', owner: service, pointer: contextPointer, path: contextText, base: composeDir, kind: 'directory' });
      }
      const dockerfile = isData(build) && build.dockerfile_inline === undefined ? scalarText(build.dockerfile) : null;
      if (dockerfile !== null) {
        out.push({ messageId: 'missingDockerfile', owner: service, pointer: `${buildPointer}/dockerfile`, path: dockerfile, base: path.resolve(composeDir, contextText), kind: 'file' });
      }
    }
    const envFiles = definition.env_file;
    const entries = Array.isArray(envFiles) ? envFiles : envFiles === undefined ? [] : [envFiles];
    entries.forEach((entry, index) => {
      const pointer = Array.isArray(envFiles) ? servicePointer(service, 'env_file', index) : servicePointer(service, 'env_file');
      const file = isData(entry) ? scalarText(entry.path) : scalarText(entry);
      if (isData(entry) && (entry.required === false || entry.required === 'false')) return;
      if (file !== null) out.push({ messageId: 'missingEnvFile', owner: service, pointer: isData(entry) ? `${pointer}/path` : pointer, path: file, base: composeDir, kind: 'file' });
    });
    if (Array.isArray(definition.volumes)) {
      definition.volumes.forEach((volume, index) => {
        if (!isData(volume) || volume.type !== 'bind') return;
        if (isData(volume.bind) && (volume.bind.create_host_path === true || volume.bind.create_host_path === 'true')) return;
        const source = scalarText(volume.source);
        if (source !== null) out.push({ messageId: 'missingBindSource', owner: service, pointer: `${servicePointer(service, 'volumes', index)}/source`, path: source, base: composeDir, kind: 'any' });
      });
    }
  }
  for (const section of ['secrets', 'configs'] as const) {
    const entries = data.root[section];
    if (!isData(entries)) continue;
    for (const [name, entry] of Object.entries(entries)) {
      const file = isData(entry) ? scalarText(entry.file) : null;
      if (file === null) continue;
      out.push({ messageId: 'missingFile', owner: `The ${section === 'secrets' ? 'secret' : 'config'} "${name}"`, pointer: `/${section}/${pointerSegment(name)}/file`, path: file, base: composeDir, kind: 'any' });
    }
  }
  return out;
}

/** Git URLs and other remote contexts are not paths. */
function isRemoteContext(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^(?:git@|github\.com\/)/.test(text) || text.includes('.git#');
}

/** The absolute path of a project path; `null` for absolute, home-relative or empty paths and for paths outside the root (the host's, not the project's). */
function localPath(text: string, base: string, root: string): string | null {
  if (text === '' || text.startsWith('~') || path.isAbsolute(text) || /^[A-Za-z]:[\\/]/.test(text)) return null;
  const absolute = path.resolve(base, text);
  const relative = path.relative(root, absolute);
  return relative.startsWith('..') || path.isAbsolute(relative) ? null : absolute;
}

function present(project: ProjectFacts, absolute: string, kind: NamedPath['kind']): boolean {
  if (!project.exists(absolute)) return false;
  if (kind === 'directory') return project.isDirectory(absolute);
  if (kind === 'file') return !project.isDirectory(absolute);
  return true;
}
