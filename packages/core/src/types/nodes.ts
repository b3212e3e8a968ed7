import type { OffsetRange } from '@docmind-docker-lint/fixer';
import type { Dockerfile, Instruction } from 'dockerfile-ast';
import type { Document, Pair, Scalar, YAMLMap } from 'yaml';
import type { SourceFile } from '../source/source-file.js';

/** A problem the parser found: reported as a fatal message with `ruleId: null`. */
export interface ParseProblem {
  readonly message: string;
  readonly range: OffsetRange;
}

interface FileNodeBase {
  readonly file: SourceFile;
  readonly range: OffsetRange;
  readonly parseProblems: readonly ParseProblem[];
}

// ---------------------------------------------------------------- Dockerfile

/** A word of an instruction's arguments, as dockerfile-ast splits them (quotes kept in `raw`). */
export interface ArgumentNode {
  readonly value: string;
  readonly raw: string;
  readonly range: OffsetRange;
}

/** One element of an exec-form (JSON array) instruction. `range` covers the quotes. */
export interface ExecFormElement {
  readonly value: string;
  readonly range: OffsetRange;
  /** Range of the characters between the quotes. */
  readonly valueRange: OffsetRange;
}

export interface ExecForm {
  /** From `[` to `]` inclusive. */
  readonly range: OffsetRange;
  readonly elements: readonly ExecFormElement[];
}

/** A `--name=value` flag of an instruction (`COPY --from=build`, `RUN --mount=...`). */
export interface FlagNode {
  readonly name: string;
  readonly value: string | null;
  readonly range: OffsetRange;
  readonly valueRange: OffsetRange | null;
}

export interface InstructionNode {
  readonly type: 'Instruction';
  /** Upper-cased keyword: `FROM`, `RUN`, ... (`ONBUILD` keeps its own keyword). */
  readonly keyword: string;
  readonly keywordRange: OffsetRange;
  /** The whole instruction, across line continuations and heredoc bodies. */
  readonly range: OffsetRange;
  /** Raw text after the keyword (continuations kept), and its range; empty when there is none. */
  readonly argsText: string;
  readonly argsRange: OffsetRange;
  readonly args: readonly ArgumentNode[];
  readonly flags: readonly FlagNode[];
  /** Set when the arguments (after flags) are a valid JSON array of strings. */
  readonly execForm: ExecForm | null;
  /** The stage it belongs to; `null` for ARG instructions before the first FROM. */
  readonly stage: StageNode | null;
  readonly dockerfile: DockerfileNode;
  /** The dockerfile-ast object, for what this model does not expose. */
  readonly ast: Instruction;
}

export interface ImageReference {
  /** As written, variables unresolved. */
  readonly raw: string;
  /** After resolving ARG defaults (global ARGs, overridden by `buildArgs`). */
  readonly resolved: string;
  readonly registry: string | null;
  /** Repository path without registry, `library/` stripped for Docker Hub official images. */
  readonly name: string;
  readonly tag: string | null;
  readonly digest: string | null;
  readonly range: OffsetRange;
}

export interface StageNode {
  readonly type: 'Stage';
  readonly index: number;
  readonly name: string | null;
  readonly nameRange: OffsetRange | null;
  readonly from: InstructionNode;
  readonly image: ImageReference | null;
  /** The earlier stage this one is built `FROM`, when it names one. */
  readonly parent: StageNode | null;
  /** Instructions of the stage, FROM first. */
  readonly instructions: readonly InstructionNode[];
  readonly range: OffsetRange;
}

export interface CommentNode {
  readonly text: string;
  /** Range of the whole comment, `#` included. */
  readonly range: OffsetRange;
}

export interface DockerfileNode extends FileNodeBase {
  readonly type: 'Dockerfile';
  readonly ast: Dockerfile | null;
  readonly instructions: readonly InstructionNode[];
  readonly stages: readonly StageNode[];
  /** ARG instructions before the first FROM. */
  readonly globalArgs: readonly InstructionNode[];
  readonly comments: readonly CommentNode[];
  readonly escapeCharacter: string;
}

// ---------------------------------------------------------------- Compose

export interface ServiceBuild {
  /** Absolute build context folder. */
  readonly context: string;
  /** Absolute Dockerfile path (`dockerfile` resolved against the context, default `Dockerfile`). */
  readonly dockerfile: string;
  readonly target: string | null;
  /** Build args with literal values (list and map forms). */
  readonly args: Readonly<Record<string, string>>;
  /** The `build` pair of the service. */
  readonly node: Pair;
}

export interface ServiceNode {
  readonly type: 'Service';
  readonly name: string;
  readonly key: Scalar;
  /** The service's mapping; `null` when the value is not a map. */
  readonly value: YAMLMap | null;
  readonly range: OffsetRange;
  readonly build: ServiceBuild | null;
  readonly compose: ComposeFileNode;
}

export interface ComposeFileNode extends FileNodeBase {
  readonly type: 'ComposeFile';
  /** The first YAML document, comments and CST ranges kept; `null` when nothing could be parsed. */
  readonly document: Document.Parsed | null;
  readonly services: readonly ServiceNode[];
}

// ---------------------------------------------------------------- .dockerignore

export interface DockerignoreEntry {
  /** The pattern as Docker cleans it (no `!`, no leading `/`, trailing spaces trimmed). */
  readonly pattern: string;
  readonly negated: boolean;
  readonly line: number;
  readonly range: OffsetRange;
}

export interface DockerignoreNode extends FileNodeBase {
  readonly type: 'Dockerignore';
  readonly entries: readonly DockerignoreEntry[];
}

// ---------------------------------------------------------------- Python project files, env files

export interface PyprojectNode extends FileNodeBase {
  readonly type: 'Pyproject';
  readonly data: Readonly<Record<string, unknown>> | null;
  /** `[project].requires-python`, with the range of its string value (quotes included). */
  readonly requiresPython: { readonly value: string; readonly range: OffsetRange } | null;
}

export interface PythonVersionNode extends FileNodeBase {
  readonly type: 'PythonVersion';
  /** The first version line, or `null` when the file has none. */
  readonly version: { readonly value: string; readonly range: OffsetRange } | null;
}

export interface EnvEntry {
  readonly key: string;
  readonly value: string;
  readonly keyRange: OffsetRange;
  /** A `# KEY=value` line: a documented optional setting. */
  readonly commented: boolean;
}

export interface EnvFileNode extends FileNodeBase {
  readonly type: 'EnvFile';
  readonly entries: readonly EnvEntry[];
}

export type ParsedFile =
  | DockerfileNode
  | ComposeFileNode
  | DockerignoreNode
  | PyprojectNode
  | PythonVersionNode
  | EnvFileNode;
