import { createRequire } from 'node:module';
import { Language, Parser, type TreeCursor } from 'web-tree-sitter';
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
let grammar: { readonly types: readonly string[]; readonly named: readonly boolean[]; readonly fields: readonly (string | null)[] } | undefined;

/** Loads the shell parser; resolves at once when it is loaded. Safe to call many times. */
export function loadShellParser(): Promise<void> {
  loading ??= (async () => {
    await Parser.init();
    const wasm = createRequire(import.meta.url).resolve('tree-sitter-bash/tree-sitter-bash.wasm');
    const language = await Language.load(wasm);
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
function copyNode(cursor: TreeCursor, text: string, field: string | null, names: NonNullable<typeof grammar>): ShellNode {
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
