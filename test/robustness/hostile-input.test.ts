// Hostile and broken input, each with a clear outcome: the run finishes, nothing escapes the engine, no
// rule fails, and the file either lints or gets one positioned message saying why it was not linted.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyFixes, lintProject, NodeHost, type LintResult, type ProjectHost } from '@docmind-docker-lint/core';
import { ALL_RULES, checkProject, checkResults, lintFiles } from './support/pipeline.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ddl-hostile-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

const lintDir = (extra: Parameters<typeof lintProject>[0] = {}) => lintProject({ ...ALL_RULES, cwd: dir, ...extra });
const messagesOf = (results: readonly LintResult[], name: string) => results.find((result) => result.filePath === path.join(dir, name))?.messages ?? [];

/** A "billion laughs" Compose file: `levels` levels of nine aliases each (9^levels nodes when expanded). */
function aliasBomb(levels: number): string {
  const name = (level: number) => `l${level}`;
  const lines = [`x-${name(0)}: &${name(0)} ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`];
  for (let level = 1; level <= levels; level++) lines.push(`x-${name(level)}: &${name(level)} [${Array(9).fill(`*${name(level - 1)}`).join(', ')}]`);
  lines.push('services:', '  web:', `    image: python:3.12`, `    command: *${name(levels)}`, `    environment: *${name(levels)}`, `    x-more:`, `      <<: *${name(levels)}`);
  return `${lines.join('\n')}\n`;
}

