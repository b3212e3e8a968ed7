import path from 'node:path';
import {
  DockerignoreMatcher,
  type BuildContext,
  type DockerfileNode,
  type OffsetRange,
  type RelatedReport,
  type RuleFixer,
  type ServiceNode,
  type StageNode,
  type SuggestionReport,
} from '@docmind-docker-lint/core';
import { isScalar } from 'yaml';
import { createRule } from '../utils/create-rule.js';
import { stageWorkdir } from '../utils/stage-workdir.js';
import { closestImagePaths, closestModules } from './closest-paths.js';
import { ContextIndex } from './context-index.js';
import { bindMountTargets, imageCommand, serviceCommands } from './image-commands.js';
import { ImageFiles, isUnder, type Presence } from './image-files.js';
import { launchTargets, type FileTarget, type ModuleTarget } from './launch-targets.js';
import { exactRange, reportRange, type Command } from './words.js';

export type Options = [
  {
    checkExecuteBit: boolean;
    ignore: string[];
  },
];
export type MessageIds =
  | 'missingFile'
  | 'excludedFile'
  | 'notCopied'
  | 'elsewhere'
  | 'notExecutable'
  | 'missingModule'
  | 'excludedModule'
  | 'usePath'
  | 'useModule'
  | 'reinclude'
  | 'copyWithChmod';

/** What a replacement may hold to be written as is into a JSON string, a shell line or a YAML scalar. */
const SAFE_TEXT = /^[\w@%+=:,./-]+$/;

/** What one check needs: the stage the command runs in and the files of its build. */
interface Site {
  readonly stage: StageNode;
  readonly buildContext: BuildContext;
  readonly context: ContextIndex;
  readonly files: ImageFiles;
  /** Container folders a Compose service mounts from the host. */
  readonly mounts: readonly string[];
}

