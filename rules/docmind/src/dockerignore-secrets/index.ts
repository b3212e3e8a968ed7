import path from 'node:path';
import {
  DockerignoreMatcher,
  type BuildContext,
  type DockerignoreEntry,
  type DockerignoreNode,
  type InstructionNode,
  type OffsetRange,
  type ReportDescriptor,
  type RuleFixer,
  type SuggestionReport,
} from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';
import { contextCopiesOf, type ContextCopy } from './context-copies.js';
import {
  ARTIFACT_PATTERNS,
  BASELINE_PATTERNS,
  DEFAULT_ALLOWED_NAMES,
  NODE_PATTERNS,
  PYTHON_PATTERNS,
  SECRET_PATTERNS,
  type RequiredPattern,
} from './default-patterns.js';
import { appendedLines, newDockerignoreText } from './dockerignore-text.js';
import {
  cachedEntriesMatcher,
  cleanPath,
  entryOf,
  isAllowedPath,
  isLiteralPath,
  patternClassifier,
  type PatternHit,
} from './path-patterns.js';

export type Options = [
  {
    readonly secretPatterns: readonly string[];
    readonly artifactPatterns: readonly string[];
    readonly allowedNames: readonly string[];
  },
];

export type MessageIds =
  | 'missingDockerignore'
  | 'missingDockerignoreWithFiles'
  | 'missingPatterns'
  | 'secretSent'
  | 'artifactSent'
  | 'explicitSecretCopy'
  | 'secretReincluded'
  | 'createDockerignore'
  | 'appendPatterns'
  | 'removeEntry'
  | 'excludeAgain';

/** How many paths a message names before it counts the rest. */
const NAMED_PATHS = 5;

/** A secret or artifact in the context that a COPY or ADD sends into the image. */
interface Finding {
  readonly kind: 'secret' | 'artifact';
  /** The path as messages show it (folders end in `/`). */
  readonly shown: string;
  /** The `.dockerignore` line that excludes it. */
  readonly pattern: string;
  readonly copy: ContextCopy;
}

