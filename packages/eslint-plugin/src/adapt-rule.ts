import path from 'node:path';
import {
  applyDirectives,
  type AnyRule,
  type FileEdit,
  type FixFunction,
  type OffsetRange,
  type ReportDescriptor,
  type RuleContext,
  type RuleFixer,
  type RuleListener,
} from '@docmind-docker-lint/core';
import { DockerSourceCode, isInside } from './source-code.js';

/** The part of ESLint's rule context the adapter reads. */
export interface EslintRuleContext {
  readonly options: readonly unknown[];
  readonly settings: Readonly<Record<string, unknown>>;
  readonly cwd: string;
  readonly sourceCode: unknown;
  report(descriptor: EslintReport): void;
}

interface EslintFix {
  readonly range: readonly [number, number];
  readonly text: string;
}

export interface EslintReport {
  readonly message?: string;
  readonly messageId?: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly loc: { readonly start: { line: number; column: number }; readonly end: { line: number; column: number } };
  readonly fix?: () => EslintFix[];
  readonly suggest?: { messageId: string; data?: Readonly<Record<string, string | number>>; fix: () => EslintFix[] }[];
}

export interface EslintRule {
  readonly meta: Record<string, unknown>;
  create(context: EslintRuleContext): Record<string, (node: never) => void>;
}

/** Visitor keys of our listeners that are not instruction keywords. */
const STRUCTURAL_KEYS: ReadonlySet<string> = new Set([
  'Dockerfile',
  'Dockerfile:exit',
  'Stage',
  'Stage:exit',
  'Instruction',
  'ComposeFile',
  'ComposeFile:exit',
  'Service',
  // Visited by our CLI; no ESLint language here produces these nodes.
  'Dockerignore',
  'EnvFile',
  'Pyproject',
]);

/**
 * Wraps one of our rules as an ESLint rule. The rule object is ours, unchanged: its `create` gets our
 * context, built from ESLint's (options, settings, the file's parse, a project model over the file's
 * folder), and its visitors run in ESLint's traversal. Its reports become ESLint reports:
 *
 * - positions are the core's (1-based lines and columns, exclusive ends), given to ESLint as `loc`;
 * - fixes and suggestions whose edits all stay in the linted file become ESLint fixes and suggestions;
 *   a fix that edits or creates another file (a missing `.dockerignore`) cannot be expressed in ESLint
 *   and is dropped, so the problem is reported without it;
 * - `severity: 'warn'` on a report is ignored: ESLint has one severity per rule;
 * - `related` locations are dropped: ESLint messages have none;
 * - problems that our directives or the peers' pragmas silence (`# hadolint ignore=DL3006`) are not
 *   reported, as in our CLI; ESLint's own `# eslint-disable...` comments are ESLint's business.
 *
 * A rule that throws (in `create`, a visitor or a fix) is reported once as a problem of that rule at
 * 1:1, and the other rules go on, as in our linter; ESLint would stop the whole run.
 */
export function adaptRule(id: string, rule: AnyRule): EslintRule {
  const { meta } = rule;
  return {
    meta: {
      type: meta.type,
      docs: {
        description: meta.docs.description,
        ...(meta.docs.recommended !== undefined ? { recommended: meta.docs.recommended } : {}),
        ...(meta.docs.url !== undefined ? { url: meta.docs.url } : {}),
      },
      messages: meta.messages,
      schema: meta.schema,
      defaultOptions: meta.defaultOptions,
      ...(meta.fixable ? { fixable: meta.fixable } : {}),
      ...(meta.hasSuggestions ? { hasSuggestions: true } : {}),
      ...(meta.deprecated ? { deprecated: true } : {}),
    },
    create(eslintContext) {
      const sourceCode = eslintContext.sourceCode;
      // Configured for a file of another language (a JavaScript file): nothing to do there.
      if (!(sourceCode instanceof DockerSourceCode)) return {};
      return createVisitors(id, rule, eslintContext, sourceCode);
    },
  };
}

