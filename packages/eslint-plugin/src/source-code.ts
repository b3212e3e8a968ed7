import path from 'node:path';
import {
  classifyFile,
  NodeHost,
  parseDirectives,
  Project,
  yamlComments,
  type CommentNode,
  type ComposeFileNode,
  type Directive,
  type DockerfileNode,
  type LineSpan,
} from '@docmind-docker-lint/core';
import { eslintDirectivesOf, type EslintDirective } from './eslint-directives.js';

/** The root nodes the two languages produce: the core's parse of the file, unchanged. */
export type RootNode = DockerfileNode | ComposeFileNode;

/** Anything with a range of offsets: our nodes, comments, the ranges rules report. */
export interface Ranged {
  readonly range: readonly [number, number];
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface SourceLocation {
  readonly start: Position;
  readonly end: Position;
}

/** ESLint's traversal step: enter (phase 1) or leave (phase 2) a node. */
export interface VisitStep {
  readonly kind: 1;
  readonly target: unknown;
  readonly phase: 1 | 2;
  readonly args: readonly unknown[];
}

/**
 * Child keys for ESLint's selector engine (esquery): `Stage > Instruction`, `Dockerfile Instruction`,
 * `ComposeFile > Service`. Back references (`instruction.stage`, `service.compose`) are not keys.
 * Instructions before the first FROM are visited as children of the Dockerfile (`globalArgs`).
 */
export const VISITOR_KEYS: Readonly<Record<string, string[]>> = {
  Dockerfile: ['globalArgs', 'stages'],
  Stage: ['instructions'],
  Instruction: [],
  ComposeFile: ['services'],
  Service: [],
};

/**
 * ESLint's SourceCode for a Dockerfile or a Compose file. Lines and columns are 1-based, as the core's
 * (`SourceFile.positionAt`): the languages say `lineStart: 1, columnStart: 1`, so ESLint reports them
 * unchanged. Besides what ESLint asks of a SourceCode, it holds what every adapted rule of one lint
 * shares: the project model (cross-file facts) and our inline directives.
 */
export class DockerSourceCode {
  readonly text: string;
  readonly visitorKeys = VISITOR_KEYS;
  private project: Project | undefined;
  private ownDirectives: readonly Directive[] | undefined;
  private eslintDirectives: EslintDirective[] | undefined;

  constructor(readonly ast: RootNode) {
    this.text = ast.file.text;
  }

  /** The file's `#` comments (Dockerfile comment lines, YAML comments). */
  get comments(): readonly CommentNode[] {
    return this.ast.type === 'Dockerfile' ? this.ast.comments : (this.yamlCommentList ??= yamlComments(this.text));
  }
  private yamlCommentList: CommentNode[] | undefined;

  /** The file's lines without their line breaks, as ESLint's SourceCode has them. */
  get lines(): readonly string[] {
    return (this.lineList ??= this.text.split(/\r\n|\r|\n/u));
  }
  private lineList: string[] | undefined;

  getLoc(node: Ranged): SourceLocation {
    const { file } = this.ast;
    const start = file.positionAt(node.range[0]);
    const end = file.positionAt(node.range[1]);
    return { start: { line: start.line, column: start.column }, end: { line: end.line, column: end.column } };
  }

  getRange(node: Ranged): [number, number] {
    return [node.range[0], node.range[1]];
  }

  getText(node?: Ranged): string {
    return node ? this.text.slice(node.range[0], node.range[1]) : this.text;
  }

  /**
   * The order the core's linter visits in: the file; for a Dockerfile each stage around its
   * instructions (instructions before the first FROM belong to none); for a Compose file each service.
   */
  *traverse(): Iterable<VisitStep> {
    const ast = this.ast;
    const enter = (target: unknown, parent: unknown): VisitStep => ({ kind: 1, target, phase: 1, args: [target, parent] });
    const leave = (target: unknown, parent: unknown): VisitStep => ({ kind: 1, target, phase: 2, args: [target, parent] });
    yield enter(ast, null);
    if (ast.type === 'Dockerfile') {
      let stage: DockerfileNode['stages'][number] | null = null;
      for (const instruction of ast.instructions) {
        if (instruction.stage !== stage) {
          if (stage) yield leave(stage, ast);
          stage = instruction.stage;
          if (stage) yield enter(stage, ast);
        }
        const parent = stage ?? ast;
        yield enter(instruction, parent);
        yield leave(instruction, parent);
      }
      if (stage) yield leave(stage, ast);
    } else {
      for (const service of ast.services) {
        yield enter(service, ast);
        yield leave(service, ast);
      }
    }
    yield leave(ast, null);
  }

  /** `# eslint-disable...` comments, for ESLint's `noInlineConfig` warnings. */
  getInlineConfigNodes(): CommentNode[] {
    return this.eslintDirectivesOnce().map((directive) => directive.node);
  }

  /** `# eslint-disable`, `# eslint-enable`, `# eslint-disable-line`, `# eslint-disable-next-line`. */
  getDisableDirectives(): { directives: EslintDirective[]; problems: never[] } {
    return { directives: this.eslintDirectivesOnce(), problems: [] };
  }

  private eslintDirectivesOnce(): EslintDirective[] {
    this.eslintDirectives ??= eslintDirectivesOf(this.comments);
    return this.eslintDirectives;
  }

  /**
   * Our directives and the peers' pragmas (`# docmind-docker-lint-disable-next-line`, `# hadolint
   * ignore=`, `# check=skip=`), read as the core's linter reads them.
   */
  directives(): readonly Directive[] {
    if (this.ownDirectives) return this.ownDirectives;
    const ast = this.ast;
    const { file } = ast;
    const lineOf = (offset: number): number => file.positionAt(offset).line;
    const spans = (ranges: readonly Ranged[]): LineSpan[] =>
      ranges.map((node) => ({ startLine: lineOf(node.range[0]), endLine: lineOf(node.range[1]) }));
    const instructionSpans = ast.type === 'Dockerfile' ? spans(ast.instructions) : [];
    const stageSpans = ast.type === 'Dockerfile' ? spans(ast.stages) : [];
    this.ownDirectives = parseDirectives(
      this.text,
      this.comments,
      lineOf,
      (line) => instructionSpans.find((span) => span.startLine <= line && line <= span.endLine) ?? { startLine: line, endLine: line },
      (line) => stageSpans.find((span) => span.startLine === line) ?? { startLine: line, endLine: line },
    );
    return this.ownDirectives;
  }

  /**
   * The project model the rules of this lint share (`context.project`): files are read from disk
   * (`NodeHost`) inside `root`, except this file, whose text is ESLint's (it may be an unsaved buffer or
   * a text between two fix passes). Compose files in this file's folder and the folders above it up to
   * the root are linked, so a Dockerfile knows the services that build it.
   */
  projectFor(root: string): Project {
    if (this.project) return this.project;
    const { file } = this.ast;
    const host = new NodeHost();
    const composePaths = new Set<string>();
    if (this.ast.type === 'ComposeFile') composePaths.add(file.path);
    for (let dir = path.dirname(file.path); isInside(root, dir); dir = path.dirname(dir)) {
      for (const name of host.readDirectory(dir)) {
        if (classifyFile(name) === 'compose') composePaths.add(path.join(dir, name));
      }
      if (dir === root || dir === path.dirname(dir)) break;
    }
    const project = new Project(host, root, [...composePaths].sort(), new Map([[file.path, file.kind]]));
    project.setFile(this.ast);
    this.project = project;
    return project;
  }
}

export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
