// The ESLint adapter under real ESLint (the `ESLint` class of the workspace's eslint 9): the same
// findings as `lintProject` on copies of the example projects (rule, position, message, which
// problems carry a fix or suggestions), and `eslint --fix` writes the bytes our applier writes for
// the fixes ESLint can express (those that stay in the linted file).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyFixes, lintProject, loadBuiltinPlugins, type ConfigObject, type LintMessage, type LintResult, type Plugin } from '@docmind-docker-lint/core';
import { ESLint, type Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The workspace links the package once `pnpm install` has run; its source path works either way.
import plugin, { createPlugin } from '../../packages/eslint-plugin/src/index.js';

const root = path.resolve(import.meta.dirname, '../..');
const PREFIX = 'docmind-docker-lint/';
const EXAMPLES = ['broken-streamlit-app', 'hardened-streamlit-app'] as const;

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'docmind-eslint-adapter-'));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

let copies = 0;
function copyExample(name: string): string {
  const target = path.join(work, `${name}-${++copies}`);
  cpSync(path.join(root, 'examples', name), target, { recursive: true });
  return target;
}

function configs(...names: string[]): Linter.Config[] {
  return names.flatMap((name) => plugin.configs[name]!);
}

// ESLint's own types accept the plugin and its configs (checked by `pnpm typecheck`).
const typed: { plugin: ESLint.Plugin; configs: Linter.Config[] } = { plugin, configs: plugin.configs['recommended']! };

function eslintFor(cwd: string, config: Linter.Config[], fix = false): ESLint {
  return new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, fix });
}

interface Finding {
  readonly file: string;
  readonly rule: string | null;
  readonly line: number;
  readonly column: number;
  readonly endLine: number | undefined;
  readonly endColumn: number | undefined;
  readonly message: string;
  /** `fix` for a fix ESLint can apply, `suggest:N` for suggestions it can show. */
  readonly fixes: string;
}

/** Our fixes as ESLint can have them: only those whose edits all stay in the problem's own file. */
function localFixes(message: LintMessage, filePath: string): string {
  const local = (edits: readonly { file: string; create?: boolean }[]): boolean =>
    edits.length > 0 && edits.every((edit) => !edit.create && edit.file === filePath);
  const suggestions = (message.suggestions ?? []).filter((suggestion) => local(suggestion.fix.edits)).length;
  return [message.fix && local(message.fix.edits) ? 'fix' : '', suggestions > 0 ? `suggest:${suggestions}` : ''].filter(Boolean).join(' ');
}

function ours(results: readonly LintResult[], cwd: string): Finding[] {
  return results
    .flatMap((result) =>
      result.messages.map((m) => ({
        file: path.relative(cwd, result.filePath),
        rule: m.ruleId,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        message: m.message,
        fixes: localFixes(m, result.filePath),
      })),
    )
    .sort(byPlace);
}

function theirs(results: readonly ESLint.LintResult[], cwd: string): Finding[] {
  return results
    .flatMap((result) =>
      result.messages.map((m) => ({
        file: path.relative(cwd, result.filePath),
        rule: m.ruleId?.startsWith(PREFIX) ? m.ruleId.slice(PREFIX.length) : m.ruleId,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        message: m.message,
        fixes: [m.fix ? 'fix' : '', m.suggestions?.length ? `suggest:${m.suggestions.length}` : ''].filter(Boolean).join(' '),
      })),
    )
    .sort(byPlace);
}

function byPlace(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || String(a.rule).localeCompare(String(b.rule)) || a.message.localeCompare(b.message);
}

/**
 * Our side of each comparison, and the flat config that says the same: the examples' own config
 * (`extends: ["docmind"]`, over the `recommended` preset the CLI applies by default), and every rule.
 */
const SETUPS: { name: string; eslint: () => Linter.Config[]; ours: { useConfigFiles?: boolean; baseConfig?: ConfigObject } }[] = [
  { name: 'recommended + docmind (the example config)', eslint: () => configs('recommended', 'docmind'), ours: {} },
  { name: 'all', eslint: () => configs('all'), ours: { useConfigFiles: false, baseConfig: { extends: ['all'] } } },
];

