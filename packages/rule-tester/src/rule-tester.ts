import path from 'node:path';
import {
  lintText,
  MemoryHost,
  type AnyRule,
  type LintMessage,
  type LintResult,
  type Plugin,
  type RuleEntry,
} from '@docmind-docker-lint/core';
import { applyFixPass, type FileText, type Fix } from '@docmind-docker-lint/fixer';
import { describe, expect, it } from 'vitest';

/** The folder virtual projects live in. */
export const VIRTUAL_ROOT = path.resolve('/virtual-project');

interface CaseBase {
  /** A name for the test; defaults to the code. */
  readonly name?: string;
  /** The text of the linted file. */
  readonly code: string;
  /** Path of the linted file relative to the virtual root. Default `Dockerfile`. */
  readonly filename?: string;
  /** Other files of the virtual project (relative path -> text). */
  readonly files?: Readonly<Record<string, string>>;
  /** Permission bits of files, for rules that check the execute bit (relative path -> mode). */
  readonly modes?: Readonly<Record<string, number>>;
  readonly options?: readonly unknown[];
  readonly settings?: Readonly<Record<string, unknown>>;
  readonly only?: boolean;
}

export type ValidCase = CaseBase | string;

export interface ExpectedSuggestion {
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  /** The linted file after applying only this suggestion. */
  readonly output: string;
  /** Other files after applying it (relative path -> text). */
  readonly outputFiles?: Readonly<Record<string, string>>;
}

export interface ExpectedError {
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** Omit to skip checking; `[]` asserts there are none. */
  readonly suggestions?: readonly ExpectedSuggestion[];
  /** Related locations (file relative to the virtual root); omit to skip checking. */
  readonly related?: readonly ExpectedRelated[];
}

export interface ExpectedRelated {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** Checked when given. */
  readonly message?: string;
}

export interface InvalidCase extends CaseBase {
  readonly errors: readonly ExpectedError[];
  /**
   * The linted file after one pass of fixes (a string), after each pass (a list), or `null` to assert
   * that nothing is fixed.
   */
  readonly output: string | readonly string[] | null;
  /** Other files after all passes of fixes (relative path -> text); cross-file fixes. */
  readonly outputFiles?: Readonly<Record<string, string>>;
}

export interface RuleTesterCases {
  readonly valid: readonly ValidCase[];
  readonly invalid: readonly InvalidCase[];
}

/**
 * ESLint's RuleTester, for this linter: every case runs the rule alone over a virtual project held in
 * memory, and positions, messages, fixes (pass by pass) and suggestions are checked exactly. It fails
 * duplicate cases, a fix whose output does not parse, and a rule without a docs URL.
 */
