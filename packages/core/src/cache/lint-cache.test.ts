import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintProject, type LintProjectOptions } from '../api/lint-project.js';
import { makeCreateRule } from '../rules/create-rule.js';
import type { Plugin } from '../types/rule.js';

const createRule = makeCreateRule((name) => `https://example.test/rules/${name}`);
const linted: string[] = [];

/** Reports each Dockerfile whose build context has no `.dockerignore` or no `pyproject.toml`, and records every lint. */
const contextFiles = createRule<'missing', [{ name: string }]>({
  name: 'context-files',
  meta: {
    type: 'problem',
    docs: { description: 'Context files must exist.' },
    messages: { missing: 'No {{what}} (option {{name}}).' },
    schema: [{ type: 'object', properties: { name: { type: 'string', description: 'A label.' } }, additionalProperties: false }],
    defaultOptions: [{ name: 'default' }],
  },
  create(context, [options]) {
    return {
      Dockerfile(node) {
        linted.push(path.basename(path.dirname(context.filename)));
        for (const buildContext of context.project.buildContextsOf(context.filename)) {
          if (!buildContext.dockerignore) context.report({ node, messageId: 'missing', data: { what: '.dockerignore', name: options.name } });
          if (!buildContext.pyproject) context.report({ node, messageId: 'missing', data: { what: 'pyproject.toml', name: options.name } });
        }
      },
    };
  },
});

/** Reports how many Compose files name each env file (the project's env-file index), and records every lint. */
const envFileUsers = createRule<'users', []>({
  name: 'env-file-users',
  meta: {
    type: 'suggestion',
    docs: { description: 'Counts the Compose files naming an env file.' },
    messages: { users: '{{count}} Compose file(s) name it.' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      EnvFile(node) {
        linted.push(path.basename(context.filename));
        const users = context.project.composeFilesNamingEnvFile!(context.filename);
        context.report({ node, messageId: 'users', data: { count: String(users.length) } });
      },
    };
  },
});

const plugin: Plugin = { meta: { name: 'cache-test' }, rules: { 'context-files': contextFiles, 'env-file-users': envFileUsers } };

/** A plugin whose `context-files` rule declares an environment (`meta.environment`). */
function withEnvironment(environment: NonNullable<(typeof contextFiles)['meta']['environment']>): Plugin {
  return { meta: { name: 'cache-env-test' }, rules: { 'context-files': { ...contextFiles, meta: { ...contextFiles.meta, environment } } } };
}