describe('ESLint with the plugin finds what lintProject finds', () => {
  for (const example of EXAMPLES) {
    for (const setup of SETUPS) {
      it(`${example}, ${setup.name}`, async () => {
        const cwd = copyExample(example);
        const expected = ours(await lintProject({ cwd, ...setup.ours }), cwd);
        const found = theirs(await eslintFor(cwd, setup.eslint()).lintFiles(['.']), cwd);
        expect(found).toEqual(expected);
        if (setup.name === 'all') expect(found.length).toBeGreaterThan(0);
        if (example === 'broken-streamlit-app') {
          // Not vacuous: the broken example has problems in both languages, with fixes and suggestions.
          expect(found.map((finding) => finding.file)).toEqual(expect.arrayContaining(['Dockerfile', 'compose.yaml']));
          expect(found.some((finding) => finding.fixes.includes('fix'))).toBe(true);
          expect(found.some((finding) => finding.fixes.includes('suggest'))).toBe(true);
        }
      });
    }
  }

  it('has the presets as flat-config arrays, one object per language', async () => {
    const packs = await loadBuiltinPlugins();
    const presets = new Set(['all', ...packs.flatMap((pack) => Object.keys(pack.configs ?? {}))]);
    expect(Object.keys(typed.plugin.configs!).sort()).toEqual([...presets].sort());
    expect([...presets]).toEqual(expect.arrayContaining(['all', 'docmind', 'recommended']));
    expect(typed.configs.map((config) => config.language)).toEqual([`${PREFIX}dockerfile`, `${PREFIX}compose`]);
    expect(Object.keys(typed.configs[0]!.rules!)).toEqual(expect.arrayContaining([`${PREFIX}python-version-pin`, `${PREFIX}pip-no-cache-dir`, `${PREFIX}require-restart-policy`]));
  });

  it('reports a problem whose only fix creates another file (.dockerignore) without a fix', async () => {
    const cwd = copyExample('broken-streamlit-app');
    const [ourDockerfile] = (await lintProject({ cwd, patterns: ['Dockerfile'] })).filter((result) => result.filePath.endsWith('Dockerfile'));
    const ourFinding = ourDockerfile!.messages.find((m) => m.ruleId === 'dockerignore-secrets');
    expect(ourFinding?.fix?.edits).toEqual([expect.objectContaining({ file: path.join(cwd, '.dockerignore'), create: true })]);
    const [result] = await eslintFor(cwd, configs('recommended', 'docmind')).lintFiles(['Dockerfile']);
    const finding = result!.messages.find((m) => m.ruleId === `${PREFIX}dockerignore-secrets`);
    expect(finding).toMatchObject({ line: ourFinding!.line, column: ourFinding!.column });
    expect(finding?.fix).toBeUndefined();
  });
});

describe('eslint --fix writes what our applier writes', () => {
  for (const example of EXAMPLES) {
    for (const setup of SETUPS) {
      it(`${example}, ${setup.name}`, async () => {
        const ourCopy = copyExample(example);
        const eslintCopy = copyExample(example);
        // Fixes that stay in their own file: the ones ESLint can express. Every cross-file fix of the
        // examples creates a file, so "no created file, one file" is that set here.
        const firstPass = await lintProject({ cwd: ourCopy, ...setup.ours });
        for (const result of firstPass) {
          for (const m of result.messages) {
            const files = new Set((m.fix?.edits ?? []).map((edit) => edit.file));
            if (files.size > 0 && !files.has(result.filePath)) expect(m.fix!.edits.every((edit) => edit.create)).toBe(true);
          }
        }
        const fixed = await lintProject({
          cwd: ourCopy,
          ...setup.ours,
          fix: (m) => m.fix!.edits.every((edit) => !edit.create && edit.file === m.fix!.edits[0]!.file),
        });
        const written = await applyFixes(fixed, { root: ourCopy });
        expect(written.every((write) => write.ok)).toBe(true);

        const results = await eslintFor(eslintCopy, setup.eslint(), true).lintFiles(['.']);
        await ESLint.outputFixes(results);

        for (const file of ['Dockerfile', 'compose.yaml']) {
          const original = readFileSync(path.join(root, 'examples', example, file), 'utf8');
          const ourText = readFileSync(path.join(ourCopy, file), 'utf8');
          expect(readFileSync(path.join(eslintCopy, file), 'utf8'), file).toBe(ourText);
          if (example === 'broken-streamlit-app') expect(ourText, file).not.toBe(original);
        }
        // ESLint cannot create the missing .dockerignore; our applier was not asked to either.
        expect(readFileSync(path.join(eslintCopy, 'pyproject.toml'), 'utf8')).toBe(readFileSync(path.join(ourCopy, 'pyproject.toml'), 'utf8'));
      });
    }
  }
});

