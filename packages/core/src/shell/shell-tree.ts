import type { OffsetRange } from '@docmind-docker-lint/fixer';

/**
 * One node of a shell syntax tree, as tree-sitter-bash names it (`program`, `list`, `pipeline`,
 * `command`, `command_name`, `word`, `string`, `raw_string`, `subshell`, `if_statement`,
 * `heredoc_body`, ...; anonymous tokens have their own text as type: `&&`, `|`, `;`, `$(`).
 * Plain data: the tree-sitter tree it was copied from is already freed.
 */
export interface ShellNode {
  readonly type: string;
  /** `[start, end)` UTF-16 offsets into the text that was parsed (`ShellTree.text`). */
  readonly range: OffsetRange;
  /** The source text of the node. */
  readonly text: string;
  /** Named nodes are grammar rules; anonymous ones are punctuation and keywords. */
  readonly named: boolean;
  /** The field of its parent this node fills (`name`, `argument`, `body`, `condition`, ...), if any. */
  readonly field: string | null;
  /** Set on nodes the parser inserted to recover from an error (they cover no text). */
  readonly missing: boolean;
  readonly children: readonly ShellNode[];
}

/** A parsed shell script. */
export interface ShellTree {
  /** The text that was parsed; node ranges are offsets into it. */
  readonly text: string;
  readonly root: ShellNode;
  /** The script has syntax errors (`ERROR` or missing nodes somewhere in the tree). */
  readonly hasError: boolean;
}