export class RuleTester {
  run(ruleId: string, rule: AnyRule, cases: RuleTesterCases): void {
    describe(ruleId, () => {
      it('has a docs URL, a description and messages', () => {
        expect(rule.meta.docs.url, 'meta.docs.url').toMatch(/^https?:\/\//);
        expect(rule.meta.docs.description.length).toBeGreaterThan(0);
        expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
      });
      it('has no duplicate cases', () => {
        const seen = new Set<string>();
        for (const testCase of [...cases.valid, ...cases.invalid]) {
          const key = JSON.stringify(typeof testCase === 'string' ? { code: testCase } : { ...testCase, name: undefined });
          expect(seen.has(key), `duplicate case: ${key.slice(0, 200)}`).toBe(false);
          seen.add(key);
        }
      });
      describe('valid', () => {
        for (const raw of cases.valid) {
          const testCase = typeof raw === 'string' ? { code: raw } : raw;
          (testCase.only ? it.only : it)(caseName(testCase), async () => {
            const result = await lintCase(ruleId, rule, testCase, testCase.code);
            expect(describeMessages(result.messages)).toEqual([]);
          });
        }
      });
      describe('invalid', () => {
        for (const testCase of cases.invalid) {
          (testCase.only ? it.only : it)(caseName(testCase), async () => {
            await checkInvalid(ruleId, rule, testCase);
          });
        }
      });
    });
  }
}

async function checkInvalid(ruleId: string, rule: AnyRule, testCase: InvalidCase): Promise<void> {
  expect(testCase.errors.length, 'an invalid case needs at least one error').toBeGreaterThan(0);
  const result = await lintCase(ruleId, rule, testCase, testCase.code);
  const fatal = result.messages.filter((message) => message.ruleId !== ruleId);
  expect(describeMessages(fatal), 'parse or internal errors').toEqual([]);
  const messages = result.messages;
  expect(messages.map(actualError), 'errors').toEqual(testCase.errors.map(expectedShape));
  for (const [index, expected] of testCase.errors.entries()) {
    const message = messages[index]!;
    if (expected.data) expect(message.message).toBe(formatted(rule, expected.messageId, expected.data));
    if (expected.related) {
      expect(
        (message.related ?? []).map((related, relatedIndex) => ({
          file: path.relative(VIRTUAL_ROOT, related.filePath),
          line: related.line,
          column: related.column,
          endLine: related.endLine,
          endColumn: related.endColumn,
          ...(expected.related?.[relatedIndex]?.message !== undefined ? { message: related.message } : {}),
        })),
        `related locations of error ${index + 1}`,
      ).toEqual(expected.related);
    }
    if (expected.suggestions === undefined) continue;
    const actual = message.suggestions ?? [];
    expect(actual.map((suggestion) => suggestion.messageId), `suggestions of error ${index + 1}`).toEqual(
      expected.suggestions.map((suggestion) => suggestion.messageId),
    );
    for (const [suggestionIndex, suggestion] of expected.suggestions.entries()) {
      const files = applyOnce(projectFiles(testCase), [actual[suggestionIndex]!.fix]);
      if (suggestion.data) {
        expect(actual[suggestionIndex]!.desc).toBe(formatted(rule, suggestion.messageId, suggestion.data));
      }
      expect(files.get(linted(testCase))?.text, `output of suggestion ${suggestionIndex + 1}`).toBe(suggestion.output);
      await expectParses(ruleId, rule, testCase, suggestion.output);
      for (const [name, text] of Object.entries(suggestion.outputFiles ?? {})) {
        expect(files.get(path.resolve(VIRTUAL_ROOT, name))?.text, `suggestion output of ${name}`).toBe(text);
      }
    }
  }
  await checkFixOutput(ruleId, rule, testCase, result);
}

async function checkFixOutput(ruleId: string, rule: AnyRule, testCase: InvalidCase, first: LintResult): Promise<void> {
  const expectedPasses = testCase.output === null ? [] : typeof testCase.output === 'string' ? [testCase.output] : testCase.output;
  if (testCase.output === null) {
    expect(first.messages.filter((message) => message.fix).map(actualError), 'fixes (output: null)').toEqual([]);
    return;
  }
  if (rule.meta.fixable === undefined) throw new Error(`Rule "${ruleId}" has an output but no meta.fixable.`);
  let files = projectFiles(testCase);
  let result = first;
  for (const [index, expected] of expectedPasses.entries()) {
    const fixes = result.messages.flatMap((message) => (message.fix ? [message.fix] : []));
    files = applyOnce(files, fixes);
    const text = files.get(linted(testCase))?.text;
    expect(text, `output after pass ${index + 1}`).toBe(expected);
    result = await lintCase(ruleId, rule, { ...testCase, files: relativeFiles(files, testCase) }, expected);
    expect(describeMessages(result.messages.filter((message) => message.fatal)), 'fix output must parse').toEqual([]);
  }
  for (const [name, text] of Object.entries(testCase.outputFiles ?? {})) {
    expect(files.get(path.resolve(VIRTUAL_ROOT, name))?.text, `output of ${name}`).toBe(text);
  }
}

async function expectParses(ruleId: string, rule: AnyRule, testCase: CaseBase, code: string): Promise<void> {
  const result = await lintCase(ruleId, rule, testCase, code);
  expect(describeMessages(result.messages.filter((message) => message.fatal)), 'suggestion output must parse').toEqual([]);
}

async function lintCase(ruleId: string, rule: AnyRule, testCase: CaseBase, code: string): Promise<LintResult> {
  const plugin: Plugin = { meta: { name: 'rule-under-test' }, rules: { [ruleId]: rule } };
  const entry: RuleEntry = ['error', ...(testCase.options ?? [])];
  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries(testCase.files ?? {})) files[path.resolve(VIRTUAL_ROOT, name)] = text;
  const modes: Record<string, number> = {};
  for (const [name, mode] of Object.entries(testCase.modes ?? {})) modes[path.resolve(VIRTUAL_ROOT, name)] = mode;
  const [result] = await lintText(code, {
    cwd: VIRTUAL_ROOT,
    filePath: testCase.filename ?? 'Dockerfile',
    host: new MemoryHost(files, modes),
    plugins: [plugin],
    useConfigFiles: false,
    rules: { [ruleId]: entry },
    ...(testCase.settings ? { baseConfig: { settings: testCase.settings } } : {}),
  });
  return result!;
}

function projectFiles(testCase: CaseBase): Map<string, FileText | undefined> {
  const files = new Map<string, FileText | undefined>();
  for (const [name, text] of Object.entries(testCase.files ?? {})) files.set(path.resolve(VIRTUAL_ROOT, name), { text, bom: false });
  files.set(linted(testCase), { text: testCase.code, bom: false });
  return files;
}

function relativeFiles(files: ReadonlyMap<string, FileText | undefined>, testCase: CaseBase): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [filePath, file] of files) {
    if (file && filePath !== linted(testCase)) out[path.relative(VIRTUAL_ROOT, filePath)] = file.text;
  }
  return out;
}

function applyOnce(files: Map<string, FileText | undefined>, fixes: readonly Fix[]): Map<string, FileText | undefined> {
  // Files a fix creates are known not to exist (rather than not loaded).
  const known = new Map(files);
  for (const fix of fixes) for (const edit of fix.edits) if (!known.has(edit.file)) known.set(edit.file, undefined);
  const pass = applyFixPass(known, fixes);
  return new Map([...known, ...pass.files]);
}

function linted(testCase: CaseBase): string {
  return path.resolve(VIRTUAL_ROOT, testCase.filename ?? 'Dockerfile');
}

function caseName(testCase: CaseBase): string {
  return testCase.name ?? testCase.code.slice(0, 120);
}

function actualError(message: LintMessage) {
  return {
    messageId: message.messageId ?? message.message,
    line: message.line,
    column: message.column,
    endLine: message.endLine,
    endColumn: message.endColumn,
  };
}

function expectedShape(error: ExpectedError) {
  return {
    messageId: error.messageId,
    line: error.line,
    column: error.column,
    endLine: error.endLine,
    endColumn: error.endColumn,
  };
}

function describeMessages(messages: readonly LintMessage[]): string[] {
  return messages.map((message) => `${message.line}:${message.column} ${message.ruleId ?? 'fatal'}: ${message.message}`);
}

function formatted(rule: AnyRule, messageId: string, data: Readonly<Record<string, string | number>>): string {
  const template = (rule.meta.messages as Record<string, string>)[messageId] ?? '';
  return template.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}
