import path from 'node:path';
import { parseSource, SourceFile } from '@docmind-docker-lint/core';
import { DockerSourceCode, VISITOR_KEYS, type RootNode } from './source-code.js';

/** ESLint's file: `body` without BOM (ESLint strips it and puts it back when it writes fixes). */
interface EslintFile {
  readonly path: string;
  readonly physicalPath?: string;
  readonly body: string | Uint8Array;
}

type ParseResult =
  | { readonly ok: true; readonly ast: RootNode }
  | { readonly ok: false; readonly errors: { message: string; line: number; column: number }[] };

/**
 * An ESLint language (ESLint's languages API, ESLint 9.7 and later) over the core's parser for one
 * kind of file. Every file given to the `dockerfile` language is parsed as a Dockerfile and every file
 * given to `compose` as a Compose file, whatever its name: the configs say which files those are.
 */
export class DockerLanguage {
  readonly fileType = 'text';
  readonly lineStart = 1;
  readonly columnStart = 1;
  readonly nodeTypeKey = 'type';
  readonly visitorKeys = VISITOR_KEYS;
  readonly defaultLanguageOptions = {};

  constructor(readonly kind: 'dockerfile' | 'compose') {}

  /** There are no language options; what a config sets under `languageOptions` for other files is ignored. */
  validateLanguageOptions(_languageOptions: Readonly<Record<string, unknown>>): void {}

  /**
   * Parses with the core's parser. A file the parser reports problems in (a YAML syntax error, a
   * Dockerfile instruction that cannot be read) is a parse failure for ESLint: ESLint reports the
   * problems as fatal "Parsing error"s and runs no rule on the file, where our CLI reports them and
   * still runs the rules.
   */
  parse(file: EslintFile): ParseResult {
    const text = typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
    const source = SourceFile.fromText(path.resolve(file.physicalPath ?? file.path), text, this.kind);
    let parsed;
    try {
      parsed = parseSource(source);
    } catch (error) {
      return { ok: false, errors: [{ message: error instanceof Error ? error.message : String(error), line: 1, column: 1 }] };
    }
    if (parsed?.type !== 'Dockerfile' && parsed?.type !== 'ComposeFile') {
      return { ok: false, errors: [{ message: `not a ${this.kind} file`, line: 1, column: 1 }] };
    }
    if (parsed.parseProblems.length > 0) {
      return {
        ok: false,
        errors: parsed.parseProblems.map((problem) => {
          const start = source.positionAt(Math.min(problem.range[0], source.text.length));
          return { message: problem.message, line: start.line, column: start.column };
        }),
      };
    }
    return { ok: true, ast: parsed };
  }

  createSourceCode(_file: EslintFile, result: { readonly ast: RootNode }): DockerSourceCode {
    return new DockerSourceCode(result.ast);
  }
}
