import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../config/index.js';
import { makeCreateRule } from '../rules/create-rule.js';
import type { Plugin } from '../types/rule.js';
import { applyFixes } from './apply-fixes.js';
import { lintProject, lintProjectResults } from './lint-project.js';
import { lintText } from './lint-text.js';

const createRule = makeCreateRule((name) => `https://example.test/rules/${name}`);

/** Reports `FROM` images without a tag, fixing them to `:latest`-free pins (test-only behaviour). */
const pinImage = createRule<'untagged', [{ tag: string }]>({
  name: 'pin-image',
  meta: {
    type: 'problem',
    docs: { description: 'Images need a tag.', recommended: true, sources: { hadolint: ['DL3006'] } },
    messages: { untagged: 'Image "{{image}}" has no tag.' },
    schema: [{ type: 'object', properties: { tag: { type: 'string', description: 'Tag to add.' } }, additionalProperties: false }],
    defaultOptions: [{ tag: '1' }],
    fixable: 'code',
  },
  create(context, [options]) {
    return {
      FROM(node) {
        const image = node.stage?.image;
        if (!image || image.tag || image.digest) return;
        context.report({
          range: image.range,
          messageId: 'untagged',
          data: { image: image.raw },
          fix: (fixer) => fixer.insertTextAfterRange(image.range, `:${options.tag}`),
        });
      },
    };
  },
});

/** Throws on every Dockerfile. */
const explode = createRule({
  name: 'explode',
  meta: { type: 'problem', docs: { description: 'Throws.' }, messages: { never: 'never' }, schema: [], defaultOptions: [] },
  create() {
    return {
      Dockerfile() {
        throw new Error('boom');
      },
    };
  },
});

/** Wants every Compose service to have an image; creates `.dockerignore` next to Dockerfiles (cross-file fix). */
const needsDockerignore = createRule({
  name: 'needs-dockerignore',
  meta: { type: 'problem', docs: { description: 'A .dockerignore must exist.' }, messages: { missing: 'No .dockerignore.' }, schema: [], defaultOptions: [], fixable: 'code' },
  create(context) {
    return {
      Dockerfile(node) {
        const [buildContext] = context.project.buildContextsOf(context.filename);
        if (!buildContext || buildContext.dockerignore) return;
        context.report({ node, messageId: 'missing', fix: (fixer) => fixer.createFile(buildContext.dockerignorePath, '.env\n') });
      },
    };
  },
});

const plugin: Plugin = {
  meta: { name: 'test' },
  rules: { 'pin-image': pinImage, explode, 'needs-dockerignore': needsDockerignore },
  configs: { recommended: { rules: { 'pin-image': 'error' } } },
};

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ddl-core-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

const lint = (extra: Parameters<typeof lintProject>[0] = {}) => lintProject({ cwd: dir, plugins: [plugin], ...extra });