export default createRule<MessageIds, Options>({
  name: 'entrypoint-file-exists',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the script or module that CMD, ENTRYPOINT or a Compose command starts to be in the image',
      recommended: true,
      sources: {},
    },
    messages: {
      missingFile: '`{{path}}` is not in the image: it would be copied from `{{contextPath}}`, which the build context does not have.',
      excludedFile: '`{{path}}` is not in the image: `.dockerignore` excludes `{{contextPath}}` from the build context.',
      notCopied: '`{{path}}` is not in the image: `{{contextPath}}` is in the build context, but no COPY or ADD puts it there.',
      elsewhere: '`{{path}}` is not in the image: nothing is copied there, and the file of that name is at `{{imagePath}}`.',
      notExecutable:
        '`{{path}}` is run as a program but has no execute bit in the image: set it in the repository (`git update-index --chmod=+x`), with `COPY --chmod` or with `RUN chmod +x`.',
      missingModule: 'Module `{{module}}` does not exist: the build context has no `{{contextPath}}`.',
      excludedModule: 'Module `{{module}}` is not in the image: `.dockerignore` excludes `{{contextPath}}` from the build context.',
      usePath: 'Run `{{replacement}}` instead.',
      useModule: 'Use module `{{replacement}}` instead.',
      reinclude: 'Add `!{{contextPath}}` to `.dockerignore`.',
      copyWithChmod: 'Copy it with `--chmod=755`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkExecuteBit: {
            type: 'boolean',
            description: 'Report a program run by its path (`./entrypoint.sh`) that reaches the image without an execute bit.',
          },
          ignore: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Paths (as written, or absolute in the image) and module names not to check, such as files a RUN generates; a trailing `/` ignores a folder.',
          },
        },
      },
    ],
    defaultOptions: [{ checkExecuteBit: true, ignore: [] }],
    hasSuggestions: true,
  },
  create(context, [options]) {
    const { project, sourceFile } = context;
    const reported = new Set<string>();
    const indexes = new Map<string, ContextIndex>();

    const siteFor = (dockerfile: DockerfileNode, buildContext: BuildContext, stage: StageNode, mounts: readonly string[]): Site => {
      let index = indexes.get(buildContext.dir);
      if (!index) {
        index = new ContextIndex(buildContext, project);
        indexes.set(buildContext.dir, index);
      }
      return { stage, buildContext, context: index, files: new ImageFiles(dockerfile, index), mounts };
    };

    const isInsideRoot = (dir: string): boolean => {
      const relative = path.relative(project.root, dir);
      return !relative.startsWith('..') && !path.isAbsolute(relative);
    };

    const isIgnored = (...names: string[]): boolean =>
      options.ignore.some((entry) => names.some((name) => name === entry || (entry.endsWith('/') && name.startsWith(entry))));

    const report = (
      range: OffsetRange,
      messageId: MessageIds,
      data: Record<string, string>,
      suggest: SuggestionReport<MessageIds>[] = [],
      related: RelatedReport[] = [],
    ): void => {
      const key = `${range[0]}:${range[1]}:${messageId}`;
      if (reported.has(key)) return;
      reported.add(key);
      context.report({ range, messageId, data, suggest, ...(related.length > 0 ? { related } : {}) });
    };

    /** Where `.dockerignore` excludes a context path, and the suggestion to re-include it. */
    const exclusion = (site: Site, contextPath: string): { related: RelatedReport[]; suggest: SuggestionReport<MessageIds>[] } => {
      const dockerignore = site.buildContext.dockerignore;
      if (!dockerignore) return { related: [], suggest: [] };
      const entry = new DockerignoreMatcher(dockerignore.entries).lastMatch(contextPath);
      const related = entry ? [{ file: dockerignore.file.path, range: entry.range, message: `\`${entry.pattern}\` excludes it.` }] : [];
      const { text, eol } = dockerignore.file;
      const line = `${text.length > 0 && !text.endsWith('\n') ? eol : ''}!${contextPath}${eol}`;
      const suggest: SuggestionReport<MessageIds>[] = SAFE_TEXT.test(contextPath)
        ? [
            {
              messageId: 'reinclude',
              data: { contextPath },
              fix: (fixer) => fixer.replaceTextRangeIn(dockerignore.file.path, [text.length, text.length], line),
            },
          ]
        : [];
      return { related, suggest };
    };

    const checkFile = (target: FileTarget, site: Site): void => {
      const imagePath = target.path.startsWith('/')
        ? path.posix.normalize(target.path)
        : target.cwd === null
          ? null
          : path.posix.resolve(target.cwd, target.path);
      const range = reportRange(target.word);
      if (imagePath === null || range === null || isIgnored(target.path, imagePath)) return;
      if (site.mounts.some((mount) => imagePath === mount || isUnder(imagePath, mount))) return;
      const presence: Presence = site.files.presence(imagePath, site.stage);
      const exact = exactRange(target.word);
      const replaceWith = (replacement: string): SuggestionReport<MessageIds> | null =>
        exact && SAFE_TEXT.test(replacement)
          ? { messageId: 'usePath', data: { replacement }, fix: (fixer) => fixer.replaceTextRange(exact, replacement) }
          : null;
      const written = (candidate: string): string => {
        if (target.path.startsWith('/') || target.cwd === null || !isUnder(candidate, target.cwd)) return candidate;
        const relative = path.posix.relative(target.cwd, candidate);
        return target.path.startsWith('./') ? `./${relative}` : relative;
      };
      const renames = (candidates: readonly { imagePath: string }[]) =>
        candidates.flatMap((candidate) => replaceWith(written(candidate.imagePath)) ?? []);

      switch (presence.kind) {
        case 'present':
          if (target.executed && options.checkExecuteBit && presence.executable === false) {
            report(range, 'notExecutable', { path: target.path }, chmodSuggestion(presence, imagePath, context.filename));
          }
          return;
        case 'missing': {
          const candidates = closestImagePaths(imagePath, site.stage, site.context, site.files, false);
          report(range, 'missingFile', { path: target.path, contextPath: presence.contextPath }, renames(candidates));
          return;
        }
        case 'excluded': {
          const { related, suggest } = exclusion(site, presence.contextPath);
          report(range, 'excludedFile', { path: target.path, contextPath: presence.contextPath }, suggest, related);
          return;
        }
        case 'uncovered': {
          const natural = naturalContextPath(target, imagePath);
          if (natural !== null && site.context.files.has(natural)) {
            report(range, 'notCopied', { path: target.path, contextPath: natural });
            return;
          }
          // Only beside the working directory the Dockerfile sets, where a base image rarely puts files.
          if (target.cwd === null || !isUnder(imagePath, target.cwd)) return;
          const [closest, ...others] = closestImagePaths(imagePath, site.stage, site.context, site.files, true);
          if (closest) report(range, 'elsewhere', { path: target.path, imagePath: closest.imagePath }, renames([closest, ...others]));
          return;
        }
        case 'unknown':
          return;
      }
    };

    const checkModule = (target: ModuleTarget, site: Site): void => {
      const { module, use } = target;
      const range = reportRange(target.word, target.start, target.start + module.length);
      if (range === null || isIgnored(module)) return;
      const roots = new Set(['', 'src']);
      for (const folder of [...(target.cwd === null ? [] : [target.cwd]), ...target.roots]) {
        const presence = site.files.presence(folder, site.stage);
        if (presence.kind === 'present' && presence.contextPath !== null && site.context.dirs.has(presence.contextPath)) {
          roots.add(presence.contextPath);
        }
      }
      const parts = module.split('.');
      const top = parts[0]!;
      const root = [...roots].find((folder) => site.context.dirs.has(path.posix.join(folder, top)) || site.context.files.has(path.posix.join(folder, `${top}.py`)));
      // A package the context does not hold is installed from an index: not this rule's business.
      if (root === undefined) return;
      const base = path.posix.join(root, ...parts);
      const candidates = use === 'main' ? [`${base}.py`, `${base}/__main__.py`] : [`${base}.py`, `${base}/__init__.py`, base];
      const existing = candidates.filter((candidate) => site.context.has(candidate));
      if (existing.length === 0) {
        const contextPath = use === 'main' && site.context.dirs.has(base) ? `${base}/__main__.py` : `${base}.py`;
        const exact = exactRange(target.word, target.start, target.start + module.length);
        const suggest = exact
          ? closestModules(module, root, use, site.context).map((replacement) => ({
              messageId: 'useModule' as const,
              data: { replacement },
              fix: (fixer: RuleFixer) => fixer.replaceTextRange(exact, replacement),
            }))
          : [];
        report(range, 'missingModule', { module, contextPath }, suggest);
        return;
      }
      if (existing.every((candidate) => site.context.isExcluded(candidate))) {
        const { related, suggest } = exclusion(site, existing[0]!);
        report(range, 'excludedModule', { module, contextPath: existing[0]! }, suggest, related);
      }
    };

    /** Checks what the commands start; the build's files are only read when they start something. */
    const check = (commands: readonly Command[], cwd: string | null, site: () => Site): void => {
      const targets = launchTargets(commands, cwd);
      if (targets.length === 0) return;
      const known = site();
      for (const target of targets) {
        if (target.kind === 'file') checkFile(target, known);
        else checkModule(target, known);
      }
    };

    return {
      Dockerfile(dockerfile: DockerfileNode) {
        const buildContext = project.buildContextsOf(context.filename)[0];
        const last = dockerfile.stages.at(-1);
        // A context outside the linted root cannot be read: nothing in it can be called missing.
        if (!buildContext || !last || !isInsideRoot(buildContext.dir)) return;
        const targets = buildContext.services.flatMap((service) => (service.build?.target ? [service.build.target] : []));
        const stages = new Set([last, ...targets.flatMap((target) => stageNamed(dockerfile, target) ?? [])]);
        for (const stage of stages) {
          check([imageCommand(stage)], stageWorkdir(stage), () => siteFor(dockerfile, buildContext, stage, []));
        }
      },
      Service(service: ServiceNode) {
        const build = service.build;
        const dockerfile = build ? project.dockerfileOf(service) : undefined;
        if (!build || !dockerfile) return;
        const stage = build.target === null ? (dockerfile.stages.at(-1) ?? null) : stageNamed(dockerfile, build.target);
        const buildContext = project.buildContextsOf(dockerfile.file.path).find((candidate) => candidate.dir === build.context);
        const commands = serviceCommands(service, sourceFile, stage);
        if (!stage || !buildContext || !commands || !isInsideRoot(buildContext.dir)) return;
        const workingDir = service.value?.get('working_dir', true);
        const cwd =
          isScalar(workingDir) && typeof workingDir.value === 'string'
            ? workingDir.value.startsWith('/') && !workingDir.value.includes('$')
              ? path.posix.normalize(workingDir.value)
              : null
            : stageWorkdir(stage);
        check(commands, cwd, () => siteFor(dockerfile, buildContext, stage, bindMountTargets(service)));
      },
    };
  },
});

