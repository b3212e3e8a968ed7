import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { bindingKind, lazyImports } from './lazy-imports.mjs';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const core = path.join(root, 'packages/core');
const scratch = mkdtempSync(path.join(tmpdir(), 'lazy-imports-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Bundles `code` (an ES module importing from `yaml`) with the plugin, as the core's bundle would, runs it in a
 * child process (a fresh module cache) and returns what it prints, parsed as JSON.
 */
async function bundleAndRun(name: string, code: string): Promise<unknown> {
  const entry = path.join(core, `.lazy-imports-test-${name}.mjs`);
  writeFileSync(entry, code);
  const outfile = path.join(scratch, `${name}.mjs`);
  try {
    await build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      logLevel: 'silent',
      // The bundle's `createRequire(import.meta.url)` resolves from where the bundle is; here, the scratch
      // folder has no node_modules, so the test bundle resolves `yaml` through an absolute path instead.
      plugins: [lazyImports({ modules: ['yaml'], packageDir: core })],
      define: { 'import.meta.url': JSON.stringify(pathToFileURL(path.join(core, 'dist/x.js')).href) },
    });
  } finally {
    rmSync(entry, { force: true });
  }
  return JSON.parse(execFileSync(process.execPath, [outfile], { encoding: 'utf8' })) as unknown;
}

describe('lazyImports', () => {
  it('binds plain functions, classes, functions with properties and objects, by their kind', () => {
    expect(bindingKind(() => 1)).toBe('function');
    expect(bindingKind(function named() {})).toBe('function');
    expect(bindingKind(class {})).toBe('callable');
    expect(bindingKind(Object.assign(() => 1, { BREAK: Symbol('b') }))).toBe('callable');
    expect(bindingKind({ a: 1 })).toBe('object');
    expect(bindingKind('text')).toBeUndefined();
    expect(bindingKind(Symbol('s'))).toBeUndefined();
  });

  it('requires the module on first use, and behaves as the real exports', async () => {
    const result = await bundleAndRun(
      'yaml',
      `import { createRequire } from 'node:module';
import { isMap, isScalar, parseDocument, parse, visit, Scalar, YAMLMap, YAMLParseError, CST } from 'yaml';
const yamlPath = createRequire(${JSON.stringify(path.join(core, 'package.json'))}).resolve('yaml');
const require = createRequire(import.meta.url);
const loadedBefore = yamlPath in require.cache;
function run() {
  class Tagged extends YAMLMap { get tagged() { return true; } }
  const document = parseDocument('a: 1\\nb: [x, "y"]\\n');
  const seen = [];
  visit(document, { Scalar(_, node) { seen.push(node.value); if (node.value === 'x') return visit.BREAK; } });
  let error;
  try { parse('[unclosed'); } catch (caught) { error = caught; }
  const scalar = new Scalar('v');
  scalar.type = Scalar.QUOTE_DOUBLE;
  const tagged = new Tagged();
  return {
    loadedBefore,
    loaded: yamlPath in require.cache,
    isMap: isMap(document.contents),
    isScalar: isScalar(scalar),
    instance: document.contents instanceof YAMLMap,
    notInstance: scalar instanceof YAMLMap,
    seen,
    error: error instanceof YAMLParseError && error instanceof Error,
    errorName: error?.name,
    quote: scalar.type,
    subclass: tagged instanceof Tagged && tagged instanceof YAMLMap && tagged.tagged && isMap(tagged),
    cst: typeof CST.visit,
    staticFrom: YAMLMap.from(document.schema, {}, {}) instanceof YAMLMap,
  };
}
process.stdout.write(JSON.stringify(run()));`,
    );
    expect(result).toEqual({
      loadedBefore: false,
      loaded: true,
      isMap: true,
      isScalar: true,
      instance: true,
      notInstance: false,
      seen: ['a', 1, 'b', 'x'],
      error: true,
      errorName: 'YAMLParseError',
      quote: 'QUOTE_DOUBLE',
      subclass: true,
      cst: 'function',
      staticFrom: true,
    });
  });
});