describe('lintProject', () => {
  it('finds Dockerfiles, Compose and ignore files by name and skips node_modules and .git', async () => {
    for (const name of ['Dockerfile', 'Dockerfile.dev', 'api.Dockerfile', 'Containerfile', 'compose.yaml', 'docker-compose.prod.yml', '.dockerignore', 'web/Dockerfile', 'node_modules/x/Dockerfile', '.git/Dockerfile', 'README.md']) {
      write(name, name.endsWith('ml') ? 'services: {}\n' : 'FROM alpine:3\n');
    }
    const results = await lint();
    expect(results.map((result) => path.relative(dir, result.filePath)).sort()).toEqual(
      ['.dockerignore', 'Containerfile', 'Dockerfile', 'Dockerfile.dev', 'api.Dockerfile', 'compose.yaml', 'docker-compose.prod.yml', 'web/Dockerfile'].sort(),
    );
  });

  it('reports with exact positions, the recommended preset by default, and fixes in memory', async () => {
    const file = write('Dockerfile', 'FROM alpine\nRUN true\n');
    const [result] = await lint();
    expect(result!.messages).toMatchObject([{ ruleId: 'pin-image', severity: 2, message: 'Image "alpine" has no tag.', line: 1, column: 6, endLine: 1, endColumn: 12 }]);
    expect(result!.fixableErrorCount).toBe(1);
    const [fixed] = await lint({ fix: true });
    expect(fixed!.output).toBe('FROM alpine:1\nRUN true\n');
    expect(fixed!.messages).toEqual([]);
    expect(fs.readFileSync(file, 'utf8')).toBe('FROM alpine\nRUN true\n');
    await applyFixes([fixed!], { root: dir });
    expect(fs.readFileSync(file, 'utf8')).toBe('FROM alpine:1\nRUN true\n');
  });

  it('keeps a BOM and CRLF line endings when fixing', async () => {
    const file = write('Dockerfile', '\ufeffFROM alpine\r\nRUN true\r\n');
    const results = await lint({ fix: true });
    await applyFixes(results, { root: dir });
    expect(fs.readFileSync(file, 'utf8')).toBe('\ufeffFROM alpine:1\r\nRUN true\r\n');
  });

  it('applies cross-file fixes that create files, and reports the created file', async () => {
    write('Dockerfile', 'FROM alpine:3\n');
    const results = await lint({ rules: { 'needs-dockerignore': 'error' }, fix: true });
    const created = results.find((result) => result.filePath === path.join(dir, '.dockerignore'));
    expect(created?.output).toBe('.env\n');
    await applyFixes(results, { root: dir });
    expect(fs.readFileSync(path.join(dir, '.dockerignore'), 'utf8')).toBe('.env\n');
    const again = await lint({ rules: { 'needs-dockerignore': 'error' } });
    expect(again.flatMap((result) => result.messages)).toEqual([]);
  });

  it('reports a rule that throws with its id and goes on with the other rules and files', async () => {
    write('Dockerfile', 'FROM alpine\n');
    write('b/Dockerfile', 'FROM debian\n');
    const results = await lint({ rules: { explode: 'error' } });
    for (const result of results) {
      expect(result.messages.map((message) => [message.ruleId, message.internal ?? false])).toEqual([
        ['explode', true],
        ['pin-image', false],
      ]);
    }
  });

  it('gives positioned problems for broken input and still lints the other files', async () => {
    write('Dockerfile', 'FROM alpine\n');
    write('compose.yaml', 'services:\n  app:\n    image: [unclosed\n');
    write('bomb/compose.yaml', 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nservices: {}\n');
    write('empty/Dockerfile', '');
    write('binary/Dockerfile', Buffer.from([0x46, 0x52, 0x00, 0x01, 0xff]));
    write('latin1/Dockerfile', Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x20, 0xe9, 0x0a]));
    write('utf16/Dockerfile', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('FROM alpine\n', 'utf16le')]));
    write('big/Dockerfile', Buffer.alloc(20 * 1024 * 1024, 0x41));
    write('throws/Dockerfile', 'FROM alpine:3\nRUN \\\n# comment\\comment');
    const results = await lint();
    const byDir = Object.fromEntries(results.map((result) => [path.relative(dir, path.dirname(result.filePath)) || '.', result]));
    const at = (name: string) => results.find((result) => result.filePath === path.join(dir, name))!;
    expect(at('Dockerfile').messages.map((message) => message.ruleId)).toEqual(['pin-image']);
    expect(at('compose.yaml').messages[0]).toMatchObject({ ruleId: null, fatal: true, severity: 2, line: 4, column: 1 });
    expect(byDir['bomb']!.messages).toEqual([]);
    expect(byDir['empty']!.messages).toEqual([]);
    expect(byDir['binary']!.messages).toMatchObject([{ ruleId: null, fatal: true, message: expect.stringContaining('binary') }]);
    expect(byDir['latin1']!.messages).toMatchObject([{ ruleId: null, fatal: true, message: expect.stringContaining('UTF-8') }]);
    expect(byDir['utf16']!.messages).toMatchObject([{ ruleId: 'pin-image', line: 1, column: 6 }]);
    expect(byDir['big']!.messages).toMatchObject([{ ruleId: null, severity: 1, message: expect.stringContaining('larger than 5.0 MiB') }]);
    for (const message of byDir['throws']!.messages) expect(message.line).toBeGreaterThanOrEqual(1);
  });

  it('reports a path that does not exist and lints the others', async () => {
    write('Dockerfile', 'FROM alpine:3\n');
    const results = await lint({ patterns: ['Dockerfile', 'nope'] });
    expect(results).toHaveLength(2);
    expect(results[1]!.messages).toMatchObject([{ ruleId: null, fatal: true, message: expect.stringContaining('nope') }]);
  });

  it('does not follow a link out of the root', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'ddl-outside-'));
    fs.writeFileSync(path.join(outside, 'Dockerfile'), 'FROM alpine\n');
    fs.symlinkSync(outside, path.join(dir, 'linked'));
    fs.symlinkSync(path.join(outside, 'Dockerfile'), path.join(dir, 'Dockerfile'));
    expect(await lint()).toEqual([]);
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('throws a ConfigError naming the file and the key for a broken config', async () => {
    write('Dockerfile', 'FROM alpine\n');
    write('.docmind-docker-lint.json', '{ "rules": { "pin-image": "eror" } }');
    await expect(lint()).rejects.toThrow(ConfigError);
    await expect(lint()).rejects.toThrow(/\.docmind-docker-lint\.json.*\/rules\/pin-image/s);
  });

  it('honours inline directives and peer pragmas', async () => {
    write('Dockerfile', '# docmind-docker-lint-disable-next-line pin-image -- testing\nFROM alpine\n# hadolint ignore=DL3006\nFROM debian\nFROM ubuntu\n');
    const [result] = await lint();
    expect(result!.messages.map((message) => message.line)).toEqual([5]);
    expect(result!.suppressedMessages.map((message) => message.line)).toEqual([2, 4]);
  });
});

