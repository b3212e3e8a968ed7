import type { ParsedFile } from '../types/nodes.js';
import type { ProjectFacts } from '../types/project.js';
import type { LintMessage, LintResult } from '../types/results.js';
import type { ResolvedConfig } from '../types/config.js';
import type { AnyRule } from '../types/rule.js';
import { applyDirectives, parseDirectives } from '../directives/index.js';
import { yamlComments } from '../utils/yaml-comments.js';
import { runRules, type EnabledRule } from './run-rules.js';

/**
 * Lints one parsed file: parse problems, the enabled rules' problems, then inline directives
 * (ours and the peers' pragmas) filter them. Messages come out sorted by position.
 */
export function lintParsedFile(
  parsed: ParsedFile,
  config: ResolvedConfig,
  rules: ReadonlyMap<string, AnyRule>,
  project: ProjectFacts,
  ruleTimeBudgetMs?: number,
): LintResult {
  const { file } = parsed;
  const parseMessages: LintMessage[] = parsed.parseProblems.map((problem) => {
    // Parsers may point one past the end (yaml does at an unexpected end of file): keep ranges inside the text.
    const range = [Math.min(problem.range[0], file.text.length), Math.min(problem.range[1], file.text.length)] as const;
    const start = file.positionAt(range[0]);
    const end = file.positionAt(range[1]);
    return {
      ruleId: null,
      severity: 2,
      fatal: true,
      message: problem.message,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      range,
    };
  });
  const ruleMessages = runRules(parsed, enabledRules(config, rules), project, config.settings, ruleTimeBudgetMs);

  // Every directive names a marker in its comment; a text holding none has no directive, and a Compose
  // file's comments (a second pass of the YAML lexer) need not be read.
  const directives = mayHoldDirective(file.text)
    ? parseDirectives(
        file.text,
        parsed.type === 'Dockerfile' ? parsed.comments : parsed.type === 'ComposeFile' ? yamlComments(file.text) : [],
        (offset) => file.positionAt(offset).line,
        lineSpanOf(parsed),
        stageSpanOf(parsed),
      )
    : [];
  const filtered = applyDirectives(
    ruleMessages,
    directives,
    (ruleId) => rules.get(ruleId)?.meta.docs.sources,
    { reportUnused: config.reportUnusedDisableDirectives },
    (offset) => file.positionAt(offset),
  );
  const messages = [...parseMessages, ...filtered.messages, ...filtered.unused].sort(byPosition);
  return summarize(file.path, messages, filtered.suppressed, file.text, file.bom);
}

/**
 * Whether a text may hold an inline directive: ours (`docmind-docker-lint-disable...`), hadolint's
 * (`hadolint ignore=`) or BuildKit's (`check=skip=`, key case-insensitive). `parseDirectives` reads
 * nothing else, so a text without these markers has no directive.
 */
function mayHoldDirective(text: string): boolean {
  return text.includes('docmind-docker-lint-') || text.includes('hadolint') || CHECK_KEY.test(text);
}

const CHECK_KEY = /check\s*=/i;

/**
 * The enabled rules of a config, worked out once per config (files with the same layers share one
 * config object) and rule map.
 */
function enabledRules(config: ResolvedConfig, rules: ReadonlyMap<string, AnyRule>): readonly EnabledRule[] {
  const cached = enabledByConfig.get(config);
  if (cached?.rules === rules) return cached.enabled;
  const enabled: EnabledRule[] = [];
  for (const [id, entry] of Object.entries(config.rules)) {
    const rule = rules.get(id);
    if (rule && entry.severity > 0) enabled.push({ id, rule, severity: entry.severity as 1 | 2, options: entry.options });
  }
  enabledByConfig.set(config, { rules, enabled });
  return enabled;
}

const enabledByConfig = new WeakMap<ResolvedConfig, { readonly rules: ReadonlyMap<string, AnyRule>; readonly enabled: readonly EnabledRule[] }>();

/** The lines an instruction spans, so a directive above a multi-line instruction covers all of it. */
function lineSpanOf(parsed: ParsedFile): (line: number) => { startLine: number; endLine: number } {
  // Computed on first use: most files have no directive that asks.
  let spans: { startLine: number; endLine: number }[] | undefined;
  return (line) => {
    spans ??=
      parsed.type === 'Dockerfile'
        ? parsed.instructions.map((instruction) => ({
            startLine: parsed.file.positionAt(instruction.range[0]).line,
            endLine: parsed.file.positionAt(instruction.range[1]).line,
          }))
        : [];
    return spans.find((span) => span.startLine <= line && line <= span.endLine) ?? { startLine: line, endLine: line };
  };
}

/** The lines of the stage whose FROM is on a line (a single line elsewhere). */
function stageSpanOf(parsed: ParsedFile): (line: number) => { startLine: number; endLine: number } {
  let spans: { startLine: number; endLine: number }[] | undefined;
  return (line) => {
    spans ??=
      parsed.type === 'Dockerfile'
        ? parsed.stages.map((stage) => ({
            startLine: parsed.file.positionAt(stage.range[0]).line,
            endLine: parsed.file.positionAt(stage.range[1]).line,
          }))
        : [];
    return spans.find((span) => span.startLine === line) ?? { startLine: line, endLine: line };
  };
}

export function byPosition(a: LintMessage, b: LintMessage): number {
  return a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn;
}

/** A result with ESLint's counts. */
export function summarize(
  filePath: string,
  messages: readonly LintMessage[],
  suppressedMessages: readonly LintMessage[],
  source?: string,
  bom?: boolean,
): LintResult {
  let errorCount = 0;
  let warningCount = 0;
  let fatalErrorCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const message of messages) {
    if (message.fatal) fatalErrorCount++;
    if (message.severity === 2) {
      errorCount++;
      if (message.fix) fixableErrorCount++;
    } else {
      warningCount++;
      if (message.fix) fixableWarningCount++;
    }
  }
  return {
    filePath,
    messages,
    suppressedMessages,
    errorCount,
    warningCount,
    fatalErrorCount,
    fixableErrorCount,
    fixableWarningCount,
    ...(source !== undefined ? { source } : {}),
    ...(bom ? { bom } : {}),
  };
}
