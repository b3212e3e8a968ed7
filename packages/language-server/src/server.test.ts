import path from 'node:path';
import { PassThrough } from 'node:stream';
import { loadBuiltinPlugins, type Plugin } from '@docmind-docker-lint/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createProtocolConnection } from 'vscode-languageserver-protocol/node';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { LspTestClient, REPO_ROOT } from './lsp-test-client.test-helper.js';
import { startServer, type ServerOptions } from './server.js';

const throwingPlugin: Plugin = {
  meta: { name: 'throwing-test-plugin', namespace: 'test' },
  rules: {
    throws: {
      name: 'throws',
      meta: { type: 'problem', docs: { description: 'Throws on every Dockerfile.' }, messages: {}, schema: [], defaultOptions: [] },
      create: () => ({
        Dockerfile: () => {
          throw new Error('boom');
        },
      }),
    },
  },
};

/** A server in this process, over in-memory streams (no `exit`: it would end the test process). */
async function inProcess(options: ServerOptions, folder: string): Promise<LspTestClient> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  startServer(createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), options);
  const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  return LspTestClient.connect(connection, { workspaceFolders: [folder], settings: { debounce: 0 } });
}

describe('startServer', () => {
  let client: LspTestClient | undefined;
  afterEach(() => client?.dispose());

  it('logs a rule that throws, and the other rules still report', async () => {
    const folder = path.join(REPO_ROOT, 'examples/broken-streamlit-app');
    client = await inProcess(
      {
        sessionDefaults: {
          plugins: [...(await loadBuiltinPlugins()), throwingPlugin],
          baseConfig: { extends: ['recommended'], rules: { 'test/throws': 'error' } },
        },
      },
      folder,
    );
    const uri = client.uriOf(path.join(folder, 'Dockerfile'));
    await client.open(uri, 'dockerfile', 'FROM python:3.13-slim\n');
    const { diagnostics } = await client.waitForDiagnostics(uri);
    const codes = diagnostics.map((diagnostic) => diagnostic.code);
    expect(codes).toContain('test/throws');
    expect(codes).toContain('python-version-pin');
    expect(client.logs.map((log) => log.message)).toContainEqual(expect.stringMatching(/^Rule test\/throws failed on .*Dockerfile: .*boom/));
  });
});