describe('lintText', () => {
  it('lints a text as a named file with virtual project files around it', async () => {
    const [result] = await lintText('FROM alpine\n', { cwd: dir, filePath: 'svc/Dockerfile', plugins: [plugin], rules: { 'needs-dockerignore': 'error' }, files: { 'svc/.dockerignore': '.env\n' } });
    expect(result!.filePath).toBe(path.join(dir, 'svc/Dockerfile'));
    expect(result!.messages.map((message) => message.ruleId)).toEqual(['pin-image']);
  });
});

describe('report severity', () => {
  it("lets a rule report one problem as a warning when it is configured as an error, never the reverse", async () => {
    const soft = createRule({
      name: 'soft',
      meta: { type: 'suggestion', docs: { description: 'Soft and hard findings.' }, messages: { soft: 'soft', hard: 'hard' }, schema: [], defaultOptions: [] },
      create(context) {
        return {
          Dockerfile(node) {
            context.report({ node, messageId: 'soft', severity: 'warn' });
            context.report({ node, messageId: 'hard' });
          },
        };
      },
    });
    const [asError] = await lintText('FROM alpine:3\n', { cwd: dir, filePath: 'Dockerfile', plugins: [{ meta: { name: 's' }, rules: { soft } }], useConfigFiles: false, rules: { soft: 'error' } });
    expect(asError!.messages.map((message) => [message.messageId, message.severity])).toEqual([['soft', 1], ['hard', 2]]);
    const [asWarning] = await lintText('FROM alpine:3\n', { cwd: dir, filePath: 'Dockerfile', plugins: [{ meta: { name: 's' }, rules: { soft } }], useConfigFiles: false, rules: { soft: 'warn' } });
    expect(asWarning!.messages.map((message) => message.severity)).toEqual([1, 1]);
  });
});

describe('project facts', () => {
  it('lists the files of the root folder itself (the build context of a Dockerfile at the root)', async () => {
    write('Dockerfile', 'FROM alpine:3\n');
    write('.env', 'A=1\n');
    write('src/app.py', '');
    const seen: string[][] = [];
    const lister = createRule({
      name: 'lister',
      meta: { type: 'problem', docs: { description: 'Lists the context.' }, messages: { m: 'm' }, schema: [], defaultOptions: [] },
      create(context) {
        return {
          Dockerfile() {
            seen.push([...context.project.listFiles(context.project.buildContextsOf(context.filename)[0]!.dir)]);
          },
        };
      },
    });
    await lintProject({ cwd: dir, plugins: [{ meta: { name: 'l' }, rules: { lister } }], useConfigFiles: false, rules: { lister: 'error' } });
    expect(seen).toEqual([['.env', 'Dockerfile', 'src/app.py']]);
  });
});