describe('YAML bombs and deep nesting', () => {
  it('an alias bomb (9^10 nodes expanded) is linted in bounded time without expanding it', async () => {
    const started = performance.now();
    const results = await lintFiles({ 'compose.yaml': aliasBomb(10), Dockerfile: 'FROM python:3.12\n' });
    checkResults(results, 'alias bomb');
    // Expanding it would take hours and gigabytes; a generous bound only catches that.
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('an alias bomb cut short in the middle of an alias gets one positioned message, in bounded time', async () => {
    const bomb = aliasBomb(10);
    const text = bomb.slice(0, bomb.indexOf('environment: *l10') + 'environment: *l'.length);
    const started = performance.now();
    const results = await lintFiles({ 'compose.yaml': text, Dockerfile: 'FROM python:3.12\n' });
    checkResults(results, 'truncated alias bomb');
    const parseMessages = results.find((result) => result.filePath.endsWith('compose.yaml'))!.messages.filter((message) => message.ruleId === null);
    expect(parseMessages).toMatchObject([{ line: 16, column: 18, endColumn: 20, message: expect.stringMatching(/Unknown alias \*l\b/) }]);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('an alias bomb in a config file is refused with a ConfigError, not expanded', async () => {
    write('Dockerfile', 'FROM alpine:3\n');
    write('.docmind-docker-lint.yaml', `${aliasBomb(10).replace(/^services:[\s\S]*$/m, '')}rules: {}\n`);
    await expect(lintProject({ cwd: dir })).rejects.toThrow(/alias|YAML/i);
  });

  it.each([
    ['10,000 nested flow sequences in a Compose value', { 'compose.yaml': `services:\n  web:\n    image: x\n    command: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n` }],
    ['10,000 nested flow mappings in a Compose file', { 'compose.yaml': `x-deep: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\nservices: {}\n` }],
    ['2,000 nested block mappings in a Compose file', { 'compose.yaml': `services:\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 2)}k${i}:`).join('\n')} 1\n` }],
    ['10,000 nested JSON arrays in CMD', { Dockerfile: `FROM alpine:3\nCMD ${'['.repeat(10_000)}${']'.repeat(10_000)}\n` }],
    ['10,000 nested ${ in an ARG default', { Dockerfile: `FROM alpine:3\nARG A=${'${'.repeat(10_000)}X${'}'.repeat(10_000)}\nENV B=$A\n` }],
    ['5,000 nested subshells in RUN', { Dockerfile: `FROM alpine:3\nRUN ${'('.repeat(5000)}true${')'.repeat(5000)}\n` }],
    ['3,000 nested command substitutions in RUN', { Dockerfile: `FROM alpine:3\nRUN echo ${'$('.repeat(3000)}x${')'.repeat(3000)}\n` }],
    ['10,000 nested arrays in pyproject.toml', { Dockerfile: 'FROM python:3.12\n', 'pyproject.toml': `a = ${'['.repeat(10_000)}${']'.repeat(10_000)}\n` }],
  ])('%s: no crash, no internal error', async (_name, files) => {
    const results = await lintFiles(files);
    const slow = OVER_TIME_BUDGET[_name];
    if (slow) {
      // The rule is cut off by the time budget (it takes about 20 s alone): that is the only internal error.
      const [result] = results;
      const internal = result!.messages.filter((message) => message.internal);
      expect(internal.map((message) => message.message)).toEqual([expect.stringMatching(new RegExp(`^Rule "${slow}" exceeded the time budget of 5000 ms on `))]);
      checkResults([{ ...result!, messages: result!.messages.filter((message) => !message.internal) }], _name);
      return;
    }
    checkResults(results, _name);
  }, 60_000);
});

/**
 * Deep nesting that a rule spends far more than the default per-rule time budget (5 s) on: the budget
 * reports it as an internal error and drops its results (shellcheck: 20 s on 5,000 nested subshells).
 */
const OVER_TIME_BUDGET: Readonly<Record<string, string>> = {
  '5,000 nested subshells in RUN': 'shellcheck',
  '3,000 nested command substitutions in RUN': 'shellcheck',
};

describe('sizes and encodings', () => {
  it('skips a 50 MB file with a message above the size limit, and lints it when the limit is raised', async () => {
    write('big/Dockerfile', Buffer.alloc(50 * 1024 * 1024, 'RUN true\n'));
    write('Dockerfile', 'FROM alpine:3\n');
    const results = await lintDir();
    expect(messagesOf(results, 'big/Dockerfile')).toMatchObject([{ ruleId: null, severity: 1, message: expect.stringMatching(/larger than 5\.0 MiB \(50\.0 MiB\); not linted/) }]);
    expect(messagesOf(results, 'Dockerfile').every((message) => !message.internal)).toBe(true);

    const small = await lintDir({ maxFileSize: 1024 });
    expect(messagesOf(small, 'big/Dockerfile')[0]?.message).toMatch(/larger than 1 KiB/);
  });

  it('lints a 6 MB file when maxFileSize allows it', async () => {
    write('Dockerfile', `FROM alpine:3\n${`# ${'c'.repeat(1024 * 1024)}\n`.repeat(6)}`);
    const results = await lintDir({ maxFileSize: 8 * 1024 * 1024 });
    checkResults(results, '6 MB', dir);
    expect(messagesOf(results, 'Dockerfile').some((message) => /larger than/.test(message.message))).toBe(false);
  });

  it.each([
    ['binary', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0xff, 0xfe, 0x00]), /binary/],
    ['NUL bytes inside text', Buffer.from('FROM alpine:3\nRUN echo \u0000 hi\n'), /binary/],
    ['invalid UTF-8', Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x20, 0xc3, 0x28, 0x0a]), /UTF-8/],
    ['a truncated UTF-8 sequence at the end', Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x20, 0xe2, 0x82]), /UTF-8/],
    ['UTF-16LE with an odd byte count', Buffer.from([0xff, 0xfe, 0x46, 0x00, 0x52]), /UTF-16/],
  ])('%s: one fatal message, not linted', async (_name, bytes, message) => {
    for (const name of ['Dockerfile', 'compose.yaml', '.dockerignore']) write(name, bytes);
    const results = await lintDir();
    for (const name of ['Dockerfile', 'compose.yaml', '.dockerignore']) {
      expect(messagesOf(results, name)).toMatchObject([{ ruleId: null, fatal: true, line: 1, column: 1, message: expect.stringMatching(message) }]);
    }
    // --fix leaves such files alone.
    await applyFixes(await lintDir({ fix: true }), { root: dir });
    for (const name of ['Dockerfile', 'compose.yaml', '.dockerignore']) expect(fs.readFileSync(path.join(dir, name))).toEqual(bytes);
  });

  it.each([
    ['UTF-16LE', (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16BE', (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
  ])('%s with a BOM is decoded and linted', async (_name, encode) => {
    write('Dockerfile', encode('from python:3.12\r\nCMD python app.py\r\n'));
    write('compose.yaml', encode('services:\n  web:\n    image: nginx\n'));
    const results = await lintDir();
    checkResults(results, _name, dir);
    expect(messagesOf(results, 'Dockerfile').map((message) => message.ruleId)).toContain('instruction-casing');
    expect(messagesOf(results, 'compose.yaml').map((message) => message.ruleId)).toContain('image-pinned');
  });

  it.each([
    ['UTF-16LE', [0xff, 0xfe], (text: string) => Buffer.from(text, 'utf16le')],
    ['UTF-16BE', [0xfe, 0xff], (text: string) => Buffer.from(text, 'utf16le').swap16()],
  ])('%s with a BOM is written back in its encoding by --fix', async (_name, bom, encode) => {
    const file = write('Dockerfile', Buffer.concat([Buffer.from(bom), encode('from python:3.12\r\nCMD python app.py\r\n')]));
    const writes = await applyFixes(await lintDir({ fix: true }), { root: dir });
    expect(writes).toMatchObject([{ path: file, ok: true }]);
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 2)]).toEqual(bom);
    const fixed = new TextDecoder(_name === 'UTF-16LE' ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
    expect(fixed).toMatch(/^FROM python:3\.12\r\n/);
    expect(fixed).toMatch(/CMD \["python", "app\.py"\]\r\n/);
    // Linted again, the written file reads back as the fixed text.
    expect(messagesOf(await lintDir(), 'Dockerfile').map((message) => message.ruleId)).not.toContain('instruction-casing');
  });

  it.each([
    ['an empty file', ''],
    ['only a BOM', '\ufeff'],
    ['only comments', '# one\n# two\n#\n'],
    ['only comments, CRLF, no final newline', '# one\r\n# two'],
    ['only blank lines and tabs', '\n\n\t\n   \n'],
    ['only line continuations', '\\\n\\\n\\'],
  ])('%s as every kind of file', async (_name, text) => {
    await checkProject({ Dockerfile: text, 'compose.yaml': text, '.dockerignore': text, '.env': text, 'pyproject.toml': text, '.python-version': text });
  });

  it('keeps CRLF line endings, lone CRs and a BOM through --fix', async () => {
    const stats = await checkProject({
      Dockerfile: '\ufeffFROM python:3.12\r\nrun pip install x\r\nCMD python app.py\r\n',
      'compose.yaml': '\ufeffversion: "3"\r\nservices:\r\n  web:\r\n    image: nginx\r\n',
      '.dockerignore': '.git\r\n',
      'old/Dockerfile': 'FROM alpine:3\rrun echo old-mac\rCMD sh\r',
    });
    expect(stats.fixesApplied).toBeGreaterThan(0);
    const results = await lintFiles({ Dockerfile: '\ufeffFROM python:3.12\r\nrun pip install x\r\nCMD python app.py\r\n' }, true);
    const output = results[0]!.output!;
    expect(results[0]!.bom).toBe(true);
    expect(output.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it.each([
    ['a 1 MB RUN line', { Dockerfile: `FROM alpine:3\nRUN echo ${'a'.repeat(1024 * 1024)}\n` }],
    ['a 1 MB line of spaces after RUN', { Dockerfile: `FROM alpine:3\nRUN ${' '.repeat(1024 * 1024)}x\n` }],
    ['a 1 MB LABEL value', { Dockerfile: `FROM alpine:3\nLABEL a="${'x'.repeat(1024 * 1024)}"\n` }],
    ['a 1 MB exec-form CMD', { Dockerfile: `FROM alpine:3\nCMD [${Array(100_000).fill('"abcdefgh"').join(',')}]\n` }],
    ['a 1 MB image name', { Dockerfile: `FROM ${'a'.repeat(1024 * 1024)}:latest\n` }],
    ['a 1 MB Compose scalar', { 'compose.yaml': `services:\n  web:\n    image: ${'n'.repeat(1024 * 1024)}\n` }],
    ['a 1 MB .dockerignore line', { '.dockerignore': `${'*'.repeat(512 * 1024)}${'a/'.repeat(256 * 1024)}\n`, Dockerfile: 'FROM alpine:3\nCOPY . .\n' }],
    ['a 1 MB .env value', { '.env': `SECRET_KEY=${'k'.repeat(1024 * 1024)}\n`, Dockerfile: 'FROM alpine:3\nCOPY .env .\n' }],
    ['100,000 comment lines', { Dockerfile: `FROM alpine:3\n${'# note\n'.repeat(100_000)}` }],
  ])('%s: linted in bounded time', async (_name, files) => {
    const started = performance.now();
    const results = await lintFiles(files);
    checkResults(results, _name);
    // Generous: a quadratic pass over 1 MB takes minutes, a linear one well under a second.
    expect(performance.now() - started).toBeLessThan(25_000);
  }, 60_000);
});

describe('known slow inputs (rule packs): quadratic in the number of items', () => {
  // Each names the rules at fault (measured with one rule enabled at a time). Unskip when fixed.
  it.skip.each([
    // apt-get-no-install-recommends, no-sudo, pip-no-cache-dir, no-lone-package-update, env-no-insecure-tls,
    // apt-packages-pinned: each RUN looks at the whole stage again. 40,000 RUN lines take 3 minutes.
    ['100,000 RUN instructions', { Dockerfile: `FROM alpine:3\n${'RUN true\n'.repeat(100_000)}` }],
    // no-sudo, non-root-user, apk-packages-pinned, uv-sync-frozen, no-secrets-in-image (RUN script helpers):
    // 3,000 continuation lines cost about 0.5 s per rule, 100,000 never finish.
    ['100,000 continuation lines in one RUN', { Dockerfile: `FROM alpine:3\nRUN true${' \\\n  && true'.repeat(100_000)}\n` }],
  ])('%s: linted in bounded time', async (_name, files) => {
    const started = performance.now();
    await lintFiles(files);
    expect(performance.now() - started).toBeLessThan(25_000);
  });

  // Fixed: ports-sorted (the ordering rules' check) compared every item with all earlier ones.
  it.each([
    ['100,000 ports in one service', { 'compose.yaml': `services:\n  web:\n    image: nginx\n    ports: [${Array(100_000).fill('"80:80"').join(', ')}]\n` }],
    ['5,000 ports in reverse order in one service', { 'compose.yaml': `services:\n  web:\n    image: nginx\n    ports:\n${Array.from({ length: 5000 }, (_, index) => `      - "${5000 - index}:80"\n`).join('')}` }],
  ])('%s: linted in bounded time', async (_name, files) => {
    const started = performance.now();
    await lintFiles(files);
    expect(performance.now() - started).toBeLessThan(25_000);
  }, 60_000);
});

describe('the file system', () => {
  it('does not follow symlink loops, links to folders above, or links that leave the root', async () => {
    write('Dockerfile', 'FROM alpine:3\n');
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'ddl-outside-'));
    try {
      fs.writeFileSync(path.join(outside, 'Dockerfile'), 'FROM alpine\n');
      fs.symlinkSync('loop-b', path.join(dir, 'loop-a'));
      fs.symlinkSync('loop-a', path.join(dir, 'loop-b'));
      fs.mkdirSync(path.join(dir, 'sub'));
      fs.symlinkSync('..', path.join(dir, 'sub', 'up'));
      fs.symlinkSync('.', path.join(dir, 'sub', 'self'));
      fs.symlinkSync(outside, path.join(dir, 'out'));
      fs.symlinkSync(path.join(outside, 'Dockerfile'), path.join(dir, 'sub', 'Dockerfile'));
      fs.symlinkSync('/etc/passwd', path.join(dir, 'compose.yaml'));
      const results = await lintDir();
      expect(results.map((result) => path.relative(dir, result.filePath))).toEqual(['Dockerfile']);

      // Named on the command line, a link that leads out or loops is reported once as not found.
      const named = await lintDir({ patterns: ['out/Dockerfile', 'sub/Dockerfile', 'loop-a', 'compose.yaml'] });
      expect(named.map((result) => result.messages.length)).toEqual([1, 1, 1, 1]);
      expect(named.every((result) => result.messages[0]!.fatal)).toBe(true);

      // --fix never writes through a link.
      await applyFixes(await lintDir({ fix: true }), { root: dir });
      expect(fs.readFileSync(path.join(outside, 'Dockerfile'), 'utf8')).toBe('FROM alpine\n');
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file and skips an unreadable folder (not as root)', async () => {
    write('Dockerfile', 'FROM alpine:3\n');
    fs.chmodSync(write('a/Dockerfile', 'FROM alpine:3\n'), 0);
    write('b/Dockerfile', 'FROM alpine:3\n');
    fs.chmodSync(path.join(dir, 'b'), 0);
    try {
      const results = await lintDir();
      expect(messagesOf(results, 'a/Dockerfile')).toMatchObject([{ fatal: true, message: expect.stringMatching(/could not be read/) }]);
    } finally {
      fs.chmodSync(path.join(dir, 'b'), 0o755);
    }
  });

  it('reports a file deleted between discovery and linting, and lints the others', async () => {
    write('Dockerfile', 'FROM alpine:3\n');
    const doomed = write('gone/Dockerfile', 'FROM alpine:3\n');
    const base = new NodeHost();
    const host: ProjectHost = {
      readFile: (filePath) => {
        if (filePath === doomed) fs.rmSync(doomed, { force: true });
        return base.readFile(filePath);
      },
      stat: (filePath) => base.stat(filePath),
      readDirectory: (dirPath) => base.readDirectory(dirPath),
      realPath: (filePath) => base.realPath(filePath),
    };
    const results = await lintDir({ host });
    expect(messagesOf(results, 'gone/Dockerfile')).toMatchObject([{ fatal: true, message: expect.stringMatching(/could not be read/) }]);
    expect(messagesOf(results, 'Dockerfile').every((message) => !message.fatal)).toBe(true);
  });

  it('refuses to overwrite a read-only file under --fix and still fixes the others', async () => {
    const locked = write('a/Dockerfile', 'from alpine:3\n');
    const open = write('b/Dockerfile', 'from alpine:3\n');
    fs.chmodSync(locked, 0o444);
    const writes = await applyFixes(await lintDir({ fix: true }), { root: dir });
    expect(writes.find((write) => write.path === locked)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/read-only/) } });
    expect(fs.readFileSync(locked, 'utf8')).toBe('from alpine:3\n');
    expect(fs.readFileSync(open, 'utf8')).toMatch(/^FROM alpine:3\n/);
  });

  it('two --fix runs at once on the same tree leave whole files, each the fully fixed text (no torn file)', async () => {
    const text = (index: number) => `from python:3.12\nrun pip install app${index}\nCMD python app${index}.py\n`;
    for (let index = 0; index < 30; index++) write(`s${index}/Dockerfile`, text(index));
    const rules = { 'instruction-casing': 'error', 'require-exec-form': 'error' } as const;
    const expected = new Map<string, string>();
    for (const result of await lintProject({ cwd: dir, useConfigFiles: false, rules, fix: true })) expected.set(result.filePath, result.output ?? '');
    const cli = path.join(repoRoot, 'packages/cli/src/bin.ts');
    // The sources through tsx (resolved from the repository: the child runs in the temporary folder).
    const tsx = pathToFileURL(path.join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href;
    const runOnce = () =>
      new Promise<number>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', tsx, '--conditions=source', cli, '--no-config', ...Object.entries(rules).flatMap(([id, severity]) => ['--rule', `${id}: ${severity}`]), '--fix', '.'], { cwd: dir, stdio: 'ignore' });
        child.on('error', reject);
        child.on('exit', (code) => resolve(code ?? -1));
      });
    const codes = await Promise.all([runOnce(), runOnce()]);
    // A run that finds a file already rewritten by the other refuses to write it (exit 2): its fixes
    // were computed on the old text. At least one run writes.
    expect(codes.every((code) => code >= 0 && code <= 2)).toBe(true);
    expect(codes.some((code) => code === 0 || code === 1)).toBe(true);
    for (const [filePath, fixed] of expected) {
      // Either run's write is whole: the file is the fully fixed text, never a mix or a truncation.
      expect(fixed).not.toBe('');
      expect(fs.readFileSync(filePath, 'utf8')).toBe(fixed);
    }
    expect(fs.readdirSync(dir, { recursive: true }).filter((name) => String(name).endsWith('.tmp'))).toEqual([]);
    expect(expected.size).toBe(30);
  }, 60_000);
});
