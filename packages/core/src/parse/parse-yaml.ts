import { Composer, Parser, YAMLParseError, type CST, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';
import type { ParseProblem } from '../types/nodes.js';

/**
 * How deeply collections may nest in a YAML file we compose. `yaml` builds nodes by recursion, one
 * chain of calls per level, and catches the stack overflow of a deeper text (`RESOURCE_EXHAUSTION`,
 * since 2.8.3). That is not safe in V8: the handler goes on at the edge of the stack and tests the
 * empty node it makes against the schema's regular expressions, and when V8 compiles one of them to
 * native code at that moment its regexp compiler finds no stack left and aborts the process
 * ("FATAL ERROR: RegExpCompiler Allocation failed"), which no `catch` sees. The depth reached also
 * varies with how much of yaml the JIT has optimised (smaller frames), so the errors of the same text
 * differed from one parse to the next. yaml overflowed at about 940 nested flow collections, 1,250
 * block ones (Node 20, default stack); a Compose file nests about 6 deep. 128 leaves rules that walk
 * the document by recursion (and the caller's own stack) a wide margin.
 */
export const MAX_YAML_DEPTH = 128;

export type YamlParseOptions = ParseOptions & DocumentOptions & SchemaOptions;

export interface YamlDocuments {
  /** The documents; empty when the text nests too deeply (nothing is composed then). */
  readonly documents: Document.Parsed[];
  /** Set when a collection nests deeper than `MAX_YAML_DEPTH`, at its first character. */
  readonly tooDeep: ParseProblem | null;
}

/**
 * `parseAllDocuments` with a depth check between `yaml`'s two phases: the CST is built without
 * recursion, its nesting measured with an explicit stack, and the recursive composer runs only on a
 * text within `MAX_YAML_DEPTH` (`prettyErrors` is not applied: messages keep one line).
 */
export function parseYamlDocuments(text: string, options: YamlParseOptions = {}, maxDepth = MAX_YAML_DEPTH): YamlDocuments {
  const tokens = Array.from(new Parser().parse(text));
  const tooDeep = tooDeepCollection(tokens, maxDepth);
  if (tooDeep) return { documents: [], tooDeep };
  return { documents: Array.from(new Composer(options).compose(tokens)), tooDeep: null };
}

/**
 * `parseDocument` with the same depth check: the first document (an empty one for an empty text),
 * or `null` with the problem when the text nests too deeply. A second document is an error, as
 * `parseDocument` reports it.
 */
export function parseYamlDocument(text: string, options: YamlParseOptions = {}, maxDepth = MAX_YAML_DEPTH): { document: Document.Parsed | null; tooDeep: ParseProblem | null } {
  const tokens = Array.from(new Parser().parse(text));
  const tooDeep = tooDeepCollection(tokens, maxDepth);
  if (tooDeep) return { document: null, tooDeep };
  const documents = Array.from(new Composer(options).compose(tokens, true, text.length));
  const [document, second] = documents;
  if (document && second) {
    document.errors.push(new YAMLParseError([second.range[0], second.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; a single document was expected'));
  }
  return { document: document ?? null, tooDeep: null };
}

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/**
 * The first collection token (in document order) deeper than `maxDepth`, walked with a stack: the
 * CST may nest 100,000 deep.
 */
function tooDeepCollection(tokens: readonly CST.Token[], maxDepth: number): ParseProblem | null {
  // Two parallel stacks (values and their depths) rather than an object per entry: this runs on
  // every CST node of every YAML file.
  const pending: unknown[] = [];
  const depths: number[] = [];
  for (let index = tokens.length - 1; index >= 0; index--) {
    pending.push(tokens[index]);
    depths.push(0);
  }
  const children: unknown[] = [];
  while (pending.length > 0) {
    const value = pending.pop();
    const depth = depths.pop()!;
    if (!value || typeof value !== 'object') continue;
    let inner = depth;
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) {
        const child: unknown = value[index];
        if (child && typeof child === 'object') {
          pending.push(child);
          depths.push(inner);
        }
      }
      continue;
    }
    const token = value as { type?: unknown; offset?: unknown };
    if (typeof token.type === 'string' && COLLECTIONS.has(token.type)) {
      inner = depth + 1;
      if (inner > maxDepth) {
        const offset = typeof token.offset === 'number' ? token.offset : 0;
        return { message: `YAML collections nest more than ${maxDepth} levels deep; the file is not read further`, range: [offset, offset + 1] };
      }
    }
    // The object's own values in `Object.values` order (CST tokens are plain objects), pushed in reverse.
    children.length = 0;
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const child: unknown = (value as Record<string, unknown>)[key];
      if (child && typeof child === 'object') children.push(child);
    }
    for (let index = children.length - 1; index >= 0; index--) {
      pending.push(children[index]);
      depths.push(inner);
    }
  }
  return null;
}
