// A JSON-RPC client for testing and benchmarking the server at the protocol level: it spawns the
// server (or talks to one in process), answers the server's requests as an editor would, applies
// workspace edits to its own copies of the documents, and waits for diagnostics.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type CodeAction,
  type FileChangeType,
  type InitializeResult,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type Registration,
  type ShowMessageParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const REPO_ROOT = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const PACKAGE_DIR = path.join(REPO_ROOT, 'packages/language-server');

/** What a capable editor declares: versioned edits with file creation, related information, watchers. */
export const EDITOR_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
  },
  textDocument: {
    synchronization: { didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
    codeAction: { isPreferredSupport: true },
  },
};

/**
 * How to start the server: the built `dist/bin.js` when it is newer than every source file of the
 * workspace packages (as after `pnpm test`'s build), else the TypeScript sources through tsx, so a
 * test never runs a stale build. `DOCMIND_LSP_SERVER=dist|source` forces one.
 */
export function serverCommand(transport: readonly string[] = ['--stdio']): { command: string; args: string[]; from: 'dist' | 'source' } {
  const dist = path.join(PACKAGE_DIR, 'dist/bin.js');
  const forced = process.env.DOCMIND_LSP_SERVER;
  const useDist = forced === 'dist' || (forced !== 'source' && existsSync(dist) && statSync(dist).mtimeMs >= newestSourceMtime());
  if (useDist) return { command: process.execPath, args: [dist, ...transport], from: 'dist' };
  return {
    command: process.execPath,
    args: ['--conditions=source', '--import', 'tsx', path.join(PACKAGE_DIR, 'src/bin.ts'), ...transport],
    from: 'source',
  };
}

function newestSourceMtime(): number {
  let newest = 0;
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const group of ['packages', 'rules']) {
    for (const name of readdirSync(path.join(REPO_ROOT, group))) {
      const src = path.join(REPO_ROOT, group, name, 'src');
      if (existsSync(src)) visit(src);
    }
  }
  return newest;
}

export interface StartOptions {
  readonly workspaceFolders?: readonly string[];
  readonly capabilities?: ClientCapabilities;
  readonly initializationOptions?: unknown;
  /** The answer to `workspace/configuration` for our section. */
  readonly settings?: unknown;
}

interface OpenDocument {
  document: TextDocument;
}

interface Waiter {
  readonly uri: string;
  readonly accept: (params: PublishDiagnosticsParams) => boolean;
  readonly resolve: (params: PublishDiagnosticsParams) => void;
}

export class LspTestClient {
  readonly logs: LogMessageParams[] = [];
  readonly shownMessages: ShowMessageParams[] = [];
  readonly registrations: Registration[] = [];
  readonly published: PublishDiagnosticsParams[] = [];
  /** `workspace/configuration` answers; tests change it before sending `didChangeConfiguration`. */
  settings: unknown;
  private readonly documents = new Map<string, OpenDocument>();
  private waiters: Waiter[] = [];
  initializeResult: InitializeResult | undefined;

