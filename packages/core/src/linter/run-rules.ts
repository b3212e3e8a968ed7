import type { FileEdit, OffsetRange } from '@docmind-docker-lint/fixer';
import type { ParsedFile } from '../types/nodes.js';
import type { ProjectFacts } from '../types/project.js';
import type { LintMessage, Severity, Suggestion } from '../types/results.js';
import type { AnyRule, FixFunction, ReportDescriptor, RuleContext, RuleFixer, RuleListener } from '../types/rule.js';
import { SourceFile } from '../source/source-file.js';
import { errorMessage } from '../utils/error-message.js';
import { createRuleFixer } from './rule-fixer.js';

export interface EnabledRule {
  readonly id: string;
  readonly rule: AnyRule;
  readonly severity: Exclude<Severity, 0>;
  readonly options: readonly unknown[];
}

/** A rule's time on one file (`create` and its visitors, fixes included) after which its results are dropped. */
export const DEFAULT_RULE_TIME_BUDGET_MS = 5000;

/**
 * Runs the enabled rules over one parsed file in a single traversal and returns their problems.
 * A rule that throws (in `create`, a visitor, or a fix) is reported as an internal error with its
 * id; the other rules still run. So is a rule whose time on the file passes `timeBudgetMs`: rules are
 * synchronous, so it cannot be stopped in a call, but once a call ends past the budget its problems on
 * this file are dropped and it is not called again for the file. The time is taken once per call
 * (the end of one call is the start of the next), so the watch costs one clock read per visit.
 */
export function runRules(
  parsed: ParsedFile,
  rules: readonly EnabledRule[],
  project: ProjectFacts,
  settings: Readonly<Record<string, unknown>>,
  timeBudgetMs: number = DEFAULT_RULE_TIME_BUDGET_MS,
): LintMessage[] {
  const messages: LintMessage[] = [];
  const failed = new Set<string>();
  const fail = (id: string, error: unknown): void => {
    if (failed.has(id)) return;
    failed.add(id);
    messages.push(internalError(id, error));
  };
  const spent = new Map<string, number>();
  let clock = performance.now();
  /** Charges the time since the last reading to the rule; drops its results once past the budget. */
  const charge = (id: string): void => {
    const now = performance.now();
    const total = (spent.get(id) ?? 0) + (now - clock);
    clock = now;
    spent.set(id, total);
    if (total <= timeBudgetMs || failed.has(id)) return;
    failed.add(id);
    for (let index = messages.length - 1; index >= 0; index--) if (messages[index]!.ruleId === id) messages.splice(index, 1);
    messages.push(overBudget(id, timeBudgetMs, parsed.file.path));
  };

  // Visitors by key, built once per file: a traversal step calls only the rules that listen to it,
  // and rules with no visitor for this kind of file cost nothing after `create`.
  const visitors = new Map<string, { readonly id: string; readonly visit: (node: unknown) => void }[]>();
  for (const enabled of rules) {
    let listener: RuleListener;
    clock = performance.now();
    try {
      listener = enabled.rule.create(createContext(parsed, enabled, project, settings, messages));
    } catch (error) {
      fail(enabled.id, error);
      continue;
    } finally {
      charge(enabled.id);
    }
    for (const [key, visit] of Object.entries(listener as Record<string, ((node: unknown) => void) | undefined>)) {
      if (typeof visit !== 'function') continue;
      let list = visitors.get(key);
      if (!list) visitors.set(key, (list = []));
      list.push({ id: enabled.id, visit });
    }
  }

  const emit = (key: string, node: unknown): void => {
    const list = visitors.get(key);
    if (!list) return;
    clock = performance.now();
    for (const { id, visit } of list) {
      if (failed.has(id)) continue;
      try {
        visit(node);
      } catch (error) {
        fail(id, error);
      }
      charge(id);
    }
  };
  traverse(parsed, emit);
  return messages;
}

/** The order of visits: file, then (for Dockerfiles) stages and their instructions, then `:exit`. */
function traverse(parsed: ParsedFile, emit: (key: string, node: unknown) => void): void {
  switch (parsed.type) {
    case 'Dockerfile': {
      emit('Dockerfile', parsed);
      let stage = null as (typeof parsed.stages)[number] | null;
      for (const instruction of parsed.instructions) {
        if (instruction.stage !== stage) {
          if (stage) emit('Stage:exit', stage);
          stage = instruction.stage;
          if (stage) emit('Stage', stage);
        }
        emit('Instruction', instruction);
        emit(instruction.keyword, instruction);
      }
      if (stage) emit('Stage:exit', stage);
      emit('Dockerfile:exit', parsed);
      return;
    }
    case 'ComposeFile':
      emit('ComposeFile', parsed);
      for (const service of parsed.services) emit('Service', service);
      emit('ComposeFile:exit', parsed);
      return;
    case 'Dockerignore':
    case 'EnvFile':
    case 'Pyproject':
      emit(parsed.type, parsed);
      return;
    case 'PythonVersion':
      return;
  }
}