function createVisitors(
  id: string,
  rule: AnyRule,
  eslintContext: EslintRuleContext,
  sourceCode: DockerSourceCode,
): Record<string, (node: never) => void> {
  const parsed = sourceCode.ast;
  const { file } = parsed;
  const root = isInside(eslintContext.cwd, file.path) ? eslintContext.cwd : path.dirname(file.path);
  const project = sourceCode.projectFor(root);
  let failed = false;
  const fail = (error: unknown): void => {
    if (failed) return;
    failed = true;
    eslintContext.report({
      message: `Rule "${id}" failed on this file: ${error instanceof Error ? error.message : String(error)}`,
      loc: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    });
  };

  const fixer = createFixer(file.path);
  /** The edits of a fix as ESLint fixes, or `undefined` when one of them leaves the linted file. */
  const localEdits = (fix: FixFunction): EslintFix[] | undefined => {
    const produced = fix(fixer);
    const edits: readonly FileEdit[] = produced === null ? [] : Array.isArray(produced) ? produced : [produced as FileEdit];
    if (edits.some((edit) => edit.create || path.resolve(edit.file) !== file.path)) return undefined;
    return edits.map((edit) => ({ range: [edit.range[0], edit.range[1]], text: edit.text }));
  };

  const context: RuleContext<string, readonly unknown[]> = {
    id,
    options: eslintContext.options,
    filename: file.path,
    sourceFile: file,
    parsed,
    project,
    settings: eslintContext.settings,
    report(descriptor: ReportDescriptor<string>): void {
      const range = clampRange(descriptor.range ?? descriptor.node?.range ?? [0, 0], file.text.length);
      const loc = sourceCode.getLoc({ range });
      if (isSilenced(sourceCode, id, rule, loc, range)) return;
      let fix: EslintFix[] | undefined;
      if (descriptor.fix) {
        if (!rule.meta.fixable) throw new Error(`Rule "${id}" reported a fix but its meta.fixable is not set.`);
        fix = localEdits(descriptor.fix);
      }
      const suggest: NonNullable<EslintReport['suggest']> = [];
      if (descriptor.suggest && descriptor.suggest.length > 0) {
        if (!rule.meta.hasSuggestions) throw new Error(`Rule "${id}" reported suggestions but meta.hasSuggestions is not set.`);
        for (const suggestion of descriptor.suggest) {
          const edits = localEdits(suggestion.fix);
          if (!edits || edits.length === 0) continue;
          suggest.push({ messageId: suggestion.messageId, ...(suggestion.data ? { data: suggestion.data } : {}), fix: () => edits });
        }
      }
      eslintContext.report({
        messageId: descriptor.messageId,
        ...(descriptor.data ? { data: descriptor.data } : {}),
        loc,
        ...(fix && fix.length > 0 ? { fix: () => fix } : {}),
        ...(suggest.length > 0 ? { suggest } : {}),
      });
    },
  };

  let listener: RuleListener;
  try {
    listener = rule.create(context);
  } catch (error) {
    fail(error);
    return {};
  }
  const visitors: Record<string, (node: never) => void> = {};
  const guard =
    (visit: (node: never) => void) =>
    (node: never): void => {
      if (failed) return;
      try {
        visit(node);
      } catch (error) {
        fail(error);
      }
    };
  const listeners = listener as Record<string, ((node: never) => void) | undefined>;
  const keywords = Object.keys(listeners).filter((key) => !STRUCTURAL_KEYS.has(key) && typeof listeners[key] === 'function');
  for (const key of STRUCTURAL_KEYS) {
    const visit = listeners[key];
    if (typeof visit === 'function' && key !== 'Instruction') visitors[key] = guard(visit);
  }
  // The core's linter calls `Instruction`, then the visitor named by the instruction's keyword (`FROM`).
  if (typeof listeners['Instruction'] === 'function' || keywords.length > 0) {
    visitors['Instruction'] = guard((node: never) => {
      const keyword = (node as { keyword: string }).keyword;
      listeners['Instruction']?.(node);
      if (!STRUCTURAL_KEYS.has(keyword)) listeners[keyword]?.(node);
    });
  }
  return visitors;
}

/** Whether our directives or a peer's pragma silence a problem of this rule at this place. */
function isSilenced(
  sourceCode: DockerSourceCode,
  id: string,
  rule: AnyRule,
  loc: { start: { line: number; column: number }; end: { line: number; column: number } },
  range: OffsetRange,
): boolean {
  const directives = sourceCode.directives();
  if (directives.length === 0) return false;
  const message = {
    ruleId: id,
    severity: 2 as const,
    message: '',
    line: loc.start.line,
    column: loc.start.column,
    endLine: loc.end.line,
    endColumn: loc.end.column,
    range,
  };
  const applied = applyDirectives([message], directives, (ruleId) => (ruleId === id ? (rule.meta.docs.sources ?? {}) : undefined), { reportUnused: 0 }, (offset) =>
    sourceCode.ast.file.positionAt(offset),
  );
  return applied.suppressed.length > 0;
}

/** Our RuleFixer: edits as offsets into the linted file, or into another file by path. */
function createFixer(filePath: string): RuleFixer {
  const edit = (file: string, range: OffsetRange, text: string): FileEdit => ({ file: path.resolve(file), range: [range[0], range[1]], text });
  return {
    replaceTextRange: (range, text) => edit(filePath, range, text),
    insertTextBeforeRange: (range, text) => edit(filePath, [range[0], range[0]], text),
    insertTextAfterRange: (range, text) => edit(filePath, [range[1], range[1]], text),
    removeRange: (range) => edit(filePath, range, ''),
    replaceTextRangeIn: (file, range, text) => edit(file, range, text),
    createFile: (file, text) => ({ ...edit(file, [0, 0], text), create: true }),
  };
}

function clampRange(range: OffsetRange, length: number): OffsetRange {
  const start = Math.max(0, Math.min(range[0], length));
  return [start, Math.max(start, Math.min(range[1], length))];
}
