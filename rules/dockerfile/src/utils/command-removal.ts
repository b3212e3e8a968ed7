import type { OffsetRange, ShellNode } from '@docmind-docker-lint/core';
import { fileRangeOf } from './script-text.js';
import type { ShellCommand } from './shell-command.js';

/**
 * The Dockerfile range to delete so that a command no longer runs while the rest of its `&&` chain
 * still does: the command with the `&&` after it (`a && b && c` -> `b && c` for `a`), or with the
 * `&&` before it (`a && b` -> `a`). When the command is the whole shell-form RUN, the instruction
 * with its line. `null` when the command sits anywhere else (a pipeline, `||`, `;`, a nested
 * `sh -c` string, exec form): there, deleting it could change what the rest does.
 */
export function commandRemovalRange(command: ShellCommand, text: string): OffsetRange | null {
  const { script, node } = command;
  if (command.form !== 'shell' || !script || !node) return null;
  const parent = parentOf(script.tree.root, node);
  if (!parent) return null;
  if (parent.type === 'program') {
    const statements = parent.children.filter((child) => child.named && child.type !== 'comment');
    if (statements.length !== 1 || script.origin !== 'shell-form' || script.parent !== null) return null;
    return instructionLineRange(script.instruction.range, text);
  }
  if (parent.type !== 'list') return null;
  const [left, operator, right] = parent.children;
  if (!left || !right || operator?.type !== '&&' || parent.children.length !== 3) return null;
  return node === right ? fileRangeOf(script, [left.range[1], right.range[1]]) : fileRangeOf(script, [left.range[0], right.range[0]]);
}

/** The node whose child `target` is. */
function parentOf(root: ShellNode, target: ShellNode): ShellNode | undefined {
  for (const child of root.children) {
    if (child === target) return root;
    const found = parentOf(child, target);
    if (found) return found;
  }
  return undefined;
}

/** An instruction's range widened to whole lines: its indentation and the line break after it. */
export function instructionLineRange(range: OffsetRange, text: string): OffsetRange {
  let start = range[0];
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  let end = range[1];
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  return [start, end];
}
