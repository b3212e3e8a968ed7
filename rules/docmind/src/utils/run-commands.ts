import type { InstructionNode } from '@docmind-docker-lint/core';
import { parse } from 'shell-quote';

/** Operators that end one simple command and start the next. */
const COMMAND_SEPARATORS = new Set(['&&', '||', ';', ';;', '|', '|&', '&', '(', ')']);
/** Redirections: the word after them is a file, not an argument. */
const REDIRECTIONS = new Set(['<', '>', '>>', '>&', '<&', '<(', '>|', '&>', '&>>']);
/** Words that open a compound command or prefix the real command. */
const SHELL_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', '}', 'fi', 'done']);
const COMMAND_WRAPPERS = new Set(['sudo', 'exec', 'command', 'env', 'nice', 'nohup', 'time']);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

/**
 * The simple commands a RUN instruction runs, each as its argument vector with the command name
 * first (leading `VAR=value` assignments, shell keywords and wrappers such as `sudo` dropped).
 * Variables stay as written (`$UID`). Shell form, heredoc bodies and exec form (including
 * `["sh", "-c", "..."]`) are read; anything the tokenizer cannot split is skipped, never guessed.
 */
export function runCommands(instruction: InstructionNode): string[][] {
  const form = instruction.execForm;
  if (form) {
    const argv = form.elements.map((element) => element.value);
    const [program, flag, script] = argv;
    if (program !== undefined && SHELLS.has(basename(program)) && flag === '-c' && script !== undefined) {
      return shellCommands(script, '\\');
    }
    return argv.length > 0 ? [argv] : [];
  }
  const flagsEnd = afterFlags(instruction);
  const first = instruction.args.find((argument) => argument.range[0] >= flagsEnd);
  if (!first) return [];
  const { file, escapeCharacter } = instruction.dockerfile;
  return shellCommands(file.text.slice(first.range[0], instruction.range[1]), escapeCharacter);
}

/** The commands of a shell script, after Dockerfile line continuations and comment lines are removed. */
export function shellCommands(script: string, escapeCharacter: string): string[][] {
  const lines: string[] = [];
  let pending = '';
  for (const line of script.split(/\r?\n/)) {
    if (/^\s*#/.test(line)) continue;
    const continued = line.trimEnd().endsWith(escapeCharacter);
    pending += continued ? line.trimEnd().slice(0, -escapeCharacter.length) : line;
    if (!continued) {
      lines.push(pending);
      pending = '';
    }
  }
  if (pending) lines.push(pending);
  return lines.flatMap(lineCommands);
}

function lineCommands(line: string): string[][] {
  let tokens: ReturnType<typeof parse>;
  try {
    tokens = parse(line, (name) => `$${name}`);
  } catch {
    return [];
  }
  const commands: string[][] = [];
  let current: string[] = [];
  let skipNext = false;
  const finish = (): void => {
    const command = stripPrefix(current);
    if (command.length > 0) commands.push(command);
    current = [];
  };
  for (const token of tokens) {
    if (typeof token === 'string') {
      if (skipNext) skipNext = false;
      else current.push(token);
    } else if ('op' in token) {
      if (token.op === 'glob') current.push(token.pattern);
      else if (COMMAND_SEPARATORS.has(token.op)) finish();
      else if (REDIRECTIONS.has(token.op)) skipNext = true;
    } else if ('comment' in token) {
      break;
    }
  }
  finish();
  return commands;
}

function stripPrefix(words: readonly string[]): string[] {
  let start = 0;
  while (start < words.length) {
    const word = words[start]!;
    const isPrefix = SHELL_KEYWORDS.has(word) || COMMAND_WRAPPERS.has(word) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(word);
    if (!isPrefix) break;
    start++;
  }
  return words.slice(start);
}

/** Where the script starts: after the instruction's last flag (`RUN --mount=... script`). */
function afterFlags(instruction: InstructionNode): number {
  const last = instruction.flags[instruction.flags.length - 1];
  return last ? last.range[1] : instruction.argsRange[0];
}

/** The last path component: `/usr/sbin/useradd` -> `useradd`. */
export function basename(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}