export default createRule<MessageIds, Options>({
  name: 'dockerignore-secrets',
  meta: {
    type: 'problem',
    docs: {
      description: 'Keep secrets and development files out of the build context with a complete .dockerignore',
      recommended: true,
      sources: {},
    },
    messages: {
      missingDockerignore:
        '`{{source}}` copies the whole build context, which has no .dockerignore: `.env` files, `.git` and local caches would be sent into the image.',
      missingDockerignoreWithFiles:
        '`{{source}}` copies the whole build context, which has no .dockerignore: {{paths}} would be sent into the image.',
      missingPatterns: '`{{source}}` copies the whole build context, but {{dockerignore}} does not exclude {{patterns}}.',
      secretSent: '`{{source}}` sends the secret {{path}} into the image: exclude it in {{dockerignore}}.',
      artifactSent: '`{{source}}` sends the development artifact {{path}} into the image: exclude it in {{dockerignore}}.',
      explicitSecretCopy:
        '{{keyword}} copies the secret {{path}} into the image: mount it at build time (`RUN --mount=type=secret`) or pass it at run time instead.',
      secretReincluded: '`{{entry}}` re-includes the secret {{path}} in the build context.',
      createDockerignore: 'Create {{dockerignore}} with default exclusions.',
      appendPatterns: 'Add {{patterns}} to {{dockerignore}}.',
      removeEntry: 'Remove `{{entry}}`.',
      excludeAgain: 'Exclude {{path}} again at the end of the file.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          secretPatterns: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            description:
              'More secret files, as .dockerignore patterns (root-anchored, `**` spans folders): reported when sent, and never to be re-included with `!`.',
          },
          artifactPatterns: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            description: 'More development artifacts, as .dockerignore patterns: reported when they exist and are sent.',
          },
          allowedNames: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            description:
              'File or folder names (any depth) or context-relative paths that may be sent although a pattern matches them; replaces the default list.',
          },
        },
      },
    ],
    defaultOptions: [{ secretPatterns: [], artifactPatterns: [], allowedNames: DEFAULT_ALLOWED_NAMES }],
    fixable: 'code',
    hasSuggestions: true,
  },
  create(context, [options]) {
    const { project } = context;
    const secretClassifier = patternClassifier([...SECRET_PATTERNS.map((secret) => secret.pattern), ...options.secretPatterns]);
    const artifactClassifier = patternClassifier([...ARTIFACT_PATTERNS, ...options.artifactPatterns]);
    const isAllowed = (relativePath: string): boolean => isAllowedPath(relativePath, options.allowedNames);
    const secretOf = (relativePath: string, isFolder = false): PatternHit | undefined =>
      isAllowed(relativePath) ? undefined : secretClassifier.classify(relativePath, isFolder);
    const artifactOf = (relativePath: string, isFolder = false): PatternHit | undefined =>
      isAllowed(relativePath) ? undefined : artifactClassifier.classify(relativePath, isFolder);
    const shownPath = (absolutePath: string): string => path.relative(project.root, absolutePath).split(path.sep).join('/');

    const copies: ContextCopy[] = [];
    const collectCopies = (instruction: InstructionNode): void => {
      copies.push(...contextCopiesOf(instruction));
    };

    const reports: ReportDescriptor<MessageIds>[] = [];
    const reported = new Set<string>();
    const addReport = (descriptor: ReportDescriptor<MessageIds> & { readonly range: OffsetRange }): void => {
      const key = JSON.stringify([descriptor.messageId, descriptor.range, descriptor.data]);
      if (reported.has(key)) return;
      reported.add(key);
      reports.push(descriptor);
    };
    const flushReports = (): void => {
      reports.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0));
      for (const descriptor of reports) context.report(descriptor);
    };

    /** Explicit copies of a secret: no `.dockerignore` line makes them right, so no fix. */
    const checkExplicitCopies = (): void => {
      for (const copy of copies) {
        if (copy.broad || !copy.literal) continue;
        if (!secretOf(copy.path)) continue;
        addReport({ messageId: 'explicitSecretCopy', range: copy.range, data: { keyword: copy.keyword, path: copy.path } });
      }
    };

    /**
     * A fix that adds lines to the context's `.dockerignore` (creating it when there is none). It
     * is a suggestion instead when the new lines would exclude a path a COPY names, which would
     * break the build.
     */
    const exclusionEdit = (
      buildContext: BuildContext,
      lines: readonly string[],
      files: readonly string[],
    ): Pick<ReportDescriptor<MessageIds>, 'fix' | 'suggest'> => {
      const existing = buildContext.dockerignore;
      const before = existing?.entries ?? [];
      const beforeMatcher = cachedEntriesMatcher(before);
      const newLines = [...lines];
      const keptAllowed = (candidate: readonly string[]): string[] => {
        const after = cachedEntriesMatcher([...before, ...candidate.map(entryOf)]);
        return files.filter((file) => isAllowed(file) && isLiteralPath(file) && !beforeMatcher.isExcluded(file) && after.isExcluded(file));
      };
      const reincluded = keptAllowed(newLines).map((file) => `!${file}`);
      const after = cachedEntriesMatcher([...before, ...newLines.map(entryOf), ...reincluded.map(entryOf)]);
      const breaksCopy = copies.some(
        (copy) => !copy.broad && copy.literal && !beforeMatcher.isExcluded(copy.path) && after.isExcluded(copy.path),
      );
      const target = existing?.file.path ?? buildContext.dockerignorePath;
      const fix = (fixer: RuleFixer) => {
        if (!existing) return fixer.createFile(target, defaultText(newLines, reincluded));
        const text = existing.file.text;
        return fixer.replaceTextRangeIn(target, [text.length, text.length], appendedLines(text, [...newLines, ...reincluded], existing.file.eol));
      };
      if (!breaksCopy) return { fix };
      const suggestion: SuggestionReport<MessageIds> = existing
        ? { messageId: 'appendPatterns', data: { patterns: newLines.join(', '), dockerignore: shownPath(target) }, fix }
        : { messageId: 'createDockerignore', data: { dockerignore: shownPath(target) }, fix };
      return { suggest: [suggestion] };
    };

    const defaultText = (lines: readonly string[], reincluded: readonly string[]): string => {
      const isSecretLine = (line: string): boolean => line.startsWith('.env') || secretOf(line) !== undefined;
      return newDockerignoreText(
        [
          { comment: 'Secrets and local settings never enter the build context.', lines: lines.filter(isSecretLine) },
          { comment: 'Version control and development files.', lines: lines.filter((line) => !isSecretLine(line)) },
          { comment: 'Sent on purpose.', lines: reincluded },
        ],
        context.sourceFile.eol,
      );
    };

    const checkContext = (buildContext: BuildContext): void => {
      const listing = project.listFiles(buildContext.dir).map((entry) =>
        entry.endsWith('/') ? { path: entry.slice(0, -1), folder: true } : { path: entry, folder: false },
      );
      const files = listing.map((entry) => entry.path);
      const topLevel = new Set(files.filter((file) => !file.includes('/')));
      const isPython = topLevel.has('pyproject.toml') || [...topLevel].some((name) => /^requirements.*\.txt$/.test(name));
      const required: RequiredPattern[] = [
        ...BASELINE_PATTERNS,
        ...(isPython ? PYTHON_PATTERNS : []),
        ...(topLevel.has('package.json') ? NODE_PATTERNS : []),
      ].filter((requirement) => !isAllowed(requirement.probe));
      const entries: readonly DockerignoreEntry[] = buildContext.dockerignore?.entries ?? [];
      const current = cachedEntriesMatcher(entries);
      const broad = copies.find((copy) => copy.broad);
      const missing = broad
        ? required.filter((requirement) => {
            const decision = current.lastMatch(requirement.probe);
            if (decision === undefined) return true;
            // A `!` line that re-includes a secret is reported on that line of the .dockerignore.
            return decision.negated && !secretOf(requirement.probe);
          })
        : [];
      const effective = cachedEntriesMatcher([...entries, ...missing.map((requirement) => entryOf(requirement.pattern))]);

      // Without a .dockerignore every finding is named; with one, only what the added lines leave out.
      const scanned = buildContext.dockerignore ? effective : current;
      const findings = new Map<string, Finding>();
      for (const entry of listing) {
        const decision = scanned.lastMatch(entry.path);
        if (decision && !decision.negated) continue;
        const secret = secretOf(entry.path, entry.folder);
        if (secret && decision?.negated) continue;
        const hit = secret ?? artifactOf(entry.path, entry.folder);
        if (!hit) continue;
        const namesHit = (copy: ContextCopy): boolean =>
          copy.literal && !copy.broad && (copy.path === hit.key || copy.path.startsWith(`${hit.key}/`));
        const copy = copies.find((candidate) => candidate.covers(entry.path) && !namesHit(candidate));
        if (!copy) continue;
        const shown = hit.folder ? `${hit.key}/` : hit.key;
        if (!findings.has(shown)) findings.set(shown, { kind: secret ? 'secret' : 'artifact', shown, pattern: hit.pattern, copy });
      }

      const dockerignoreShown = shownPath(buildContext.dockerignore?.file.path ?? buildContext.dockerignorePath);
      if (!buildContext.dockerignore) {
        const requiredLines = required.map((requirement) => requirement.pattern);
        const requiredMatcher = cachedEntriesMatcher(requiredLines.map(entryOf));
        const lines = unique([
          ...requiredLines,
          ...[...findings.values()]
            .filter((finding) => !requiredMatcher.isExcluded(finding.shown))
            .map((finding) => finding.pattern),
        ]);
        const edit = exclusionEdit(buildContext, lines, files);
        if (broad) {
          const paths = [...findings.keys()];
          addReport({
            range: broad.range,
            ...(paths.length > 0
              ? { messageId: 'missingDockerignoreWithFiles', data: { source: broad.raw, paths: namedList(paths) } }
              : { messageId: 'missingDockerignore', data: { source: broad.raw } }),
            ...edit,
          });
          return;
        }
        for (const finding of findings.values()) addReport({ ...findingReport(finding, dockerignoreShown), ...edit });
        return;
      }
      if (broad && missing.length > 0) {
        addReport({
          range: broad.range,
          messageId: 'missingPatterns',
          data: { source: broad.raw, dockerignore: dockerignoreShown, patterns: missing.map((requirement) => requirement.label).join(', ') },
          ...exclusionEdit(
            buildContext,
            missing.map((requirement) => requirement.pattern),
            files,
          ),
        });
      }
      for (const finding of findings.values()) {
        addReport({ ...findingReport(finding, dockerignoreShown), ...exclusionEdit(buildContext, [finding.pattern], files) });
      }
    };

    /** `!` lines that re-include a secret: a sample path of each secret pattern, the line itself, or a real file. */
    const checkReinclusions = (dockerignore: DockerignoreNode): void => {
      const negations = dockerignore.entries.filter((entry) => entry.negated);
      if (negations.length === 0) return;
      const matcher = new DockerignoreMatcher(dockerignore.entries);
      const candidates = unique([
        ...SECRET_PATTERNS.map((secret) => secret.sample),
        ...options.secretPatterns.flatMap((pattern) => {
          const sample = cleanPath(pattern).replace(/^(\*\*\/)+/, '');
          return isLiteralPath(sample) ? [sample] : [];
        }),
        ...negations.flatMap((entry) => (isLiteralPath(entry.pattern) ? [entry.pattern] : [])),
        ...contextDirsOf(dockerignore).flatMap((dir) => project.listFiles(dir).map((entry) => entry.replace(/\/$/, ''))),
      ]);
      const found = new Map<DockerignoreEntry, string>();
      for (const candidate of candidates) {
        if (!secretOf(candidate)) continue;
        const decision = matcher.lastMatch(candidate);
        if (decision?.negated && !found.has(decision)) found.set(decision, candidate);
      }
      const { file } = dockerignore;
      for (const entry of negations) {
        const secretPath = found.get(entry);
        if (secretPath === undefined) continue;
        const entryText = file.slice(entry.range);
        const lineStart = file.lineStarts[entry.line - 1] ?? entry.range[0];
        const lineEnd = file.lineStarts[entry.line] ?? file.text.length;
        const suggestion: SuggestionReport<MessageIds> | null = secretOf(entry.pattern)
          ? { messageId: 'removeEntry', data: { entry: entryText }, fix: (fixer) => fixer.removeRange([lineStart, lineEnd]) }
          : isLiteralPath(secretPath)
            ? {
                messageId: 'excludeAgain',
                data: { path: secretPath },
                fix: (fixer) =>
                  fixer.insertTextAfterRange([file.text.length, file.text.length], appendedLines(file.text, [secretPath], file.eol)),
              }
            : null;
        context.report({
          range: entry.range,
          messageId: 'secretReincluded',
          data: { entry: entryText, path: secretPath },
          ...(suggestion ? { suggest: [suggestion] } : {}),
        });
      }
    };

    /** The contexts a `.dockerignore` applies to: its folder, or for `<Dockerfile>.dockerignore` that Dockerfile's contexts. */
    const contextDirsOf = (dockerignore: DockerignoreNode): string[] => {
      const filePath = dockerignore.file.path;
      const folder = path.dirname(filePath);
      const baseName = path.basename(filePath);
      if (baseName === '.dockerignore') return [folder];
      const dockerfile = filePath.slice(0, -'.dockerignore'.length);
      if (!project.exists(dockerfile)) return [folder];
      return project.buildContextsOf(dockerfile).map((buildContext) => buildContext.dir);
    };

    return {
      COPY: collectCopies,
      ADD: collectCopies,
      'Dockerfile:exit'() {
        checkExplicitCopies();
        for (const buildContext of project.buildContextsOf(context.filename)) checkContext(buildContext);
        flushReports();
      },
      Dockerignore: checkReinclusions,
    };
  },
});

function findingReport(finding: Finding, dockerignore: string): ReportDescriptor<MessageIds> & { readonly range: OffsetRange } {
  return {
    range: finding.copy.range,
    messageId: finding.kind === 'secret' ? 'secretSent' : 'artifactSent',
    data: { source: finding.copy.raw, path: finding.shown, dockerignore },
  };
}

function namedList(paths: readonly string[]): string {
  const named = paths.slice(0, NAMED_PATHS).join(', ');
  return paths.length > NAMED_PATHS ? `${named} and ${paths.length - NAMED_PATHS} more` : named;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