function createContext(
  parsed: ParsedFile,
  enabled: EnabledRule,
  project: ProjectFacts,
  settings: Readonly<Record<string, unknown>>,
  messages: LintMessage[],
): RuleContext<string, readonly unknown[]> {
  const { file } = parsed;
  const { id, rule, severity } = enabled;
  let fixer: RuleFixer | undefined;
  const buildFix = (fix: FixFunction): readonly FileEdit[] => {
    const produced = fix((fixer ??= createRuleFixer(file.path)));
    if (produced === null) return [];
    return isEditList(produced) ? produced : [produced];
  };
  return {
    id,
    options: enabled.options,
    filename: file.path,
    sourceFile: file,
    parsed,
    project,
    settings,
    report(descriptor: ReportDescriptor<string>): void {
      const range = clampRange(descriptor.range ?? descriptor.node?.range ?? [0, 0], file.text.length);
      const start = file.positionAt(range[0]);
      const end = file.positionAt(range[1]);
      let fix: LintMessage['fix'];
      if (descriptor.fix) {
        if (!rule.meta.fixable) throw new Error(`Rule "${id}" reported a fix but its meta.fixable is not set.`);
        const edits = buildFix(descriptor.fix);
        if (edits.length > 0) fix = { edits };
      }
      let suggestions: Suggestion[] | undefined;
      if (descriptor.suggest && descriptor.suggest.length > 0) {
        if (!rule.meta.hasSuggestions) throw new Error(`Rule "${id}" reported suggestions but meta.hasSuggestions is not set.`);
        suggestions = descriptor.suggest.flatMap((suggestion) => {
          const edits = buildFix(suggestion.fix);
          if (edits.length === 0) return [];
          return [{ messageId: suggestion.messageId, desc: formatMessage(rule, suggestion.messageId, suggestion.data), fix: { edits } }];
        });
      }
      messages.push({
        ruleId: id,
        severity: descriptor.severity === 'warn' ? 1 : severity,
        message: formatMessage(rule, descriptor.messageId, descriptor.data),
        messageId: descriptor.messageId,
        ...(descriptor.code !== undefined ? { code: descriptor.code } : {}),
        ...(descriptor.secretRanges && descriptor.secretRanges.length > 0
          ? { secretRanges: descriptor.secretRanges.map((secret) => clampRange(secret, file.text.length)) }
          : {}),
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        range,
        ...(fix ? { fix } : {}),
        ...(suggestions && suggestions.length > 0 ? { suggestions } : {}),
        ...(descriptor.related ? { related: descriptor.related.map((related) => toRelated(project, related)) } : {}),
      });
    },
  };
}

/** Fills `{{name}}` placeholders from `data`, as ESLint does; unknown placeholders stay as written. */
function formatMessage(rule: AnyRule, messageId: string, data: Readonly<Record<string, string | number>> | undefined): string {
  const template = (rule.meta.messages as Record<string, string>)[messageId];
  if (template === undefined) throw new Error(`Rule "${rule.name}" has no message "${messageId}".`);
  return template.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (whole, key: string) =>
    data && key in data ? String(data[key]) : whole,
  );
}

function toRelated(project: ProjectFacts, related: { file: string; range: OffsetRange; message: string }) {
  // A file no parser reads (a JSON settings schema) is still positioned from its text.
  const text = project.getFile(related.file) === undefined ? project.readText(related.file) : undefined;
  const source = project.getFile(related.file)?.file ?? (text === undefined ? undefined : SourceFile.fromText(related.file, text, 'unknown'));
  const start = source?.positionAt(related.range[0]) ?? { line: 1, column: 1 };
  const end = source?.positionAt(related.range[1]) ?? start;
  return {
    filePath: related.file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    message: related.message,
  };
}

function isEditList(value: FileEdit | readonly FileEdit[]): value is readonly FileEdit[] {
  return Array.isArray(value);
}

function clampRange(range: OffsetRange, length: number): OffsetRange {
  const start = Math.max(0, Math.min(range[0], length));
  return [start, Math.max(start, Math.min(range[1], length))];
}

function overBudget(id: string, budgetMs: number, filePath: string): LintMessage {
  return {
    ...internalError(id, null),
    message: `Rule "${id}" exceeded the time budget of ${budgetMs} ms on ${filePath}; its results for this file are dropped.`,
  };
}

function internalError(id: string, error: unknown): LintMessage {
  return {
    ruleId: id,
    severity: 2,
    fatal: true,
    internal: true,
    message: `Rule "${id}" failed on this file: ${errorMessage(error)}`,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    range: [0, 0],
  };
}

