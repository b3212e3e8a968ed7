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
 *
 * A rule whose `create` reads nothing of the file (see `staticVisitorKeys`) and listens to none of the
 * node types this file has is not created at all: it could not report anything here.
 */
export function runRules(
  parsed: ParsedFile,
  rules: readonly EnabledRule[],
  project: ProjectFacts,
  settings: Readonly<Record<string, unknown>>,
  timeBudgetMs: number = DEFAULT_RULE_TIME_BUDGET_MS,
): LintMessage[] {
  const messages: LintMessage[] = [];
  // Per rule, by its index in `rules`: time spent on this file, and whether it failed (threw or ran out of time).
  const spent = new Float64Array(rules.length);
  const failed = new Uint8Array(rules.length);
  const fail = (index: number, error: unknown): void => {
    if (failed[index]) return;
    failed[index] = 1;
    messages.push(internalError(rules[index]!.id, error));
  };
  let clock = performance.now();
  /** Charges the time since the last reading to the rule; drops its results once past the budget. */
  const charge = (index: number): void => {
    const now = performance.now();
    const total = spent[index]! + (now - clock);
    spent[index] = total;
    clock = now;
    if (total <= timeBudgetMs || failed[index]) return;
    failed[index] = 1;
    const id = rules[index]!.id;
    for (let at = messages.length - 1; at >= 0; at--) if (messages[at]!.ruleId === id) messages.splice(at, 1);
    messages.push(overBudget(id, timeBudgetMs, parsed.file.path));
  };

  // Visitors by key, built once per file: a traversal step calls only the rules that listen to it.
  const emitted = emittedKeys(parsed);
  const file = new FileRun(parsed, project, settings, messages);
  const visitors = new Map<string, { readonly index: number; readonly visit: (node: unknown) => void }[]>();
  for (const index of rulesToCreate(rules, emitted, file)) {
    const enabled = rules[index]!;
    let listener: RuleListener;
    clock = performance.now();
    try {
      listener = enabled.rule.create(new Context(file, enabled));
    } catch (error) {
      fail(index, error);
      continue;
    } finally {
      charge(index);
    }
    for (const key in listener) {
      const visit = (listener as Record<string, ((node: unknown) => void) | undefined>)[key];
      if (typeof visit !== 'function' || !Object.hasOwn(listener, key) || !emitted.has(key)) continue;
      let list = visitors.get(key);
      if (!list) visitors.set(key, (list = []));
      list.push({ index, visit });
    }
  }

  const emit = (key: string, node: unknown): void => {
    const list = visitors.get(key);
    if (!list) return;
    clock = performance.now();
    for (const { index, visit } of list) {
      if (failed[index]) continue;
      try {
        visit(node);
      } catch (error) {
        fail(index, error);
      }
      charge(index);
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

/** The keys `traverse` emits for a file (a visitor for any other key is never called on it). */
function emittedKeys(parsed: ParsedFile): ReadonlySet<string> {
  switch (parsed.type) {
    case 'Dockerfile': {
      const keys = new Set(['Dockerfile', 'Dockerfile:exit']);
      for (const instruction of parsed.instructions) {
        keys.add('Instruction');
        keys.add(instruction.keyword);
        if (instruction.stage) keys.add('Stage').add('Stage:exit');
      }
      return keys;
    }
    case 'ComposeFile':
      return new Set(parsed.services.length > 0 ? ['ComposeFile', 'Service', 'ComposeFile:exit'] : ['ComposeFile', 'ComposeFile:exit']);
    case 'Dockerignore':
    case 'EnvFile':
    case 'Pyproject':
      return new Set([parsed.type]);
    case 'PythonVersion':
      return new Set();
  }
}

/**
 * The indices of the rules to create on a file that emits these keys: the rules whose `create` reads
 * the file, and the others that listen to one of the keys. Worked out once per rule list (one per
 * config), settings object (the config's) and set of keys.
 */
function rulesToCreate(rules: readonly EnabledRule[], emitted: ReadonlySet<string>, file: FileRun): readonly number[] {
  let bySettings = plans.get(rules);
  if (!bySettings) plans.set(rules, (bySettings = new WeakMap()));
  let bySignature = bySettings.get(file.settings);
  if (!bySignature) bySettings.set(file.settings, (bySignature = new Map<string, readonly number[]>()));
  const signature = [...emitted].sort().join(',');
  let indices = bySignature.get(signature);
  if (!indices) {
    const chosen: number[] = [];
    for (let index = 0; index < rules.length; index++) {
      const keys = staticVisitorKeys(rules[index]!, file);
      if (!keys || keys.some((key) => emitted.has(key))) chosen.push(index);
    }
    // Files differ in the instruction keywords they use: a few hundred sets at most in practice.
    if (bySignature.size >= 4096) bySignature.clear();
    bySignature.set(signature, (indices = chosen));
  }
  return indices;
}

const plans = new WeakMap<readonly EnabledRule[], WeakMap<Readonly<Record<string, unknown>>, Map<string, readonly number[]>>>();

/**
 * The visitor keys a rule returns with these options, when its `create` reads nothing of the file:
 * learnt once per rule and options array (the config resolver shares them between files) by calling
 * `create` on a context that notes every read of the file, its project or `report` (reading `options`
 * and `id` is fine). Such a rule listens to the same keys on every file, so a file with none of them
 * need not create it. A rule that reads the settings (a config's, shared by the files of the config)
 * is learnt once per options array and settings object. `null` when `create` read the file (or threw):
 * it is created for every file, as its keys may depend on the file.
 */
function staticVisitorKeys(enabled: EnabledRule, file: FileRun): readonly string[] | null {
  let byOptions = visitorKeysByRule.get(enabled.rule);
  if (!byOptions) visitorKeysByRule.set(enabled.rule, (byOptions = new WeakMap()));
  const known = byOptions.get(enabled.options);
  if (known !== undefined && !(known instanceof WeakMap)) return known;
  const learnt = known?.get(file.settings);
  if (learnt !== undefined) return learnt;
  let read = false;
  let readSettings = false;
  const note = (): void => {
    read = true;
  };
  const noteSettings = (): void => {
    readSettings = true;
  };
  const watched = <T extends object>(value: T, onRead: () => void = note): T =>
    new Proxy(value, {
      get: (target, key) => (onRead(), Reflect.get(target, key)),
      has: (target, key) => (onRead(), Reflect.has(target, key)),
      ownKeys: (target) => (onRead(), Reflect.ownKeys(target)),
      getOwnPropertyDescriptor: (target, key) => (onRead(), Reflect.getOwnPropertyDescriptor(target, key)),
      getPrototypeOf: (target) => (onRead(), Reflect.getPrototypeOf(target)),
      apply: (target, self, args) => (onRead(), Reflect.apply(target as (...args: unknown[]) => unknown, self, args)),
    });
  const probe = {
    id: enabled.id,
    options: enabled.options,
    get filename(): string {
      note();
      return file.parsed.file.path;
    },
    sourceFile: watched(file.parsed.file),
    parsed: watched(file.parsed),
    project: watched(file.project),
    settings: watched(file.settings, noteSettings),
    report: note,
  };
  let keys: readonly string[] | null = null;
  try {
    const listener = enabled.rule.create(probe) as Record<string, unknown>;
    if (!read) keys = Object.keys(listener).filter((key) => typeof listener[key] === 'function');
  } catch {
    keys = null;
  }
  if (read) keys = null;
  if (keys && readSettings) {
    // Settings objects come and go with configs: the answers for them are held weakly.
    const bySettings = known ?? new WeakMap<Readonly<Record<string, unknown>>, readonly string[]>();
    bySettings.set(file.settings, keys);
    byOptions.set(enabled.options, bySettings);
  } else {
    byOptions.set(enabled.options, keys);
  }
  return keys;
}

/** Per rule and options array: its visitor keys, `null`, or (for a rule that reads the settings) its keys per settings object. */
const visitorKeysByRule = new WeakMap<
  AnyRule,
  WeakMap<readonly unknown[], readonly string[] | null | WeakMap<Readonly<Record<string, unknown>>, readonly string[]>>
>();

/** What the contexts of one file share. */
class FileRun {
  constructor(
    readonly parsed: ParsedFile,
    readonly project: ProjectFacts,
    readonly settings: Readonly<Record<string, unknown>>,
    readonly messages: LintMessage[],
  ) {}
}

/** A rule's context on one file: plain fields, and `report` on the prototype (one small object per rule and file). */
class Context implements RuleContext<string, readonly unknown[]> {
  readonly id: string;
  readonly options: readonly unknown[];
  readonly filename: string;
  readonly sourceFile: SourceFile;
  readonly parsed: ParsedFile;
  readonly project: ProjectFacts;
  readonly settings: Readonly<Record<string, unknown>>;
  private fixer: RuleFixer | undefined;

  constructor(
    private readonly run: FileRun,
    private readonly enabled: EnabledRule,
  ) {
    this.id = enabled.id;
    this.options = enabled.options;
    this.parsed = run.parsed;
    this.sourceFile = run.parsed.file;
    this.filename = run.parsed.file.path;
    this.project = run.project;
    this.settings = run.settings;
    // Rules may pass `context.report` around unbound.
    this.report = this.report.bind(this);
  }

  report(descriptor: ReportDescriptor<string>): void {
    const { sourceFile: file, enabled, project } = this;
    const { id, rule, severity } = enabled;
    const range = clampRange(descriptor.range ?? descriptor.node?.range ?? [0, 0], file.text.length);
    const start = file.positionAt(range[0]);
    const end = file.positionAt(range[1]);
    let fix: LintMessage['fix'];
    if (descriptor.fix) {
      if (!rule.meta.fixable) throw new Error(`Rule "${id}" reported a fix but its meta.fixable is not set.`);
      const edits = this.buildFix(descriptor.fix);
      if (edits.length > 0) fix = { edits };
    }
    let suggestions: Suggestion[] | undefined;
    if (descriptor.suggest && descriptor.suggest.length > 0) {
      if (!rule.meta.hasSuggestions) throw new Error(`Rule "${id}" reported suggestions but meta.hasSuggestions is not set.`);
      suggestions = descriptor.suggest.flatMap((suggestion) => {
        const edits = this.buildFix(suggestion.fix);
        if (edits.length === 0) return [];
        return [{ messageId: suggestion.messageId, desc: formatMessage(rule, suggestion.messageId, suggestion.data), fix: { edits } }];
      });
    }
    // Built field by field, in this order (formatters write the keys as they come): spreading the
    // optional fields in cost an object copy each, for every problem.
    const message: Writable<LintMessage> = {
      ruleId: id,
      severity: descriptor.severity === 'warn' ? 1 : severity,
      message: formatMessage(rule, descriptor.messageId, descriptor.data),
      messageId: descriptor.messageId,
    } as Writable<LintMessage>;
    if (descriptor.code !== undefined) message.code = descriptor.code;
    if (descriptor.secretRanges && descriptor.secretRanges.length > 0) {
      message.secretRanges = descriptor.secretRanges.map((secret) => clampRange(secret, file.text.length));
    }
    message.line = start.line;
    message.column = start.column;
    message.endLine = end.line;
    message.endColumn = end.column;
    message.range = range;
    if (fix) message.fix = fix;
    if (suggestions && suggestions.length > 0) message.suggestions = suggestions;
    if (descriptor.related) message.related = descriptor.related.map((related) => toRelated(project, related));
    this.run.messages.push(message);
  }

  private buildFix(fix: FixFunction): readonly FileEdit[] {
    // The fixer is built on the first fix: most rules on most files report none.
    const produced = fix((this.fixer ??= createRuleFixer(this.filename)));
    if (produced === null) return [];
    return isEditList(produced) ? produced : [produced];
  }
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Fills `{{name}}` placeholders from `data`, as ESLint does; unknown placeholders stay as written. */
function formatMessage(rule: AnyRule, messageId: string, data: Readonly<Record<string, string | number>> | undefined): string {
  const template = (rule.meta.messages as Record<string, string>)[messageId];
  if (template === undefined) throw new Error(`Rule "${rule.name}" has no message "${messageId}".`);
  const parts = templateParts(template);
  let message = parts[0]!;
  for (let index = 1; index < parts.length; index += 3) {
    const key = parts[index + 1]!;
    message += (data && key in data ? String(data[key]) : parts[index]!) + parts[index + 2]!;
  }
  return message;
}

/**
 * A message template cut at its placeholders, once per template (a report is formatted for every
 * problem): the text before the first, then per placeholder its whole text, its key and the text
 * after it.
 */
function templateParts(template: string): readonly string[] {
  let parts = templatePartsCache.get(template);
  if (parts) return parts;
  const cut: string[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)) {
    cut.push(template.slice(last, match.index), match[0], match[1]!);
    last = match.index + match[0].length;
  }
  cut.push(template.slice(last));
  parts = cut;
  // Templates come from rule metadata: a bounded set, unless a plugin makes them up as it goes.
  if (templatePartsCache.size >= 10_000) templatePartsCache.clear();
  templatePartsCache.set(template, parts);
  return parts;
}

const templatePartsCache = new Map<string, readonly string[]>();

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

