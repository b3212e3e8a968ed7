import path from 'node:path';
import { runFixPasses, type FileText, type Fix } from '@docmind-docker-lint/fixer';
import { OverlayHost } from '../host/overlay-host.js';
import { decodeBytes } from '../project/decode-text.js';
import { discoverFiles, type DiscoveredFile } from '../project/discover-files.js';
import { classifyFile, LINTED_KINDS } from '../source/classify-file.js';
import type { ProjectHost } from '../types/project.js';
import type { LintMessage, LintResult } from '../types/results.js';
import type { RuleType } from '../types/rule.js';
import { summarize } from '../linter/lint-file.js';
import { LintSession, notLinted, type LintOptions } from './lint-session.js';

export interface LintProjectOptions extends LintOptions {
  /** Files and folders to lint, relative to `cwd`. Default `['.']`. */
  readonly patterns?: readonly string[];
  /**
   * Compute fixes (in memory: results get `output`; `applyFixes` writes them). A function decides
   * per problem.
   */
  readonly fix?: boolean | ((message: LintMessage) => boolean);
  /** Only fixes of rules of these types (ESLint's `--fix-type`). Default: all. */
  readonly fixTypes?: readonly RuleType[];
}

/**
 * Lints every Dockerfile, Compose file, `.dockerignore` and Python/env project file under the
 * patterns. With `fix`, applies fixes in up to 10 passes (re-linting the whole project between
 * passes, since a fix in one file can change problems in another) and reports what remains.
 * Files created or changed by cross-file fixes get results of their own, with `output`.
 */
export async function lintProject(options: LintProjectOptions = {}): Promise<LintResult[]> {
  const session = await LintSession.create(options);
  const discovery = discoverFiles(session.host, session.root, options.patterns ?? ['.'], (file) => session.isIgnored(file));
  const missing = discovery.missing.map((given) =>
    notLinted(path.resolve(session.root, given), 2, `No such file or folder inside the project root: ${given}`),
  );
  await session.prepareForFiles(discovery.files.map((file) => file.path));
  const lintAll = (host: ProjectHost): LintResult[] => {
    const project = session.createProject(discovery.files, host);
    return discovery.files.map((file) => session.lintFile(project, file));
  };
  const results = lintAll(session.host);
  if (!options.fix) return [...results, ...missing];
  return [...fixProject(session, discovery.files, results, lintAll, options), ...missing];
}

function fixProject(
  session: LintSession,
  files: readonly DiscoveredFile[],
  firstResults: readonly LintResult[],
  lintAll: (host: ProjectHost) => LintResult[],
  options: LintProjectOptions,
): LintResult[] {
  const wanted = (message: LintMessage): boolean => {
    if (!message.fix || !message.ruleId) return false;
    const type = session.rules.get(message.ruleId)?.meta.type;
    if (options.fixTypes && (!type || !options.fixTypes.includes(type))) return false;
    return typeof options.fix === 'function' ? options.fix(message) : true;
  };
  const fixesOf = (results: readonly LintResult[]): Fix[] =>
    results.flatMap((result) => result.messages.filter(wanted).map((message) => message.fix!));

  const initial = new Map<string, FileText | undefined>();
  const load = (filePath: string): void => {
    if (initial.has(filePath)) return;
    const bytes = session.host.readFile(filePath);
    if (!bytes) {
      // Only a path that really is free may be created; anything else stays unloaded, so no fix touches it.
      if (!session.host.stat(filePath)) initial.set(filePath, undefined);
      return;
    }
    const decoded = decodeBytes(bytes);
    if ('problem' in decoded) return;
    const bom = decoded.text.charCodeAt(0) === 0xfeff;
    initial.set(filePath, { text: bom ? decoded.text.slice(1) : decoded.text, bom });
  };
  for (const result of firstResults) if (result.source !== undefined) load(result.filePath);
  for (const fix of fixesOf(firstResults)) for (const edit of fix.edits) load(edit.file);

  let lastResults = firstResults;
  const outcome = runFixPasses(initial, (state, pass) => {
    if (pass > 1) lastResults = lintAll(overlayOf(session.host, state));
    return fixesOf(lastResults);
  });
  if (outcome.changedPaths.size === 0) return [...firstResults];

  const finalHost = overlayOf(session.host, outcome.files);
  const created = [...outcome.changedPaths]
    .filter((filePath) => !files.some((file) => file.path === filePath))
    .map((filePath): DiscoveredFile => ({ path: filePath, kind: classifyFile(path.basename(filePath)), explicit: false }));
  const project = session.createProject([...files, ...created], finalHost);
  return [...files, ...created].map((file) => {
    const result = LINTED_KINDS.has(file.kind) ? session.lintFile(project, file) : undefined;
    const fixed = outcome.files.get(file.path);
    const base = result ?? summarize(file.path, [], []);
    if (!outcome.changedPaths.has(file.path) || !fixed) return base;
    const original = initial.get(file.path);
    const { source: _fixedSource, ...rest } = base;
    return {
      ...rest,
      ...(original ? { source: original.text } : {}),
      output: fixed.text,
      ...(fixed.bom ? { bom: true } : {}),
    };
  });
}

/** A host that shows the fixed texts in place of the files on disk. */
function overlayOf(base: ProjectHost, files: ReadonlyMap<string, FileText | undefined>): ProjectHost {
  const texts = new Map<string, string | undefined>();
  for (const [filePath, file] of files) texts.set(filePath, file === undefined ? undefined : (file.bom ? '\ufeff' : '') + file.text);
  return new OverlayHost(base, texts);
}
