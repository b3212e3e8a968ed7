import path from 'node:path';
import {
  ConfigError,
  NodeHost,
  SourceFile,
  type LintMessage,
} from '@docmind-docker-lint/core';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActionsFor, FIX_ALL_KIND } from './code-actions.js';
import { Debouncer } from './debouncer.js';
import { DependencyIndex } from './dependency-index.js';
import { documentKind } from './document-kind.js';
import { FILE_WATCHERS } from './file-watchers.js';
import type { EditSupport } from './fix-to-workspace-edit.js';
import { lintDocument, type LintOutcome, type LintTarget } from './lint-document.js';
import { bomShiftOf, offsetsOfRange, type DocumentView } from './offset-positions.js';
import { packageVersion } from './package-version.js';
import { SessionCache, VIRTUAL_ROOT, type CachedSession, type SessionDefaults } from './session-cache.js';
import { DEFAULT_SETTINGS, readSettings, SETTINGS_SECTION, type ServerSettings } from './settings.js';
import { configErrorDiagnostic, failureDiagnostic, toDiagnostic, type DiagnosticOptions } from './to-diagnostic.js';
import { pathOfUri, uriOfPath } from './uri-path.js';
import { WorkspaceRoots } from './workspace-roots.js';

export interface ServerOptions {
  /** Options every lint session gets (plugins, a base config); the CLI's defaults otherwise. */
  readonly sessionDefaults?: SessionDefaults;
}

/** Wires the docmind-docker-lint language server to a connection and starts listening. */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  new DockerLintServer(connection, options).listen();
}

/** One lint of one version of a document, kept for code actions and pull requests of that version. */
interface DocumentLint {
  readonly version: number;
  /** The server's generation when the lint started: config and dependency changes make older ones stale. */
  readonly generation: number;
  readonly target: LintTarget;
  readonly view: DocumentView;
  /** `undefined` when linting is disabled in the settings. */
  readonly outcome: LintOutcome | undefined;
  readonly session: CachedSession | undefined;
  readonly diagnostics: Diagnostic[];
}

class DockerLintServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly sessions: SessionCache;
  private readonly roots = new WorkspaceRoots();
  private readonly dependencies = new DependencyIndex();
  private readonly debouncer = new Debouncer();
  private readonly disk = new NodeHost();
  /** Open documents' texts by the path they are linted as: the overlay every lint sees. */
  private readonly openTexts = new Map<string, string>();
  private readonly uriByPath = new Map<string, string>();
  /** What each open document is linted as; `null` for documents the server does not lint. */
  private readonly targets = new Map<string, LintTarget | null>();
  private readonly lints = new Map<string, DocumentLint>();
  private readonly justOpened = new Set<string>();
  private readonly shownConfigErrors = new Set<string>();
  private readonly loggedRuleFailures = new Map<string, string>();
  private readonly settingsByRoot = new Map<string, Promise<ServerSettings>>();
  private generation = 0;
  private untitledCount = 0;
  private capabilities: ClientCapabilities = {};
  private initialSettings: ServerSettings = DEFAULT_SETTINGS;
  /** Settings sent with `workspace/didChangeConfiguration`, for clients without `workspace/configuration`. */
  private pushedSettings: unknown;

  constructor(
    private readonly connection: Connection,
    options: ServerOptions,
  ) {
    this.sessions = new SessionCache(options.sessionDefaults);
  }

  listen(): void {
    const { connection, documents } = this;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => this.initialized());
    connection.onShutdown(() => this.debouncer.cancelAll());
    documents.onDidOpen((event) => this.justOpened.add(event.document.uri));
    documents.onDidChangeContent((event) => this.contentChanged(event.document));
    documents.onDidSave((event) => this.saved(event.document));
    documents.onDidClose((event) => this.closed(event.document));
    connection.onDidChangeWatchedFiles((params) => {
      for (const change of params.changes) {
        const filePath = pathOfUri(change.uri);
        if (filePath) this.fileChanged(filePath, change.type !== FileChangeType.Changed);
      }
    });
    connection.onDidChangeConfiguration((params) => {
      const settings = (params.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
      if (settings !== undefined) this.pushedSettings = settings;
      this.settingsByRoot.clear();
      this.relintAll();
    });
    connection.onCodeAction((params, token) => this.codeActions(params, token));
    connection.languages.diagnostics.on(async (params, token) => {
      const lint = await this.lintCurrent(params.textDocument.uri);
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled.');
      return { kind: DocumentDiagnosticReportKind.Full, items: lint?.diagnostics ?? [] };
    });
    documents.listen(connection);
    connection.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.capabilities = params.capabilities;
    const init = params.initializationOptions as Record<string, unknown> | null | undefined;
    this.initialSettings = readSettings(init?.[SETTINGS_SECTION] ?? init);
    const folders = params.workspaceFolders?.map((folder) => pathOfUri(folder.uri)) ?? [params.rootUri ? pathOfUri(params.rootUri) : undefined];
    this.roots.set(folders.filter((folder): folder is string => folder !== undefined));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        ...(this.pushMode ? {} : { diagnosticProvider: { identifier: SETTINGS_SECTION, interFileDependencies: true, workspaceDiagnostics: false } }),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'docmind-docker-lint-lsp', version: packageVersion() },
    };
  }

  private initialized(): void {
    const workspace = this.capabilities.workspace;
    if (workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [...FILE_WATCHERS] });
    }
    if (workspace?.didChangeConfiguration?.dynamicRegistration) {
      void this.connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
    if (workspace?.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const folder of event.removed) this.withPath(folder.uri, (folderPath) => this.roots.remove(folderPath));
        for (const folder of event.added) this.withPath(folder.uri, (folderPath) => this.roots.add(folderPath));
        this.settingsByRoot.clear();
        this.relintAll();
      });
    }
  }

  /** The client pulls diagnostics (`textDocument/diagnostic`) when it can; otherwise the server pushes them. */
  private get pushMode(): boolean {
    return !this.capabilities.textDocument?.diagnostic;
  }

  private get editSupport(): EditSupport {
    const workspaceEdit = this.capabilities.workspace?.workspaceEdit;
    return { documentChanges: workspaceEdit?.documentChanges === true, createFiles: workspaceEdit?.resourceOperations?.includes('create') === true };
  }

  // ------------------------------------------------------------------ document events

  private contentChanged(document: TextDocument): void {
    const target = this.targetOf(document);
    const filePath = pathOfUri(document.uri);
    if (filePath) {
      this.openTexts.set(filePath, document.getText());
      this.uriByPath.set(filePath, document.uri);
    } else if (target) {
      this.openTexts.set(target.path, document.getText());
    }
    const opened = this.justOpened.delete(document.uri);
    if (target) {
      if (opened) this.requestLint(document.uri, 0);
      else void this.lintAfterTyping(document.uri);
    }
    if (filePath && !opened) this.relintDependentsOf(filePath, false, document.uri);
  }

  private saved(document: TextDocument): void {
    const filePath = pathOfUri(document.uri);
    if (filePath && this.sessions.invalidateFor(filePath)) {
      this.relintAll();
      return;
    }
    if (this.targets.get(document.uri)) this.requestLint(document.uri, 0);
  }

  private closed(document: TextDocument): void {
    const { uri } = document;
    const target = this.targets.get(uri);
    const filePath = pathOfUri(uri);
    this.debouncer.cancel(uri);
    this.lints.delete(uri);
    this.targets.delete(uri);
    this.justOpened.delete(uri);
    this.dependencies.delete(uri);
    this.loggedRuleFailures.delete(uri);
    if (target) this.openTexts.delete(target.path);
    if (filePath) {
      this.openTexts.delete(filePath);
      this.uriByPath.delete(filePath);
      // Other documents saw the closed buffer; now they see the file on disk again.
      this.relintDependentsOf(filePath, false, uri);
    }
    if (target && this.pushMode) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private fileChanged(filePath: string, createdOrDeleted: boolean): void {
    if (this.sessions.invalidateFor(filePath)) this.relintAll();
    else this.relintDependentsOf(filePath, createdOrDeleted);
  }

  // ------------------------------------------------------------------ scheduling

  private async lintAfterTyping(uri: string): Promise<void> {
    const settings = await this.settingsFor(uri);
    if (settings.run === 'onType') this.requestLint(uri, settings.debounce);
  }

  /** Lints (push mode) or asks the client to pull again (pull mode) after `delayMs`. */
  private requestLint(uri: string, delayMs: number): void {
    if (!this.pushMode) return;
    this.debouncer.schedule(uri, delayMs, () => {
      this.lintAndPublish(uri).catch((error: unknown) => this.logError(`Linting ${uri} failed`, error));
    });
  }

  private relintDependentsOf(filePath: string, createdOrDeleted: boolean, except?: string): void {
    const dependents = this.dependencies.dependentsOf(filePath, createdOrDeleted).filter((uri) => uri !== except);
    if (dependents.length === 0) return;
    this.generation++;
    for (const uri of dependents) this.lints.delete(uri);
    if (this.pushMode) for (const uri of dependents) this.requestLint(uri, 0);
    else this.refreshPulledDiagnostics();
  }

  private relintAll(): void {
    this.generation++;
    this.lints.clear();
    this.shownConfigErrors.clear();
    if (!this.pushMode) {
      this.refreshPulledDiagnostics();
      return;
    }
    for (const document of this.documents.all()) if (this.targets.get(document.uri)) this.requestLint(document.uri, 0);
  }

  private refreshPulledDiagnostics(): void {
    if (this.capabilities.workspace?.diagnostics?.refreshSupport) void this.connection.languages.diagnostics.refresh();
  }

  // ------------------------------------------------------------------ linting

  private async lintAndPublish(uri: string): Promise<void> {
    const lint = await this.lintCurrent(uri);
    if (!lint || this.documents.get(uri)?.version !== lint.version) return;
    await this.connection.sendDiagnostics({ uri, version: lint.version, diagnostics: lint.diagnostics });
  }

  /** The lint of the document's current version: the kept one, or a new one. */
  private async lintCurrent(uri: string): Promise<DocumentLint | undefined> {
    const kept = this.lints.get(uri);
    if (kept && kept.version === this.documents.get(uri)?.version && kept.generation === this.generation) return kept;
    const opened = this.documents.get(uri);
    const target = opened && this.targetOf(opened);
    if (!target) return undefined;
    const generation = this.generation;
    const settings = await this.settingsFor(uri);
    let session: CachedSession | undefined;
    let outcome: LintOutcome | undefined;
    if (settings.enable) {
      try {
        session = await this.sessions.forRoot(this.rootOf(target), settings.configFile);
      } catch (error) {
        outcome = error instanceof ConfigError ? { type: 'config-error', error } : { type: 'failed', error };
      }
    }
    // Awaiting may have let edits in: lint the text as it is now, synchronously.
    const document = this.documents.get(uri);
    if (!document) return undefined;
    if (session) outcome = lintDocument(session.session, session.files, target, this.openTexts);
    const view: DocumentView = { uri, version: document.version, document, bomShift: bomShiftOf(document.getText()) };
    const lint: DocumentLint = { version: document.version, generation, target, view, outcome, session, diagnostics: this.diagnosticsOf(view, outcome, session) };
    if (outcome && 'dependencies' in outcome) this.dependencies.set(uri, outcome.dependencies);
    if (generation === this.generation) this.lints.set(uri, lint);
    return lint;
  }

  private diagnosticsOf(view: DocumentView, outcome: LintOutcome | undefined, session: CachedSession | undefined): Diagnostic[] {
    if (!outcome) return [];
    const options = this.diagnosticOptions(session);
    switch (outcome.type) {
      case 'linted':
        this.logRuleFailures(view.uri, outcome.result.messages);
        return outcome.result.messages.map((message) => toDiagnostic(message, view, options));
      case 'ignored':
        return [];
      case 'config-error':
        if (!this.shownConfigErrors.has(outcome.error.message)) {
          this.shownConfigErrors.add(outcome.error.message);
          // A notification: the request form (`showMessageRequest`) would wait for a button click.
          void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `docmind-docker-lint: ${outcome.error.message}` });
        }
        return [configErrorDiagnostic(outcome.error, options)];
      case 'failed':
        this.logError(`Linting ${view.uri} failed`, outcome.error);
        return [failureDiagnostic(outcome.error)];
    }
  }

  private diagnosticOptions(session: CachedSession | undefined): DiagnosticOptions {
    const textDocument = this.capabilities.textDocument;
    const relatedInformation = (this.pushMode ? textDocument?.publishDiagnostics : textDocument?.diagnostic)?.relatedInformation === true;
    return {
      relatedInformation,
      docsUrl: (ruleId) => session?.session.rules.get(ruleId)?.meta.docs.url,
      uriOf: (filePath) => this.uriByPath.get(filePath) ?? uriOfPath(filePath),
    };
  }

  /** A rule that threw is reported as a problem by the core; the server also logs it, once per change. */
  private logRuleFailures(uri: string, messages: readonly LintMessage[]): void {
    const failures = messages.filter((message) => message.internal);
    const key = failures.map((message) => `${message.ruleId}: ${message.message}`).join('\n');
    if (key === (this.loggedRuleFailures.get(uri) ?? '')) return;
    this.loggedRuleFailures.set(uri, key);
    for (const failure of failures) this.connection.console.error(`Rule ${failure.ruleId} failed on ${uri}: ${failure.message}`);
  }

  // ------------------------------------------------------------------ code actions

  private async codeActions(params: CodeActionParams, token: CancellationToken): Promise<CodeAction[]> {
    const lint = await this.lintCurrent(params.textDocument.uri);
    const cancelled = (): boolean => token.isCancellationRequested;
    if (!lint || lint.outcome?.type !== 'linted' || !lint.session || lint.outcome.result.source === undefined) return [];
    const { result } = lint.outcome;
    const { session } = lint.session;
    const files = lint.session.files;
    const { target, view } = lint;
    const options = this.diagnosticOptions(lint.session);
    const actions = codeActionsFor(
      {
        view,
        source: SourceFile.fromText(target.path, result.source ?? '', target.kind),
        instructions: target.kind === 'dockerfile' ? (lint.outcome.project.getDockerfile(target.path)?.instructions ?? []) : [],
        messages: result.messages,
        diagnosticOf: (message) => toDiagnostic(message, view, options),
        viewOf: (filePath) => (filePath === target.path ? view : this.viewOf(filePath)),
        editSupport: this.editSupport,
        relint: (text) => {
          const outcome = lintDocument(session, files, target, new Map(this.openTexts).set(target.path, text));
          return outcome.type === 'linted' ? outcome.result.messages : [];
        },
        isCancelled: cancelled,
      },
      offsetsOfRange(view, params.range),
      params.context.only,
    );
    if (cancelled()) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled.');
    return actions;
  }

  /** Another file as the client sees it: its open document, else its text on disk. */
  private viewOf(filePath: string): DocumentView | undefined {
    const uri = this.uriByPath.get(filePath);
    const open = uri ? this.documents.get(uri) : undefined;
    if (open) return { uri: open.uri, version: open.version, document: open, bomShift: bomShiftOf(open.getText()) };
    const bytes = this.disk.readFile(filePath);
    if (!bytes) return undefined;
    // TextDecoder drops a BOM, as editors do when they show a file.
    const text = new TextDecoder().decode(bytes);
    const fileUri = uriOfPath(filePath);
    return { uri: fileUri, version: null, document: TextDocument.create(fileUri, 'plaintext', 0, text), bomShift: 0 };
  }

  // ------------------------------------------------------------------ helpers

  private targetOf(document: TextDocument): LintTarget | null {
    const known = this.targets.get(document.uri);
    if (known !== undefined) return known;
    const filePath = pathOfUri(document.uri);
    const kind = documentKind(document.languageId, filePath ?? '');
    let target: LintTarget | null = null;
    if (kind && filePath) target = { uri: document.uri, path: filePath, kind };
    else if (kind) {
      const name = kind === 'compose' ? 'compose.yaml' : 'Dockerfile';
      target = { uri: document.uri, path: path.join(VIRTUAL_ROOT, String(++this.untitledCount), name), kind };
    }
    this.targets.set(document.uri, target);
    return target;
  }

  private rootOf(target: LintTarget): string {
    return target.path.startsWith(VIRTUAL_ROOT + path.sep) ? VIRTUAL_ROOT : this.roots.rootOf(target.path);
  }

  private settingsFor(uri: string): Promise<ServerSettings> {
    if (!this.capabilities.workspace?.configuration) return Promise.resolve(readSettings(this.pushedSettings, this.initialSettings));
    const filePath = pathOfUri(uri);
    const root = filePath ? this.roots.rootOf(filePath) : '';
    let settings = this.settingsByRoot.get(root);
    if (!settings) {
      const scope = root ? { scopeUri: uriOfPath(root) } : {};
      settings = this.connection.workspace
        .getConfiguration({ ...scope, section: SETTINGS_SECTION })
        .then((raw: unknown) => readSettings(raw, this.initialSettings))
        .catch(() => this.initialSettings);
      this.settingsByRoot.set(root, settings);
    }
    return settings;
  }

  private withPath(uri: string, use: (filePath: string) => void): void {
    const filePath = pathOfUri(uri);
    if (filePath) use(filePath);
  }

  private logError(what: string, error: unknown): void {
    this.connection.console.error(`${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