describe('folder by folder', () => {
  it('links services to Dockerfiles in other folders after moving on, and streams the same results', async () => {
    // The run moves through a/, b/, c/ (and forgets what it read outside the folder it is in); the
    // Compose file in c/ builds Dockerfiles in a/ and b/, both linted before it.
    write('a/Dockerfile', 'FROM alpine:3\n');
    write('a/.dockerignore', '.env\n');
    write('b/Dockerfile', 'FROM alpine:3\n');
    write('c/compose.yaml', 'services:\n  one:\n    build: ../a\n  two:\n    build:\n      context: ../b\n');
    const seen: string[] = [];
    const contexts = createRule({
      name: 'contexts',
      meta: { type: 'problem', docs: { description: 'Describes build contexts.' }, messages: { m: '{{what}}' }, schema: [], defaultOptions: [] },
      create(context) {
        return {
          Dockerfile(node) {
            for (const buildContext of context.project.buildContextsOf(context.filename)) {
              const what = `${path.relative(dir, context.filename)}: ${buildContext.services.map((service) => service.name).join(',')} ignore=${buildContext.dockerignore ? 'yes' : 'no'}`;
              seen.push(what);
              context.report({ node, messageId: 'm', data: { what } });
            }
          },
          Service(service) {
            const dockerfile = context.project.dockerfileOf(service);
            const what = `${service.name} -> ${dockerfile ? path.relative(dir, dockerfile.file.path) : 'none'}`;
            seen.push(what);
            context.report({ node: service, messageId: 'm', data: { what } });
          },
        };
      },
    });
    const options = { cwd: dir, plugins: [{ meta: { name: 'c' }, rules: { contexts } }], useConfigFiles: false, rules: { contexts: 'error' as const } };
    const results = await lintProject(options);
    expect(seen).toEqual(['a/Dockerfile: one ignore=yes', 'b/Dockerfile: two ignore=no', 'one -> a/Dockerfile', 'two -> b/Dockerfile']);
    const streamed = [];
    for await (const result of lintProjectResults(options)) streamed.push(result);
    expect(streamed).toEqual(results);
    await expect(lintProjectResults({ ...options, fix: true }).next()).rejects.toThrow(/does not fix/);
  });
});

describe('createRule and loadConfig', () => {
  it('createRule keeps the rule author\'s docs URL and merges default options', async () => {
    const { createRule: create } = await import('../rules/create-rule.js');
    const rule = create<'m', [{ word: string }]>({
      name: 'standalone',
      meta: {
        type: 'problem',
        docs: { description: 'A rule outside a pack.', url: 'https://example.test/standalone' },
        messages: { m: '{{word}}' },
        schema: [{ type: 'object', properties: { word: { type: 'string', description: 'Word.' } }, additionalProperties: false }],
        defaultOptions: [{ word: 'hello' }],
      },
      create(context, [options]) {
        return { Dockerfile: (node) => context.report({ node, messageId: 'm', data: { word: options.word } }) };
      },
    });
    expect(rule.meta.docs.url).toBe('https://example.test/standalone');
    const [result] = await lintText('FROM alpine:3\n', { cwd: dir, filePath: 'Dockerfile', plugins: [{ meta: { name: 's' }, rules: { standalone: rule } }], useConfigFiles: false, rules: { standalone: 'warn' } });
    expect(result!.messages.map((message) => message.message)).toEqual(['hello']);
  });

  it('loadConfig resolves the config of one file', async () => {
    const { loadConfig } = await import('./load-config.js');
    write('.docmind-docker-lint.json', '{ "rules": { "pin-image": ["warn", { "tag": "2" }] } }');
    const config = await loadConfig('Dockerfile', { cwd: dir, plugins: [plugin] });
    expect(config.rules['pin-image']).toEqual(['warn', { tag: '2' }]);
  });
});
