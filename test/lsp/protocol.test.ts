import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CancellationTokenSource,
  FileChangeType,
  LspTestClient,
  TextDocument,
  type CodeAction,
  type Diagnostic,
} from '../../packages/language-server/src/lsp-test-client.test-helper.js';
import { loadBuiltinPlugins } from '@docmind-docker-lint/core';
import docmindPlugin from '@docmind-docker-lint/plugin-docmind';
import { copyExample } from './project-fixture.js';

// Other rule packs grow beside these tests; they look at the mission rules and at parse problems only.
const MISSION_RULES = new Set(['non-root-user', 'python-version-pin', 'dockerignore-secrets', 'no-shell-in-json-cmd', 'docmind-env-contract']);
const codes = (diagnostics: readonly Diagnostic[]): string[] =>
  diagnostics.flatMap((diagnostic) => (diagnostic.code === undefined ? [messageOf(diagnostic)] : MISSION_RULES.has(String(diagnostic.code)) ? [String(diagnostic.code)] : []));
const messageOf = (diagnostic: Diagnostic): string => (typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value);
const whole = { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } };

/** Writes a root config that runs `ruleId` alone: the `recommended` base under every config is turned off rule by rule. */
async function onlyRule(dir: string, ruleId: string, setting: unknown): Promise<void> {
  expect(setting).toBeDefined();
  const ruleIds = (await loadBuiltinPlugins()).flatMap((plugin) => Object.keys(plugin.rules));
  expect(ruleIds).toContain(ruleId);
  const rules = Object.fromEntries(ruleIds.map((id) => [id, id === ruleId ? setting : 'off']));
  writeFileSync(path.join(dir, '.docmind-docker-lint.json'), JSON.stringify({ root: true, rules }));
}

