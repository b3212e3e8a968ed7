import type { OffsetRange, ShellNode } from '@docmind-docker-lint/core';
import { commandNameIndex } from './command-wrappers.js';
import { programName } from './program-name.js';
import type { RunScript } from './run-script.js';
import type { TreeShellWord } from './shell-word.js';

/** A simple command a RUN instruction runs (`apt-get install -y curl`), with exact Dockerfile positions. */
export interface ShellCommand {
  /** The word naming the program run, after wrappers such as `sudo` or `env A=1`. */
  readonly name: TreeShellWord;
  /** `name.value` without its folder: `/usr/bin/apt-get` -> `apt-get`. */
  readonly program: string;
  /** The words after the name. */
  readonly args: readonly TreeShellWord[];
  /** Words before the name that run it (`sudo -u app`, `env A=1`); empty for most commands. */
  readonly wrappers: readonly TreeShellWord[];
  /** Every word: wrappers, name, args. */
  readonly words: readonly TreeShellWord[];
  /** The command in the Dockerfile, from its first word (or `A=1` prefix) to its last word or redirection. */
  readonly range: OffsetRange;
  /**
   * `shell`: words of a shell script (maybe nested in a `sh -c` string or a JSON string);
   * `exec`: the elements of an exec-form JSON array, which no shell reads.
   */
  readonly form: 'shell' | 'exec';
  /** The script it was found in; `null` in exec form. */
  readonly script: RunScript | null;
  /** Its `command` node in `script.tree`; `null` in exec form. */
  readonly node: ShellNode | null;
}

/** The nodes of a `command` node's words: its name's word, then its arguments; `null` for a bare assignment. */
export function commandWordNodes(node: ShellNode): ShellNode[] | null {
  const nameNode = node.children.find((child) => child.type === 'command_name');
  if (!nameNode) return null;
  const nameWord = nameNode.children.find((child) => child.named) ?? nameNode;
  return [nameWord, ...node.children.filter((child) => child.field === 'argument')];
}

/** A command from its words, wrappers resolved (`nameIndex`: where the name is, when already known). */
export function commandOfWords(
  words: readonly TreeShellWord[],
  range: OffsetRange,
  form: 'shell' | 'exec',
  script: RunScript | null,
  node: ShellNode | null,
  nameIndex = commandNameIndex(words),
): ShellCommand {
  const name = words[nameIndex]!;
  return {
    name,
    program: programName(name.value),
    args: words.slice(nameIndex + 1),
    wrappers: words.slice(0, nameIndex),
    words,
    range,
    form,
    script,
    node,
  };
}
