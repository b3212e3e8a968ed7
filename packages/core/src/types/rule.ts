import type { FileEdit, OffsetRange } from '@docmind-docker-lint/fixer';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import type { SourceFile } from '../source/source-file.js';
import type { ConfigObject } from './config.js';
import type {
  ComposeFileNode,
  DockerfileNode,
  DockerignoreNode,
  EnvFileNode,
  InstructionNode,
  ParsedFile,
  PyprojectNode,
  ServiceNode,
  StageNode,
} from './nodes.js';
import type { ProjectFacts } from './project.js';

export type RuleType = 'problem' | 'suggestion' | 'layout';

/** The ids of peers' checks a rule covers, so their pragmas and names map onto it. */
export interface RuleSources {
  readonly hadolint?: readonly string[];
  readonly buildkit?: readonly string[];
  readonly checkov?: readonly string[];
  readonly trivy?: readonly string[];
  readonly dclint?: readonly string[];
  readonly kics?: readonly string[];
}

export interface RuleDocs {
  readonly description: string;
  /** In the `recommended` preset. */
  readonly recommended?: boolean;
  readonly url?: string;
  readonly sources?: RuleSources;
}

export interface RuleMeta<MessageIds extends string, Options extends readonly unknown[]> {
  readonly type: RuleType;
  readonly docs: RuleDocs;
  readonly messages: Readonly<Record<MessageIds, string>>;
  /** JSON Schema of the options array (or of its items, given as an array, as in ESLint). */
  readonly schema: JSONSchema4 | readonly JSONSchema4[];
  readonly defaultOptions: Options;
  readonly fixable?: 'code' | 'whitespace';
  readonly hasSuggestions?: boolean;
  readonly deprecated?: boolean;
  /**
   * The rule calls `parseShell()` (the bash parser). The engine loads the parser, once per process,
   * before linting when an enabled rule sets this; without it `parseShell()` returns `undefined`.
   */
  readonly requiresShellParser?: boolean;
  /**
   * What the rule's findings depend on besides the linted files and the configuration: an external
   * program and its version (the `shellcheck` rule runs ShellCheck). `--cache` keys each file's entry
   * on the text this returns for every enabled rule that declares it, so a result is not reused after
   * the program is installed, removed or upgraded. Called at most once per run and options (as
   * configured: without the defaults), with the project root; a function that throws makes the
   * entries of that run not reusable.
   */
  readonly environment?: (options: readonly unknown[], root: string) => string;
}

/** Builds the edits of a fix. Offsets are into the linted file unless a path is given. */
export interface RuleFixer {
  replaceTextRange(range: OffsetRange, text: string): FileEdit;
  insertTextBeforeRange(range: OffsetRange, text: string): FileEdit;
  insertTextAfterRange(range: OffsetRange, text: string): FileEdit;
  removeRange(range: OffsetRange): FileEdit;
  /** An edit of another file of the project, by absolute path. */
  replaceTextRangeIn(file: string, range: OffsetRange, text: string): FileEdit;
  /** Creates a file that does not exist yet. */
  createFile(file: string, text: string): FileEdit;
}

export type FixFunction = (fixer: RuleFixer) => FileEdit | readonly FileEdit[] | null;

export interface RelatedReport {
  readonly file: string;
  readonly range: OffsetRange;
  readonly message: string;
}

export interface SuggestionReport<MessageIds extends string> {
  readonly messageId: MessageIds;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly fix: FixFunction;
}

export interface ReportDescriptor<MessageIds extends string> {
  readonly messageId: MessageIds;
  readonly data?: Readonly<Record<string, string | number>>;
  /** Where the problem is: a node with a range, or a range of offsets into the linted file. */
  readonly node?: { readonly range: OffsetRange };
  readonly range?: OffsetRange;
  readonly fix?: FixFunction | null;
  readonly suggest?: readonly SuggestionReport<MessageIds>[] | null;
  readonly related?: readonly RelatedReport[];
  /**
   * `'warn'` reports this problem as a warning even when the rule is configured as an error (a
   * softer finding of a rule, such as a development artifact beside a secret). It never raises
   * a problem above the rule's configured severity.
   */
  readonly severity?: 'warn';
  /**
   * The code of one check of a tool a rule wraps (`SC2086` of the `shellcheck` rule): the problem's
   * `code`, which a directive naming it (`# hadolint ignore=SC2086`, ours too) silences on its own.
   */
  readonly code?: string;
  /**
   * Spans of the linted file whose text is a value the rule judged secret (an `ENV API_KEY=...` value).
   * Messages never show them; formatters that copy file text (JSON `source`, fixes, diffs) mask them.
   */
  readonly secretRanges?: readonly OffsetRange[];
}

export interface RuleContext<MessageIds extends string, Options extends readonly unknown[]> {
  readonly id: string;
  /** Options as configured (defaults are merged by `createRule` and passed to `create`). */
  readonly options: Options | readonly unknown[];
  /** Absolute path of the file being linted. */
  readonly filename: string;
  readonly sourceFile: SourceFile;
  readonly parsed: ParsedFile;
  readonly project: ProjectFacts;
  /** `settings` of the configuration. */
  readonly settings: Readonly<Record<string, unknown>>;
  report(descriptor: ReportDescriptor<MessageIds>): void;
}

/** Dockerfile instruction keywords, each a visitor key receiving that instruction. */
export type InstructionKeyword =
  | 'ADD'
  | 'ARG'
  | 'CMD'
  | 'COPY'
  | 'ENTRYPOINT'
  | 'ENV'
  | 'EXPOSE'
  | 'FROM'
  | 'HEALTHCHECK'
  | 'LABEL'
  | 'MAINTAINER'
  | 'ONBUILD'
  | 'RUN'
  | 'SHELL'
  | 'STOPSIGNAL'
  | 'USER'
  | 'VOLUME'
  | 'WORKDIR';

/** Visitors a rule returns, by node type (and, for instructions, by keyword). */
export type RuleListener = {
  Dockerfile?: (node: DockerfileNode) => void;
  'Dockerfile:exit'?: (node: DockerfileNode) => void;
  Stage?: (node: StageNode) => void;
  'Stage:exit'?: (node: StageNode) => void;
  Instruction?: (node: InstructionNode) => void;
  ComposeFile?: (node: ComposeFileNode) => void;
  'ComposeFile:exit'?: (node: ComposeFileNode) => void;
  Service?: (node: ServiceNode) => void;
  Dockerignore?: (node: DockerignoreNode) => void;
  EnvFile?: (node: EnvFileNode) => void;
  Pyproject?: (node: PyprojectNode) => void;
} & { [K in InstructionKeyword]?: (node: InstructionNode) => void };

export interface RuleModule<
  MessageIds extends string = string,
  Options extends readonly unknown[] = readonly unknown[],
> {
  readonly name: string;
  readonly meta: RuleMeta<MessageIds, Options>;
  create(context: RuleContext<MessageIds, Options>): RuleListener;
}

/** A rule of any message ids and options (what registries and the linter hold). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = RuleModule<string, any>;

/** A plugin: rules plus named presets (`configs`). Built-in packs are plugins too. */
export interface Plugin {
  readonly meta: {
    readonly name: string;
    readonly version?: string;
    /** Rule ids are `<namespace>/<rule>`; built-in packs have none, so their ids are bare. */
    readonly namespace?: string;
  };
  readonly rules: Readonly<Record<string, AnyRule>>;
  readonly configs?: Readonly<Record<string, ConfigObject>>;
}
