import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Language, Parser, type TreeCursor } from 'web-tree-sitter';
import { RecentByText } from '../utils/recent-by-text.js';
import type { ShellNode, ShellTree } from './shell-tree.js';

/**
 * The bash parser (web-tree-sitter with the grammar tree-sitter-bash ships as wasm), loaded at most
 * once per process. Loading is asynchronous (about 16 ms) and rules are synchronous, so the engine
 * calls `loadShellParser()` before linting when an enabled rule sets `meta.requiresShellParser`, and
 * rules call `parseShell()`, which is synchronous.
 */
let loading: Promise<Parser> | undefined;
let parser: Parser | undefined;
/** Node type names, whether each is named, and field names, by id: cheaper than asking the wasm side per node. */
let grammar: Grammar | undefined;

interface Grammar {
  readonly types: readonly string[];
  readonly named: readonly boolean[];
  readonly fields: readonly (string | null)[];
}

/** Loads the shell parser; resolves at once when it is loaded. Safe to call many times. */
export function loadShellParser(): Promise<void> {
  loading ??= (async () => {
    await Parser.init();
    const language = await Language.load(bashGrammarPath());
    const created = new Parser();
    created.setLanguage(language);
    const ids = Array.from({ length: language.nodeTypeCount }, (_, id) => id);
    grammar = {
      types: ids.map((id) => language.nodeTypeForId(id) ?? ''),
      named: ids.map((id) => language.nodeTypeIsNamed(id)),
      fields: language.fields,
    };
    parser = created;
    return created;
  })();
  return loading.then(() => undefined);
}

/**
 * The published core ships tree-sitter-bash's wasm grammar beside its bundle (scripts/build.mjs copies
 * it), so installing it does not fetch that package's native sources and prebuilds; from the sources
 * (tests, tsx) the grammar is the dev dependency's.
 */
function bashGrammarPath(): string {
  const shipped = fileURLToPath(new URL('./tree-sitter-bash.wasm', import.meta.url));
  return existsSync(shipped) ? shipped : createRequire(import.meta.url).resolve('tree-sitter-bash/tree-sitter-bash.wasm');
}

/** Whether `parseShell` can parse (the parser has finished loading). */
export function isShellParserLoaded(): boolean {
  return parser !== undefined;
}

/**
 * Parses a POSIX/bash script into a plain syntax tree, or returns `undefined` when the parser is not
 * loaded (a rule without `meta.requiresShellParser`, or a caller that did not prepare the session).
 * Scripts with syntax errors still give a tree (`hasError`), with `ERROR` nodes where the parser
 * recovered.
 */
export function parseShell(text: string): ShellTree | undefined {
  if (!parser || !grammar) return undefined;
  const cached = recentTrees.get(text);
  if (cached) return cached;
  const tree = parseTree(text, parser, grammar);
  if (tree) recentTrees.set(text, tree);
  return tree;
}

/**
 * Trees of recently parsed scripts by their text. Trees are plain immutable data, so one parse serves
 * every script with the same text: an editor re-linting a file on each keystroke parses only the RUN
 * that changed, and files that share scripts (templates, stages) parse them once. Bounded by size.
 */
const recentTrees = new RecentByText<ShellTree>(64 * 1024, 8 * 1024);

function parseTree(text: string, parser: Parser, grammar: Grammar): ShellTree | undefined {
  const tree = parser.parse(text);
  if (!tree) return undefined;
  try {
    const cursor = tree.walk();
    try {
      return { text, root: copyNode(cursor, text, null, grammar), hasError: tree.rootNode.hasError };
    } finally {
      cursor.delete();
    }
  } finally {
    // Trees live in the wasm heap: free each one as soon as it is copied.
    tree.delete();
  }
}

/** Copies the node under the cursor and its descendants into plain objects. */
function copyNode(cursor: TreeCursor, text: string, field: string | null, names: Grammar): ShellNode {
  const start = cursor.startIndex;
  const end = cursor.endIndex;
  const typeId = cursor.nodeTypeId;
  const type = names.types[typeId] ?? cursor.nodeType;
  const named = names.named[typeId] ?? cursor.nodeIsNamed;
  const missing = start === end && cursor.nodeIsMissing;
  const children: ShellNode[] = [];
  if (cursor.gotoFirstChild()) {
    do {
      children.push(copyNode(cursor, text, names.fields[cursor.currentFieldId] ?? null, names));
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
  }
  return { type, range: [start, end], text: text.slice(start, end), named, field, missing, children };
}
