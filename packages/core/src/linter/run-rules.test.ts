// Which rules the linter creates on a file: a rule whose `create` reads nothing of the file is created
// only on files with a node type it listens to (one whose `create` reads the settings too, per settings
// object); a rule whose `create` reads the file is created on every file, as before. Either way the
// problems are the same.
import { describe, expect, it } from 'vitest';
import { lintProject } from '../api/lint-project.js';
import { lintText } from '../api/lint-text.js';
import { MemoryHost } from '../host/memory-host.js';
import { makeCreateRule } from '../rules/create-rule.js';
import type { Plugin } from '../types/rule.js';

const createRule = makeCreateRule((name) => `https://example.test/rules/${name}`);
const meta = { type: 'problem', docs: { description: 'Test.' }, messages: { found: 'found {{what}}' }, schema: [], defaultOptions: [] } as const;

function plugin(created: Record<string, number>): Plugin {
  const count = (name: string): void => void (created[name] = (created[name] ?? 0) + 1);
  return {
    meta: { name: 'creation' },
    rules: {
      // Reads nothing of the file in `create`: its keys are the same on every file.
      'compose-only': createRule({
        name: 'compose-only',
        meta,
        create(context) {
          count('compose-only');
          return { Service: (node) => context.report({ node, messageId: 'found', data: { what: 'a service' } }) };
        },
      }),
      'healthcheck-only': createRule({
        name: 'healthcheck-only',
        meta,
        create(context) {
          count('healthcheck-only');
          return { HEALTHCHECK: (node) => context.report({ node, messageId: 'found', data: { what: 'a HEALTHCHECK' } }) };
        },
      }),
      // Chooses its visitors by the file: must be created on every file.
      'reads-file': createRule({
        name: 'reads-file',
        meta,
        create(context) {
          count('reads-file');
          if (!context.sourceFile.text.includes('RUN')) return {};
          return { RUN: (node) => context.report({ node, messageId: 'found', data: { what: 'a RUN' } }) };
        },
      }),
      // Reports from `create`: must be created on every file.
      'reports-in-create': createRule({
        name: 'reports-in-create',
        meta,
        create(context) {
          count('reports-in-create');
          context.report({ range: [0, 0], messageId: 'found', data: { what: 'a file' } });
          return {};
        },
      }),
    },
  };
}

const lint = async (text: string, filePath: string, plugins: readonly Plugin[]) => {
  const [result] = await lintText(text, {
    cwd: '/virtual',
    filePath,
    plugins,
    useConfigFiles: false,
    rules: { 'compose-only': 'error', 'healthcheck-only': 'error', 'reads-file': 'error', 'reports-in-create': 'error' },
  });
  return result!.messages.map((message) => `${message.ruleId} ${message.line}:${message.column} ${message.message}`);
};

describe('rule creation', () => {
  it('creates a rule that reads nothing of the file only on files it can visit', async () => {
    const created: Record<string, number> = {};
    const plugins = [plugin(created)];
    // The first file of a rule list also learns each rule's keys (one extra call of `create`).
    expect(await lint('FROM alpine:3\nRUN true\n', 'Dockerfile', plugins)).toEqual([
      'reports-in-create 1:1 found a file',
      'reads-file 2:1 found a RUN',
    ]);
    const afterFirst = { ...created };
    expect(afterFirst['compose-only']).toBe(1);
    expect(afterFirst['healthcheck-only']).toBe(1);

    expect(await lint('FROM alpine:3\nRUN true\n', 'Dockerfile', plugins)).toHaveLength(2);
    expect(created['compose-only']).toBe(afterFirst['compose-only']);
    expect(created['healthcheck-only']).toBe(afterFirst['healthcheck-only']);
    expect(created['reads-file']).toBe(afterFirst['reads-file']! + 1);
    expect(created['reports-in-create']).toBe(afterFirst['reports-in-create']! + 1);

    expect(await lint('FROM alpine:3\nHEALTHCHECK CMD true\n', 'Dockerfile', plugins)).toEqual([
      'reports-in-create 1:1 found a file',
      'healthcheck-only 2:1 found a HEALTHCHECK',
    ]);
    expect(created['healthcheck-only']).toBe(afterFirst['healthcheck-only']! + 1);

    expect(await lint('services:\n  web:\n    image: nginx\n', 'compose.yaml', plugins)).toEqual([
      'reports-in-create 1:1 found a file',
      'compose-only 2:3 found a service',
    ]);
    expect(created['compose-only']).toBe(afterFirst['compose-only']! + 1);
  });
});

describe('rule creation with settings', () => {
  // Listens to FROM only when the settings ask for it: its keys are the same for every file of a config.
  const settingsPlugin = (created: { count: number }): Plugin => ({
    meta: { name: 'settings' },
    rules: {
      'from-when-asked': createRule({
        name: 'from-when-asked',
        meta,
        create(context) {
          created.count++;
          if (context.settings['wantFrom'] !== true) return {};
          return { FROM: (node) => context.report({ node, messageId: 'found', data: { what: 'a FROM' } }) };
        },
      }),
    },
  });
  const files = {
    '/virtual/a/Dockerfile': 'FROM alpine:3\n',
    '/virtual/b/Dockerfile': 'FROM alpine:3\nFROM debian:12\n',
    '/virtual/c/compose.yaml': 'services:\n  web:\n    image: nginx\n',
  };
  const lintWith = async (settings: Record<string, unknown>, plugins: readonly Plugin[]) => {
    const results = await lintProject({
      cwd: '/virtual',
      host: new MemoryHost(files),
      plugins,
      useConfigFiles: false,
      baseConfig: { settings, rules: { 'from-when-asked': 'error' } },
    });
    return results.flatMap((result) => result.messages.map((message) => `${result.filePath} ${message.line}:${message.column} ${message.message}`));
  };

  it('learns the keys of a rule that reads the settings once per settings object', async () => {
    const created = { count: 0 };
    const plugins = [settingsPlugin(created)];
    expect(await lintWith({ wantFrom: true }, plugins)).toEqual([
      '/virtual/a/Dockerfile 1:1 found a FROM',
      '/virtual/b/Dockerfile 1:1 found a FROM',
      '/virtual/b/Dockerfile 2:1 found a FROM',
    ]);
    // Learnt once, then created on the two Dockerfiles, not on the Compose file.
    expect(created.count).toBe(3);
    // Other settings, other keys: none, so the rule is learnt and created on no file.
    created.count = 0;
    expect(await lintWith({}, plugins)).toEqual([]);
    expect(created.count).toBe(1);
  });
});