  private constructor(
    readonly connection: ProtocolConnection,
    readonly child: ChildProcess | undefined,
    settings: unknown,
  ) {
    this.settings = settings;
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      const matched = this.waiters.filter((waiter) => waiter.uri === params.uri && waiter.accept(params));
      this.waiters = this.waiters.filter((waiter) => !matched.includes(waiter));
      for (const waiter of matched) waiter.resolve(params);
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params);
    });
    connection.onNotification(ShowMessageNotification.type, (params) => {
      this.shownMessages.push(params);
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.settings ?? null));
    connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
    });
    connection.listen();
  }

  /** Spawns the server and initializes it. */
  static async spawn(options: StartOptions = {}, transport: readonly string[] = ['--stdio']): Promise<LspTestClient> {
    const { command, args } = serverCommand(transport);
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspTestClient(connection, child, options.settings);
    await client.initialize(options);
    return client;
  }

  /** Talks to a server over an existing connection (in process, or over a socket). */
  static async connect(connection: ProtocolConnection, options: StartOptions = {}, child?: ChildProcess): Promise<LspTestClient> {
    const client = new LspTestClient(connection, child, options.settings);
    await client.initialize(options);
    return client;
  }

  private async initialize(options: StartOptions): Promise<void> {
    const folders = options.workspaceFolders ?? [];
    this.initializeResult = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders[0] ? pathToFileURL(folders[0]).href : null,
      workspaceFolders: folders.map((folder) => ({ uri: pathToFileURL(folder).href, name: path.basename(folder) })),
      capabilities: options.capabilities ?? EDITOR_CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  uriOf(filePath: string): string {
    return pathToFileURL(filePath).href;
  }

  text(uri: string): string {
    const open = this.documents.get(uri);
    if (!open) throw new Error(`${uri} is not open`);
    return open.document.getText();
  }

  version(uri: string): number {
    return this.documents.get(uri)?.document.version ?? -1;
  }

  async open(uri: string, languageId: string, text: string): Promise<void> {
    this.documents.set(uri, { document: TextDocument.create(uri, languageId, 1, text) });
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends incremental changes (each range relative to the text after the previous one). */
  async change(uri: string, changes: readonly { range: Range; text: string }[]): Promise<number> {
    const open = this.documents.get(uri);
    if (!open) throw new Error(`${uri} is not open`);
    const version = open.document.version + 1;
    open.document = TextDocument.update(open.document, [...changes], version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes.map((change) => ({ range: change.range, text: change.text })),
    });
    return version;
  }

  /** Applies edits of one document (relative to its current text) and sends them as one change each, last first. */
  async applyTextEdits(uri: string, edits: readonly TextEdit[]): Promise<number> {
    const sorted = [...edits].sort((a, b) => compare(b.range.start, a.range.start));
    return this.change(uri, sorted.map((edit) => ({ range: edit.range, text: edit.newText })));
  }

  /** Applies a workspace edit to open documents; returns the edits for files that are not open (and created files). */
  async applyWorkspaceEdit(edit: WorkspaceEdit): Promise<{ created: string[]; closedEdits: Map<string, TextEdit[]> }> {
    const created: string[] = [];
    const closedEdits = new Map<string, TextEdit[]>();
    const editFile = async (uri: string, edits: readonly TextEdit[]): Promise<void> => {
      if (this.documents.has(uri)) await this.applyTextEdits(uri, edits);
      else closedEdits.set(uri, [...(closedEdits.get(uri) ?? []), ...edits]);
    };
    for (const change of edit.documentChanges ?? []) {
      if ('kind' in change) {
        if (change.kind === 'create') created.push(change.uri);
      } else {
        await editFile(change.textDocument.uri, change.edits.filter((item): item is TextEdit => 'range' in item));
      }
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) await editFile(uri, edits);
    return { created, closedEdits };
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async fileChanged(filePath: string, type: FileChangeType): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: this.uriOf(filePath), type }] });
  }

  codeActions(uri: string, range: Range, only?: string[]): Promise<CodeAction[]> {
    return this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: { diagnostics: [], ...(only ? { only } : {}) },
    }) as Promise<CodeAction[]>;
  }

  /** The first diagnostics for `uri` (already received or to come) that `accept` takes. */
  waitForDiagnostics(
    uri: string,
    accept: (params: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 10_000,
    since = 0,
  ): Promise<PublishDiagnosticsParams> {
    const done = this.published.slice(since).findLast((params) => params.uri === uri && accept(params));
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const last = this.published.findLast((params) => params.uri === uri);
        reject(new Error(`No matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(last?.diagnostics.map((d) => d.code ?? d.message))}`));
      }, timeoutMs);
      this.waiters.push({ uri, accept, resolve: (params) => (clearTimeout(timer), resolve(params)) });
    });
  }

  /** Diagnostics for the document's current version. */
  waitForCurrentDiagnostics(uri: string, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    const version = this.version(uri);
    return this.waitForDiagnostics(uri, (params) => params.version === version, timeoutMs);
  }

  /** shutdown + exit; resolves with the server's exit code. */
  async shutdown(): Promise<number | null> {
    const exited = this.child ? new Promise<number | null>((resolve) => this.child!.once('exit', (code) => resolve(code))) : Promise.resolve(null);
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await exited;
    this.connection.dispose();
    return code;
  }

  dispose(): void {
    this.connection.dispose();
    this.child?.kill();
  }
}

function compare(a: { line: number; character: number }, b: { line: number; character: number }): number {
  return a.line - b.line || a.character - b.character;
}

// Tests outside this package cannot resolve its dev dependencies; they take what they need from here.
export { CancellationTokenSource, FileChangeType, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
export { TextDocument } from 'vscode-languageserver-textdocument';
export {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  SocketMessageReader,
  SocketMessageWriter,
} from 'vscode-languageserver-protocol/node';
