import { fork, spawn } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  LspTestClient,
  REPO_ROOT,
  serverCommand,
  SocketMessageReader,
  SocketMessageWriter,
} from '../../packages/language-server/src/lsp-test-client.test-helper.js';
import { copyExample } from './project-fixture.js';

// The stdio transport is covered by protocol.test.ts; these check the other two that editors use.
describe('language server transports', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  async function lintsTheExample(client: LspTestClient, dir: string): Promise<void> {
    const uri = client.uriOf(path.join(dir, 'Dockerfile'));
    await client.open(uri, 'dockerfile', 'FROM python:3.13-slim\nCMD ["python", "app.py", "&&", "echo", "done"]\n');
    const { diagnostics } = await client.waitForCurrentDiagnostics(uri, 60_000);
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(expect.arrayContaining(['python-version-pin', 'no-shell-in-json-cmd', 'non-root-user']));
    const shell = diagnostics.find((diagnostic) => diagnostic.code === 'no-shell-in-json-cmd')!;
    expect(shell.range.start.line).toBe(1);
  }

  it('--socket=<port>: connects to the port the editor listens on, lints, and exits cleanly', async () => {
    const project = copyExample('broken-streamlit-app');
    cleanups.push(project.remove);
    const listener = createServer();
    cleanups.push(() => listener.close());
    const accepted = new Promise<Socket>((resolve) => listener.once('connection', resolve));
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const port = (listener.address() as { port: number }).port;
    const { command, args } = serverCommand([`--socket=${port}`]);
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    cleanups.push(() => child.kill());
    const socket = await accepted;
    const connection = createProtocolConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket));
    const client = await LspTestClient.connect(connection, { workspaceFolders: [project.dir], settings: { debounce: 0 } }, child);
    await lintsTheExample(client, project.dir);
    expect(await client.shutdown()).toBe(0);
  });

  it('--node-ipc: talks over the IPC channel of a forked process, lints, and exits cleanly', async () => {
    const project = copyExample('broken-streamlit-app');
    cleanups.push(project.remove);
    const { args } = serverCommand(['--node-ipc']);
    // `fork` runs a module with Node: split the node flags (source mode) from the module and its arguments.
    const moduleIndex = args.findIndex((arg) => arg.endsWith('bin.js') || arg.endsWith('bin.ts'));
    const child = fork(args[moduleIndex]!, args.slice(moduleIndex + 1), {
      cwd: REPO_ROOT,
      execArgv: args.slice(0, moduleIndex),
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    cleanups.push(() => child.kill());
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const client = await LspTestClient.connect(connection, { workspaceFolders: [project.dir], settings: { debounce: 0 } }, child);
    await lintsTheExample(client, project.dir);
    expect(await client.shutdown()).toBe(0);
  });
});