describe('lintProject with cache', () => {
  let root: string;
  const write = (file: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  const run = async (extra: Partial<LintProjectOptions> = {}) => {
    linted.length = 0;
    const results = await lintProject({
      cwd: root,
      plugins: [plugin],
      useConfigFiles: false,
      baseConfig: { rules: { 'context-files': 'error' } },
      cache: { location: path.join(root, 'cache-dir/') },
      ...extra,
    });
    return { results, linted: [...linted].sort() };
  };

  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'docmind-cache-')));
    write('a/Dockerfile', 'FROM python:3.12\n');
    write('a/.dockerignore', '.env\n');
    write('b/Dockerfile', 'FROM python:3.12\n');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reuses every result of an unchanged tree, with the same messages and source', async () => {
    const first = await run();
    expect(first.linted).toEqual(['a', 'b']);
    expect(fs.existsSync(path.join(root, 'cache-dir/.docmind-docker-lint-cache'))).toBe(true);
    const second = await run();
    expect(second.linted).toEqual([]);
    expect(second.results).toEqual(first.results);
  });

  it('lints again only the file that changed', async () => {
    await run();
    write('b/Dockerfile', 'FROM python:3.13\n');
    expect((await run()).linted).toEqual(['b']);
  });

  it('lints again a file whose context files changed, appeared or vanished', async () => {
    await run();
    write('a/.dockerignore', '.env\n*.key\n');
    expect((await run()).linted).toEqual(['a']);
    write('b/pyproject.toml', '[project]\nname = "b"\n');
    const appeared = await run();
    expect(appeared.linted).toEqual(['b']);
    expect(appeared.results.find((result) => result.filePath.endsWith('b/Dockerfile'))!.messages.map((message) => message.message)).toEqual([
      'No .dockerignore (option default).',
    ]);
    fs.rmSync(path.join(root, 'a/.dockerignore'));
    expect((await run()).linted).toEqual(['a']);
  });

  it('lints again when the Compose services that build a Dockerfile change', async () => {
    write('compose.yaml', 'services:\n  web:\n    image: web\n');
    await run();
    write('compose.yaml', 'services:\n  web:\n    build: ./a\n');
    expect((await run()).linted).toEqual(['a']);
  });

  it('lints an env file again when a Compose file starts or stops naming it (the env-file index)', async () => {
    write('.env.example', 'DOCMIND_MODE=dev\n');
    write('compose.yaml', 'services:\n  web:\n    image: web\n');
    const rules = { 'env-file-users': 'error' } as const;
    const count = (results: Awaited<ReturnType<typeof run>>['results']): string[] =>
      results.find((result) => result.filePath.endsWith('.env.example'))!.messages.map((message) => message.message);
    const first = await run({ baseConfig: { rules } });
    expect(first.linted).toEqual(['.env.example']);
    expect(count(first.results)).toEqual(['0 Compose file(s) name it.']);
    expect((await run({ baseConfig: { rules } })).linted).toEqual([]);
    write('compose.yaml', 'services:\n  web:\n    image: web\n    env_file: .env.example\n');
    const named = await run({ baseConfig: { rules } });
    expect(named.linted).toEqual(['.env.example']);
    expect(count(named.results)).toEqual(['1 Compose file(s) name it.']);
  });

  it('lints everything again when the configuration changes', async () => {
    await run();
    const changed = await run({ baseConfig: { rules: { 'context-files': ['error', { name: 'other' }] } } });
    expect(changed.linted).toEqual(['a', 'b']);
    expect(changed.results.find((result) => result.filePath.endsWith('b/Dockerfile'))!.messages[0]!.message).toContain('option other');
  });

  it('lints again when the environment a rule declares changes (meta.environment), asking once per run', async () => {
    let environment = 'tool 1.0';
    const asked: unknown[][] = [];
    const plugins = (enabled: boolean): LintProjectOptions => ({
      plugins: [
        withEnvironment((options, where) => {
          asked.push([...options, where]);
          return environment;
        }),
      ],
      baseConfig: { rules: { 'context-files': enabled ? ['error', { name: 'env' }] : 'off' } },
    });
    expect((await run(plugins(true))).linted).toEqual(['a', 'b']);
    expect(asked).toEqual([[{ name: 'env' }, root]]);
    expect((await run(plugins(true))).linted).toEqual([]);
    environment = 'tool 1.1';
    expect((await run(plugins(true))).linted).toEqual(['a', 'b']);
    expect((await run(plugins(true))).linted).toEqual([]);
    expect(asked).toHaveLength(4);
    // A rule that is off is not asked.
    await run(plugins(false));
    expect(asked).toHaveLength(4);
  });

  it('does not reuse results when a rule cannot tell its environment', async () => {
    const throwing: LintProjectOptions = {
      plugins: [
        withEnvironment(() => {
          throw new Error('cannot tell');
        }),
      ],
    };
    expect((await run(throwing)).linted).toEqual(['a', 'b']);
    expect((await run(throwing)).linted).toEqual(['a', 'b']);
  });

  it('starts over from a damaged cache file', async () => {
    await run();
    fs.writeFileSync(path.join(root, 'cache-dir/.docmind-docker-lint-cache'), '{not json');
    expect((await run()).linted).toEqual(['a', 'b']);
  });
});

describe('lintProject on worker threads', () => {
  it('gives the results of a run in one thread', async () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'docmind-workers-')));
    try {
      for (const name of ['a', 'b', 'c', 'd', 'e']) {
        fs.mkdirSync(path.join(root, name));
        fs.writeFileSync(path.join(root, name, 'Dockerfile'), `FROM python:3.12\nRUN sudo apt-get install -y curl\nCMD python app.py\n`);
      }
      fs.writeFileSync(path.join(root, 'compose.yaml'), 'services:\n  a:\n    build: ./a\n');
      const options = { cwd: root, useConfigFiles: false, baseConfig: { extends: ['all'] } } as const;
      const inThread = await lintProject(options);
      const onWorkers = await lintProject({ ...options, concurrency: 2 });
      expect(onWorkers).toEqual(inThread);
      expect(inThread.some((result) => result.messages.length > 0)).toBe(true);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