describe('directives, parse errors and failing rules', () => {
  it('honours our directives, hadolint pragmas and ESLint disable comments', async () => {
    const cwd = mkdtempSync(path.join(work, 'directives-'));
    writeFileSync(
      path.join(cwd, 'Dockerfile'),
      [
        '# hadolint ignore=DL3007',
        'FROM node:latest',
        '# docmind-docker-lint-disable-next-line no-add',
        'ADD a.txt /a.txt',
        '# eslint-disable-next-line docmind-docker-lint/no-add -- kept for the test',
        'ADD b.txt /b.txt',
        'ADD c.txt /c.txt',
        '',
      ].join('\n'),
    );
    const rules = { [`${PREFIX}from-image-pinned`]: 'error', [`${PREFIX}no-add`]: 'error' } as const;
    const config: Linter.Config[] = [{ ...plugin.configs['recommended']![0], rules }];
    const [result] = await eslintFor(cwd, config).lintFiles(['Dockerfile']);
    expect(result!.messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual([`7 ${PREFIX}no-add`]);
    expect(result!.suppressedMessages.map((m) => `${m.line} ${m.ruleId}`)).toEqual([`6 ${PREFIX}no-add`]);
    // Without the pragmas, the rules report where our CLI would.
    const ourResult = await lintProject({ cwd, useConfigFiles: false, rules: { 'from-image-pinned': 'error', 'no-add': 'error' } });
    expect(ourResult[0]!.messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual(['6 no-add', '7 no-add']);
  });

  it('reports a YAML syntax error as a fatal parsing error', async () => {
    const cwd = mkdtempSync(path.join(work, 'yaml-'));
    writeFileSync(path.join(cwd, 'compose.yaml'), 'services:\n  app:\n    image: "unterminated\n');
    const [result] = await eslintFor(cwd, configs('recommended')).lintFiles(['compose.yaml']);
    const [ourResult] = await lintProject({ cwd, patterns: ['compose.yaml'] });
    const ourFatal = ourResult!.messages.filter((m) => m.fatal);
    expect(ourFatal).toHaveLength(1);
    // ESLint runs no rule on a file that does not parse; the problem is ours, at our position.
    expect(result!.messages).toEqual([
      expect.objectContaining({ ruleId: null, fatal: true, line: ourFatal[0]!.line, column: ourFatal[0]!.column, message: `Parsing error: ${ourFatal[0]!.message}` }),
    ]);
  });

  it('reports a rule that throws once, at 1:1, and runs the other rules', async () => {
    const createRule = (await import('@docmind-docker-lint/core')).createRule;
    const throwing = createRule({
      name: 'throws',
      meta: { type: 'problem', docs: { description: 'Throws.' }, messages: { never: 'Never.' }, schema: [], defaultOptions: [] },
      create: () => ({
        Instruction() {
          throw new Error('boom');
        },
      }),
    });
    const reporting = createRule({
      name: 'every-from',
      meta: { type: 'problem', docs: { description: 'Every FROM.' }, messages: { from: 'FROM {{image}}.' }, schema: [], defaultOptions: [] },
      create: (context) => ({ FROM: (node) => context.report({ node, messageId: 'from', data: { image: node.args[0]?.value ?? '' } }) }),
    });
    const pack: Plugin = { meta: { name: 'test-pack', namespace: 'test' }, rules: { throws: throwing, 'every-from': reporting } };
    const custom = await createPlugin([pack]);
    const cwd = mkdtempSync(path.join(work, 'throws-'));
    writeFileSync(path.join(cwd, 'Dockerfile'), 'FROM a\nFROM b\n');
    const config: Linter.Config[] = [custom.configs['all']![0]!];
    const [result] = await eslintFor(cwd, config).lintFiles(['Dockerfile']);
    expect(result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)).toEqual([
      `1:1 ${PREFIX}test/throws Rule "test/throws" failed on this file: boom`,
      `1:1 ${PREFIX}test/every-from FROM a.`,
      `2:1 ${PREFIX}test/every-from FROM b.`,
    ]);
  });
});