/** `COPY --chmod=755` for the single-file COPY that brings the program, when there is exactly one. */
function chmodSuggestion(
  presence: Extract<Presence, { kind: 'present' }>,
  imagePath: string,
  lintedFile: string,
): SuggestionReport<MessageIds>[] {
  const [provider, ...others] = presence.providers;
  if (!provider || others.length > 0 || provider.chmodExecutable !== null || provider.heredoc) return [];
  const [source, ...more] = provider.sources;
  if (!source || more.length > 0 || path.posix.basename(source) !== path.posix.basename(imagePath)) return [];
  const at: OffsetRange = [provider.instruction.keywordRange[1], provider.instruction.keywordRange[1]];
  const dockerfile = provider.instruction.dockerfile.file.path;
  return [
    {
      messageId: 'copyWithChmod',
      fix: (fixer) =>
        dockerfile === lintedFile ? fixer.insertTextAfterRange(at, ' --chmod=755') : fixer.replaceTextRangeIn(dockerfile, at, ' --chmod=755'),
    },
  ];
}

/** Where the file a command names would be in the context if it were copied as is: the path as written. */
function naturalContextPath(target: FileTarget, imagePath: string): string | null {
  if (!target.path.startsWith('/')) {
    const normalized = path.posix.normalize(target.path);
    return normalized.startsWith('..') ? null : normalized;
  }
  return target.cwd !== null && isUnder(imagePath, target.cwd) ? path.posix.relative(target.cwd, imagePath) : null;
}

function stageNamed(dockerfile: DockerfileNode, name: string): StageNode | null {
  return dockerfile.stages.find((stage) => stage.name?.toLowerCase() === name.toLowerCase()) ?? null;
}
