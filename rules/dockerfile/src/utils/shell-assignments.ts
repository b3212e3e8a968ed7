import type { InstructionNode, OffsetRange, ShellNode } from '@docmind-docker-lint/core';
import { analyseRun } from './run-script.js';
import { fileRangeOf } from './script-text.js';
import { decodeWord, shellWordOf, type ShellWord } from './shell-word.js';

/** A variable set in a RUN: `A=1 cmd`, `export A=1`, `env A=1 cmd`, `A=1; ...`. */
export interface ShellAssignment {
  readonly name: string;
  /** The value word; `null` for `export A` or `A=`. */
  readonly value: ShellWord | null;
  /** From the name to the end of the value. */
  readonly range: OffsetRange;
}

/** Every variable assignment in the scripts of a RUN (see `analyseRun`), `env NAME=value` words included. */
export function runAssignments(instruction: InstructionNode): ShellAssignment[] {
  const analysis = analyseRun(instruction);
  const found: ShellAssignment[] = [];
  for (const script of analysis.scripts) {
    walk(script.tree.root, (node) => {
      if (node.type !== 'variable_assignment') return;
      const name = node.children.find((child) => child.field === 'name');
      const value = node.children.find((child) => child.field === 'value');
      if (!name) return;
      found.push({ name: name.text, value: value ? shellWordOf(value, script) : null, range: fileRangeOf(script, node.range) });
    });
  }
  for (const command of analysis.commands) {
    for (const word of command.wrappers) {
      // `env A=1 cmd`: the shell sees plain words; env makes them variables.
      const match = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(word.value);
      if (!match || !command.wrappers.some((wrapper) => wrapper.value === 'env' || wrapper.value.endsWith('/env'))) continue;
      const valueText = word.value.slice(match[0].length);
      const span = word.node ? decodeWord(word.node).spans[match[0].length] : undefined;
      const valueStart = span && command.script ? command.script.starts[span[0]]! : word.range[1] - (word.node ? 0 : 1) - valueText.length;
      found.push({
        name: match[1]!,
        value: valueText === '' ? null : { value: valueText, raw: valueText, range: [valueStart, word.range[1]], literal: word.literal },
        range: word.range,
      });
    }
  }
  return found.sort((a, b) => a.range[0] - b.range[0]);
}

function walk(node: ShellNode, visit: (node: ShellNode) => void): void {
  visit(node);
  for (const child of node.children) walk(child, visit);
}
