// Deeply nested YAML. `yaml` composes nodes by recursion and catches the stack overflow of a deep
// text; V8 could then compile a regular expression at the edge of the stack and abort the process
// ("FATAL ERROR: RegExpCompiler Allocation failed", seen on the second lint of a Compose file with
// 3,000 `[`), and the problems of the same text varied with the JIT's frame sizes (2,420 / 2,455 /
// 4,238). The core measures the nesting on yaml's CST first and composes nothing deeper than
// MAX_YAML_DEPTH (packages/core/src/parse/parse-yaml.ts).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MAX_YAML_DEPTH, parseCompose, parseYamlDocument, parseYamlDocuments, SourceFile } from '@docmind-docker-lint/core';
import { describe, expect, it } from 'vitest';
import { PAYLOADS, projectWith } from './support/pathological.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');

const compose = (text: string) => SourceFile.fromText('/p/compose.yaml', text, 'compose');
const problemsOf = (text: string) => parseCompose(compose(text)).parseProblems;

describe('deeply nested Compose files', () => {
  const deepTexts: Record<string, string> = {
    'brackets payload in every position': projectWith(PAYLOADS['brackets']!(3000))['compose.yaml'] as string,
    'braces payload in every position': projectWith(PAYLOADS['braces']!(3000))['compose.yaml'] as string,
    '10,000 nested flow sequences, closed': `services:\n  web:\n    command: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
    '3,000 nested block sequences': `x-deep:\n${'- '.repeat(3000)}x\n`,
    '3,000 nested block mappings': `x-deep:\n${Array.from({ length: 3000 }, (_, depth) => `${' '.repeat(depth + 1)}k:`).join('\n')} x\n`,
  };

  it.each(Object.entries(deepTexts))('%s: the same problems on every parse, one saying where it nests too deep', (_name, text) => {
    const first = problemsOf(text);
    for (let index = 0; index < 4; index++) expect(problemsOf(text)).toEqual(first);
    expect(first).toHaveLength(1);
    expect(first[0]!.message).toBe(`YAML collections nest more than ${MAX_YAML_DEPTH} levels deep; the file is not read further`);
    expect(['[', '{', '-', 'k']).toContain(text[first[0]!.range[0]]);
    expect(parseCompose(compose(text)).document).toBeNull();
  });

  it(`reads a file nesting ${MAX_YAML_DEPTH} levels deep, and points at the first collection one level deeper`, () => {
    const nested = (depth: number) => `services:\n  web:\n    x: ${'['.repeat(depth - 3)}1${']'.repeat(depth - 3)}\n`;
    const within = parseCompose(compose(nested(MAX_YAML_DEPTH)));
    expect(within.parseProblems).toEqual([]);
    expect(within.services.map((service) => service.name)).toEqual(['web']);
    const text = nested(MAX_YAML_DEPTH + 1);
    const deeper = parseCompose(compose(text));
    const offset = text.indexOf('[') + MAX_YAML_DEPTH - 3;
    expect(deeper.parseProblems.map((problem) => problem.range)).toEqual([[offset, offset + 1]]);
  });

  it('keeps yaml’s own errors, warnings and the empty stream as parseAllDocuments / parseDocument give them', () => {
    expect(parseYamlDocuments('').documents).toEqual([]);
    const { documents } = parseYamlDocuments('a: 1\n---\nb: [\n');
    expect(documents.map((document) => document.errors.map((error) => [error.code, error.pos]))).toEqual([[], [['BAD_INDENT', [14, 15]]]]);
    const single = parseYamlDocument('a: 1\n---\nb: 2\n');
    expect(single.document?.errors.map((error) => error.code)).toEqual(['MULTIPLE_DOCS']);
    expect(single.document?.toJS()).toEqual({ a: 1 });
    expect(parseYamlDocument('').document?.contents).toBeNull();
  });

  it('lints the brackets Compose file again and again in one process (lintText, parse, a reused LintSession) without dying', () => {
    // A child process: the failure was a fatal V8 error, which kills the process a test runs in.
    const tsx = pathToFileURL(path.join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href;
    const child = spawnSync(process.execPath, ['--import', tsx, '--conditions=source', path.join(here, 'support/lint-repeatedly.ts'), 'brackets', 'compose.yaml', '6'], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(child.stderr.match(/FATAL ERROR.*/)?.[0] ?? '', 'the child died').toBe('');
    expect(child.status).toBe(0);
    const counts = JSON.parse(child.stdout) as Record<'parse' | 'lintText' | 'session', number[]>;
    expect(counts).toEqual({ parse: [1, 1, 1, 1, 1, 1], lintText: [1, 1, 1, 1, 1, 1], session: [1, 1, 1, 1, 1, 1] });
  }, 150_000);
});