describe('language server over stdio: the broken example', () => {
  let project: ReturnType<typeof copyExample>;
  let client: LspTestClient;
  let dockerfile: string;
  let compose: string;

  beforeEach(async () => {
    project = copyExample('broken-streamlit-app');
    client = await LspTestClient.spawn({ workspaceFolders: [project.dir], settings: { debounce: 0 } });
    dockerfile = client.uriOf(path.join(project.dir, 'Dockerfile'));
    compose = client.uriOf(path.join(project.dir, 'compose.yaml'));
  });

  afterEach(() => {
    client.dispose();
    project.remove();
  });

  const read = (name: string): string => readFileSync(path.join(project.dir, name), 'utf8');

  it('initializes with incremental sync, quick fixes and fix-all, and exits cleanly', async () => {
    expect(client.initializeResult?.capabilities).toMatchObject({
      textDocumentSync: { openClose: true, change: 2, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.docmind-docker-lint'] },
    });
    expect(client.initializeResult?.serverInfo?.name).toBe('docmind-docker-lint-lsp');
    expect(await client.shutdown()).toBe(0);
  });

  it('pushes the CLI problems of the Dockerfile with codes, docs links, exact ranges and related information', async () => {
    await client.open(dockerfile, 'dockerfile', read('Dockerfile'));
    const { diagnostics, version } = await client.waitForDiagnostics(dockerfile);
    expect(version).toBe(1);
    expect(codes(diagnostics)).toEqual(['non-root-user', 'python-version-pin', 'dockerignore-secrets', 'no-shell-in-json-cmd']);
    const pin = diagnostics.find((diagnostic) => diagnostic.code === 'python-version-pin')!;
    expect(pin).toMatchObject({
      range: { start: { line: 0, character: 12 }, end: { line: 0, character: 16 } },
      severity: 1,
      source: 'docmind-docker-lint',
      code: 'python-version-pin',
      codeDescription: { href: expect.stringMatching(/python-version-pin/) as unknown },
      relatedInformation: [
        {
          location: { uri: client.uriOf(path.join(project.dir, 'pyproject.toml')), range: { start: { line: 6, character: 18 }, end: { line: 6, character: 32 } } },
          message: 'The declared Python: requires-python ">=3.11,<3.12".',
        },
      ],
    });
  });

  it('lints a Compose file opened with language yaml', async () => {
    await client.open(compose, 'yaml', read('compose.yaml'));
    const { diagnostics } = await client.waitForDiagnostics(compose);
    expect(codes(diagnostics)).toEqual(['docmind-env-contract']);
    const envContract = diagnostics.find((diagnostic) => diagnostic.code === 'docmind-env-contract')!;
    expect(envContract.range).toEqual({ start: { line: 7, character: 6 }, end: { line: 7, character: 21 } });
  });

  it('offers the fix, suggestion and disable actions of a problem; applying the fix clears it', async () => {
    await client.open(dockerfile, 'dockerfile', read('Dockerfile'));
    await client.waitForDiagnostics(dockerfile);
    const cmdLine = { start: { line: 12, character: 10 }, end: { line: 12, character: 10 } };
    const actions = (await client.codeActions(dockerfile, cmdLine)).filter(
      (action) => action.kind !== 'quickfix' || MISSION_RULES.has(String(action.diagnostics?.[0]?.code)),
    );
    expect(actions.map((action) => [action.title, action.kind, action.isPreferred ?? false])).toEqual([
      ['Fix this no-shell-in-json-cmd problem', 'quickfix', false],
      ['Put /app/.venv/bin on PATH with ENV and call streamlit by name.', 'quickfix', false],
      ['Disable no-shell-in-json-cmd for this line', 'quickfix', false],
      ['Fix all auto-fixable docmind-docker-lint problems', 'source.fixAll.docmind-docker-lint', false],
    ]);
    expect(actions[0]!.diagnostics?.map((diagnostic) => diagnostic.code)).toEqual(['no-shell-in-json-cmd']);

    await client.applyWorkspaceEdit(actions[0]!.edit!);
    expect(client.text(dockerfile)).toContain('CMD ["/app/.venv/bin/streamlit", "run", "app.py", "--server.port=8501"]');
    const after = await client.waitForCurrentDiagnostics(dockerfile);
    expect(codes(after.diagnostics)).toEqual(['non-root-user', 'python-version-pin', 'dockerignore-secrets']);
  });

  it('marks a fix preferred when it is the only remedy', async () => {
    await client.open(dockerfile, 'dockerfile', read('Dockerfile'));
    await client.waitForDiagnostics(dockerfile);
    const actions = await client.codeActions(dockerfile, { start: { line: 0, character: 13 }, end: { line: 0, character: 13 } }, ['quickfix']);
    const pinFix = actions.find((action) => action.title === 'Fix this python-version-pin problem');
    expect(pinFix?.isPreferred).toBe(true);
    expect(pinFix?.edit?.documentChanges).toEqual([
      { textDocument: { uri: dockerfile, version: 1 }, edits: [{ range: { start: { line: 0, character: 12 }, end: { line: 0, character: 16 } }, newText: '3.11' }] },
    ]);
  });

  it('inserts the disable directive above the line, and the problem goes away', async () => {
    await client.open(dockerfile, 'dockerfile', read('Dockerfile'));
    await client.waitForDiagnostics(dockerfile);
    const actions = await client.codeActions(dockerfile, { start: { line: 0, character: 13 }, end: { line: 0, character: 13 } });
    const disable = actions.find((action) => action.title === 'Disable python-version-pin for this line')!;
    await client.applyWorkspaceEdit(disable.edit!);
    expect(client.text(dockerfile).split('\n').slice(0, 2)).toEqual(['# docmind-docker-lint-disable-next-line python-version-pin', 'FROM python:3.13-slim']);
    const after = await client.waitForCurrentDiagnostics(dockerfile);
    expect(codes(after.diagnostics)).toEqual(['non-root-user', 'dockerignore-secrets', 'no-shell-in-json-cmd']);

    const again = await client.codeActions(dockerfile, { start: { line: 1, character: 6 }, end: { line: 1, character: 6 } });
    const disableToo = again.find((action) => action.title === 'Disable non-root-user for this line')!;
    await client.applyWorkspaceEdit(disableToo.edit!);
    expect(client.text(dockerfile).split('\n')[0]).toBe('# docmind-docker-lint-disable-next-line python-version-pin, non-root-user');
  });

  it('fix-all applies every safe fix of the document in passes as one edit; the cross-file fix creates .dockerignore', async () => {
    await client.open(dockerfile, 'dockerfile', read('Dockerfile'));
    await client.waitForDiagnostics(dockerfile);
    const [fixAll, ...others] = await client.codeActions(dockerfile, whole, ['source.fixAll.docmind-docker-lint']);
    expect(others).toEqual([]);
    const edits = fixAll!.edit!.documentChanges!;
    expect(edits).toHaveLength(1);
    await client.applyWorkspaceEdit(fixAll!.edit!);
    const fixed = await client.waitForCurrentDiagnostics(dockerfile);
    expect(codes(fixed.diagnostics)).toEqual(['dockerignore-secrets']);

    const ignoreProblem = fixed.diagnostics.find((diagnostic) => diagnostic.code === 'dockerignore-secrets')!;
    const [createIgnore] = await client.codeActions(dockerfile, ignoreProblem.range, ['quickfix']);
    const ignoreUri = client.uriOf(path.join(project.dir, '.dockerignore'));
    expect(createIgnore!.title).toBe('Fix this dockerignore-secrets problem');
    expect(createIgnore!.isPreferred).toBe(true);
    const { created, closedEdits } = await client.applyWorkspaceEdit(createIgnore!.edit!);
    expect(created).toEqual([ignoreUri]);
    const content = TextDocument.applyEdits(TextDocument.create(ignoreUri, 'ignore', 0, ''), closedEdits.get(ignoreUri)!);
    expect(content).toContain('.env\n');
    writeFileSync(path.join(project.dir, '.dockerignore'), content);
    const since = client.published.length;
    await client.fileChanged(path.join(project.dir, '.dockerignore'), FileChangeType.Created);
    const clean = await client.waitForDiagnostics(dockerfile, () => true, 10_000, since);
    expect(codes(clean.diagnostics)).toEqual([]);
  });

  it('offers a file-creating fix as a non-preferred suggestion to a client that cannot create files', async () => {
    client.dispose();
    client = await LspTestClient.spawn({ workspaceFolders: [project.dir], capabilities: {} });
    await client.open(dockerfile, 'dockerfile', read('Dockerfile'));
    const { diagnostics } = await client.waitForDiagnostics(dockerfile);
    expect(diagnostics.find((diagnostic) => diagnostic.code === 'python-version-pin')!.relatedInformation).toBeUndefined();
    const ignoreProblem = diagnostics.find((diagnostic) => diagnostic.code === 'dockerignore-secrets')!;
    const actions = (await client.codeActions(dockerfile, ignoreProblem.range, ['quickfix'])).filter((action) => action.title.includes('dockerignore-secrets'));
    const ignoreUri = client.uriOf(path.join(project.dir, '.dockerignore'));
    expect(actions[0]).toMatchObject({ title: 'Fix this dockerignore-secrets problem (creates .dockerignore; save it)', kind: 'quickfix' });
    expect(actions[0]!.isPreferred).toBeUndefined();
    expect(Object.keys(actions[0]!.edit!.changes!)).toEqual([ignoreUri]);
  });

  it('re-lints open documents when pyproject.toml changes on disk and in the editor', async () => {
    await client.open(dockerfile, 'dockerfile', read('Dockerfile'));
    expect(codes((await client.waitForDiagnostics(dockerfile)).diagnostics)).toContain('python-version-pin');

    const pyproject = path.join(project.dir, 'pyproject.toml');
    writeFileSync(pyproject, read('pyproject.toml').replace('>=3.11,<3.12', '>=3.13'));
    let since = client.published.length;
    await client.fileChanged(pyproject, FileChangeType.Changed);
    const relinted = await client.waitForDiagnostics(dockerfile, () => true, 10_000, since);
    expect(codes(relinted.diagnostics)).toEqual(['non-root-user', 'dockerignore-secrets', 'no-shell-in-json-cmd']);

    const pyprojectUri = client.uriOf(pyproject);
    await client.open(pyprojectUri, 'toml', read('pyproject.toml'));
    since = client.published.length;
    await client.change(pyprojectUri, [{ range: { start: { line: 6, character: 19 }, end: { line: 6, character: 25 } }, text: '<3.13' }]);
    const fromBuffer = await client.waitForDiagnostics(dockerfile, () => true, 10_000, since);
    expect(fromBuffer.diagnostics.find((diagnostic) => diagnostic.code === 'python-version-pin')?.message).toMatch(/"<3\.13"/);
  });

  it('re-lints open documents when the settings schema named by the config changes on disk', async () => {
    writeFileSync(
      path.join(project.dir, '.docmind-docker-lint.json'),
      JSON.stringify({ root: true, extends: ['docmind'], rules: { 'docmind-env-contract': ['error', { prefix: 'DOCMIND_', settingsSchema: 'settings.schema.json' }] } }),
    );
    const schemaFile = path.join(project.dir, 'settings.schema.json');
    const schemaWith = (backends: string[]) =>
      JSON.stringify({ properties: { llm_backend: { enum: backends, type: 'string' }, ollama_base_url: { type: 'string' } } }, null, 2);
    writeFileSync(schemaFile, schemaWith(['ollama']));
    await client.fileChanged(path.join(project.dir, '.docmind-docker-lint.json'), FileChangeType.Changed);
    await client.open(compose, 'dockercompose', 'services:\n  app:\n    build: .\n    restart: unless-stopped\n    environment:\n      DOCMIND_LLM_BACKEND: vllm\n');
    const before = await client.waitForDiagnostics(compose);
    expect(before.diagnostics.find((diagnostic) => diagnostic.code === 'docmind-env-contract')?.message).toMatch(/takes one of `ollama`/);

    writeFileSync(schemaFile, schemaWith(['ollama', 'vllm']));
    const since = client.published.length;
    await client.fileChanged(schemaFile, FileChangeType.Changed);
    const after = await client.waitForDiagnostics(compose, () => true, 10_000, since);
    expect(after.diagnostics.map((diagnostic) => diagnostic.code)).not.toContain('docmind-env-contract');
  });

  it('takes config changes without a restart, and shows a broken config without dying', async () => {
    await client.open(compose, 'dockercompose', read('compose.yaml'));
    await client.waitForDiagnostics(compose);
    const config = path.join(project.dir, '.docmind-docker-lint.json');
    writeFileSync(config, JSON.stringify({ root: true, extends: ['docmind'], rules: { 'docmind-env-contract': 'off' } }));
    let since = client.published.length;
    await client.fileChanged(config, FileChangeType.Changed);
    expect(codes((await client.waitForDiagnostics(compose, () => true, 10_000, since)).diagnostics)).toEqual([]);

    writeFileSync(config, '{ "root": true, "rulez": {} }');
    since = client.published.length;
    await client.fileChanged(config, FileChangeType.Changed);
    const broken = await client.waitForDiagnostics(compose, () => true, 10_000, since);
    expect(broken.diagnostics).toHaveLength(1);
    expect(broken.diagnostics[0]).toMatchObject({ range: { start: { line: 0, character: 0 } }, severity: 1 });
    expect(messageOf(broken.diagnostics[0]!)).toMatch(/^Configuration error: .*\.docmind-docker-lint\.json.*rulez/);
    expect(client.shownMessages.map((message) => message.message).join('\n')).toMatch(/rulez/);

    writeFileSync(config, JSON.stringify({ root: true, extends: ['docmind'] }));
    since = client.published.length;
    await client.fileChanged(config, FileChangeType.Changed);
    expect(codes((await client.waitForDiagnostics(compose, () => true, 10_000, since)).diagnostics)).toEqual(['docmind-env-contract']);
  });

  it('registers file watchers dynamically', async () => {
    await client.open(compose, 'yaml', read('compose.yaml'));
    await client.waitForDiagnostics(compose);
    expect(client.registrations.map((registration) => registration.method)).toContain('workspace/didChangeWatchedFiles');
  });

  it('clears diagnostics when a document closes', async () => {
    await client.open(dockerfile, 'dockerfile', read('Dockerfile'));
    await client.waitForDiagnostics(dockerfile);
    await client.close(dockerfile);
    const cleared = await client.waitForDiagnostics(dockerfile, (params) => params.diagnostics.length === 0);
    expect(cleared.version).toBeUndefined();
  });
});

describe('language server over stdio: robustness', () => {
  let project: ReturnType<typeof copyExample>;
  let client: LspTestClient;

  beforeEach(async () => {
    project = copyExample('hardened-streamlit-app');
    client = await LspTestClient.spawn({ workspaceFolders: [project.dir], settings: { debounce: 0 } });
  });

  afterEach(() => {
    client.dispose();
    project.remove();
  });

  it('replaces the problems of a document that stops parsing with the parse problem, and recovers', async () => {
    // Every diagnostic is compared, positions included, so only the rule under test runs (with the docmind preset's options).
    await onlyRule(project.dir, 'docmind-env-contract', docmindPlugin.configs?.['docmind']?.rules?.['docmind-env-contract']);
    client.dispose();
    client = await LspTestClient.spawn({ workspaceFolders: [project.dir], settings: { debounce: 0 } });
    const uri = client.uriOf(path.join(project.dir, 'compose.yaml'));
    await client.open(uri, 'yaml', 'services:\n  app:\n    build: .\n    environment:\n      OLLAMA_BASE_URL: x\n');
    expect(codes((await client.waitForDiagnostics(uri)).diagnostics)).toEqual(['docmind-env-contract']);
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x: [unclosed\n' }]);
    const broken = await client.waitForCurrentDiagnostics(uri);
    // The parse problem arrives with the new version's problems; none is left at its old position.
    expect(broken.diagnostics.map((diagnostic) => [diagnostic.code ?? 'parse', diagnostic.range.start.line])).toEqual([
      ['parse', 1],
      ['docmind-env-contract', 5],
    ]);
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' }]);
    expect(codes((await client.waitForCurrentDiagnostics(uri)).diagnostics)).toEqual(['docmind-env-contract']);
  });

  it('survives garbage, parser traps and a huge document', async () => {
    const trap = client.uriOf(path.join(project.dir, 'trap.Dockerfile'));
    await client.open(trap, 'dockerfile', 'FROM python:3.11-slim\nRUN \\\n# comment\\comment\n');
    await client.waitForDiagnostics(trap);
    const garbage = client.uriOf(path.join(project.dir, 'garbage.Dockerfile'));
    await client.open(garbage, 'dockerfile', '\u0000\u0001\uffff\ud800 FROM [[[ """ \\\n\\\n{{{\r\r\n');
    await client.waitForDiagnostics(garbage);
    const yamlGarbage = client.uriOf(path.join(project.dir, 'compose.override.yaml'));
    await client.open(yamlGarbage, 'yaml', '&a [*a, *a]\n? ? ?\n\t- :\n"');
    await client.waitForDiagnostics(yamlGarbage);

    const huge = client.uriOf(path.join(project.dir, 'huge.Dockerfile'));
    await client.open(huge, 'dockerfile', `FROM python:3.11-slim\n${'RUN echo 0123456789012345678901234567890123456789\n'.repeat(120_000)}`);
    const { diagnostics } = await client.waitForDiagnostics(huge);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 2, message: expect.stringMatching(/larger than 5\.0 MiB/) as unknown });

    const clean = client.uriOf(path.join(project.dir, 'Dockerfile'));
    await client.open(clean, 'dockerfile', readFileSync(path.join(project.dir, 'Dockerfile'), 'utf8'));
    expect(codes((await client.waitForDiagnostics(clean)).diagnostics)).toEqual([]);
  });

  it('ignores unknown documents and answers requests about them', async () => {
    const readme = client.uriOf(path.join(project.dir, 'README.md'));
    await client.open(readme, 'markdown', '# hello\n');
    expect(await client.codeActions(readme, whole)).toEqual([]);
    expect(await client.codeActions('file:///nowhere/Dockerfile', whole)).toEqual([]);
    const untitled = 'untitled:Untitled-1';
    await client.open(untitled, 'dockerfile', 'FROM python:3.13-slim\nCMD [". x && y"]\n');
    expect(codes((await client.waitForDiagnostics(untitled)).diagnostics)).toContain('no-shell-in-json-cmd');
    expect(client.published.some((params) => params.uri === readme)).toBe(false);
  });

  it('honours the settings: disabled, and lint on save only', async () => {
    client.dispose();
    client = await LspTestClient.spawn({ workspaceFolders: [project.dir], settings: { run: 'onSave', debounce: 0 } });
    const uri = client.uriOf(path.join(project.dir, 'Dockerfile'));
    await client.open(uri, 'dockerfile', 'FROM python:3.11-slim\nUSER app\n');
    await client.waitForDiagnostics(uri);
    await client.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'CMD [". x && y"]\n' }]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(client.published.filter((params) => params.uri === uri).map((params) => params.version)).toEqual([1]);
    await client.save(uri);
    expect(codes((await client.waitForCurrentDiagnostics(uri)).diagnostics)).toContain('no-shell-in-json-cmd');

    client.settings = { enable: false };
    const since = client.published.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect((await client.waitForDiagnostics(uri, () => true, 10_000, since)).diagnostics).toEqual([]);
    expect(await client.codeActions(uri, whole)).toEqual([]);
  });

  it('answers pull diagnostics when the client asks for them, and then does not push', async () => {
    client.dispose();
    client = await LspTestClient.spawn({
      workspaceFolders: [project.dir],
      capabilities: { textDocument: { diagnostic: { relatedInformation: true } } },
    });
    expect(client.initializeResult?.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: true });
    const uri = client.uriOf(path.join(project.dir, 'Dockerfile'));
    await client.open(uri, 'dockerfile', 'FROM python:3.13-slim\n');
    const report = await client.connection.sendRequest<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    expect(report.kind).toBe('full');
    expect(codes(report.items)).toEqual(['non-root-user', 'python-version-pin']);
    expect(report.items[1]!.relatedInformation).toHaveLength(1);
    expect(client.published).toEqual([]);
  });

  it('stays alive when a request is cancelled', async () => {
    const uri = client.uriOf(path.join(project.dir, 'Dockerfile'));
    await client.open(uri, 'dockerfile', 'FROM python:3.13-slim\n');
    await client.waitForDiagnostics(uri);
    const source = new CancellationTokenSource();
    const pending = client.connection
      .sendRequest('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: [] } }, source.token)
      .then((actions) => actions as CodeAction[], (error: unknown) => error);
    source.cancel();
    await pending;
    const actions = await client.codeActions(uri, whole, ['quickfix']);
    expect(actions.length).toBeGreaterThan(0);
    expect(await client.shutdown()).toBe(0);
  });
});
