import {
  parseShell,
  type ExecFormElement,
  type InstructionNode,
  type OffsetRange,
  type ShellNode,
  type ShellTree,
} from '@docmind-docker-lint/core';
import { commandNameIndex } from './command-wrappers.js';
import { dockerfileScriptText, fileRangeOf, nestedScriptText, ShiftedScriptText, type ScriptText } from './script-text.js';
import { commandOfWords, commandWordNodes, type ShellCommand } from './shell-command.js';
import { decodeWord, shellWordOf, type TreeShellWord } from './shell-word.js';
import { programName } from './program-name.js';
import { isRunInstruction } from './run-instruction.js';
import { isPosixShell, stageShell } from './stage-shell.js';

/** Where a script was found. */
export type ScriptOrigin =
  /** The shell form text of the RUN (heredocs fed to its commands included, as the shell gets them). */
  | 'shell-form'
  /** `RUN <<EOF`: the heredoc body is the script. */
  | 'heredoc'
  /** The string after `-c` in `RUN ["sh", "-c", "..."]`. */
  | 'exec-form'
  /** The string after `-c` of `sh -c '...'` inside another script. */
  | 'shell-string'
  /** A heredoc fed to a shell (`bash <<EOF`) inside another script. */
  | 'shell-heredoc';

/** A shell script a RUN runs, parsed, with every offset of its text mapped to the Dockerfile. */
export interface RunScript extends ScriptText {
  readonly instruction: InstructionNode;
  readonly origin: ScriptOrigin;
  /** The syntax tree; node ranges are offsets into `text` (map them with `fileRangeOf`). */
  readonly tree: ShellTree;
  /** The script this one is nested in (`sh -c` strings, heredocs fed to a shell); `null` at the top. */
  readonly parent: RunScript | null;
}

/** A RunScript over its text (which keeps the offsets a cached text is moved by, see `ShiftedScriptText`). */
class PlacedRunScript extends ShiftedScriptText implements RunScript {
  constructor(
    text: ScriptText,
    readonly instruction: InstructionNode,
    readonly origin: ScriptOrigin,
    readonly tree: ShellTree,
    readonly parent: RunScript | null,
  ) {
    super(text);
  }
}

/** What a RUN instruction runs. */
export interface RunAnalysis {
  /** The shell it runs with (SHELL instruction, inherited from the parent stage, or `/bin/sh -c`). */
  readonly shell: readonly string[];
  /** `false` for PowerShell/cmd: then nothing is analysed (`scripts` and `commands` are empty). */
  readonly posix: boolean;
  /** Every script, outermost first; nested `sh -c` strings and shell heredocs follow their parent. */
  readonly scripts: readonly RunScript[];
  /** Every simple command of every script (and the exec-form command itself), in Dockerfile order. */
  readonly commands: readonly ShellCommand[];
}

const POSIX_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh']);
/** Scripts inside scripts inside scripts ... stop here (a guard against pathological input). */
const MAX_NESTING = 8;

const analyses = new WeakMap<InstructionNode, RunAnalysis>();

/**
 * Analyses a RUN or ONBUILD RUN instruction (anything else gives an empty analysis): its shell form
 * text with continuations removed, a `RUN <<EOF` heredoc body, or the `-c` string of an exec-form
 * `["sh", "-c", "..."]`; inside those, `sh -c '...'` strings and heredocs fed to `sh`/`bash` are parsed
 * again. Commands are found through `&&`, `||`, `;`, pipes, subshells, `if`/`for`/`while` bodies,
 * functions and `$(...)`. Results are cached per instruction, so rules share one parse.
 *
 * The rule calling this must set `meta.requiresShellParser: true`; otherwise this throws.
 * Not analysed: `ONBUILD RUN` in exec form or with heredocs, and RUNs under a PowerShell/cmd SHELL.
 */
export function analyseRun(instruction: InstructionNode): RunAnalysis {
  let analysis = analyses.get(instruction);
  if (!analysis) {
    analysis = computeAnalysis(instruction);
    analyses.set(instruction, analysis);
  }
  return analysis;
}

/** The simple commands a RUN runs (see `analyseRun`). */
export function runCommands(instruction: InstructionNode): readonly ShellCommand[] {
  return analyseRun(instruction).commands;
}

function computeAnalysis(instruction: InstructionNode): RunAnalysis {
  const shell = stageShell(instruction);
  const posix = isPosixShell(shell);
  const empty: RunAnalysis = { shell, posix, scripts: [], commands: [] };
  if (!posix || !isRunInstruction(instruction)) return empty;
  const scripts: RunScript[] = [];
  const commands: ShellCommand[] = [];
  const collector = { instruction, scripts, commands };
  if (instruction.keyword === 'RUN' && instruction.execForm) {
    readExecForm(instruction, instruction.execForm.elements, collector);
  } else {
    readShellForm(instruction, collector);
  }
  commands.sort((a, b) => a.range[0] - b.range[0] || b.range[1] - a.range[1]);
  return { shell, posix, scripts, commands };
}

interface Collector {
  readonly instruction: InstructionNode;
  readonly scripts: RunScript[];
  readonly commands: ShellCommand[];
}

function readExecForm(instruction: InstructionNode, elements: readonly ExecFormElement[], collector: Collector): void {
  if (elements.length === 0) return;
  const { file } = instruction.dockerfile;
  const words = elements.map((element) => ({
    value: element.value,
    raw: file.slice(element.range),
    range: element.range,
    literal: true,
    node: null,
  }));
  const command = commandOfWords(words, [elements[0]!.range[0], elements[elements.length - 1]!.range[1]], 'exec', null, null);
  collector.commands.push(command);
  const scriptIndex = shellScriptArgument(command.program, command.args.map((word) => word.value));
  if (scriptIndex === undefined) return;
  const element = elements[command.words.length - command.args.length + scriptIndex]!;
  const raw = dockerfileScriptText(file.text, element.valueRange, instruction.dockerfile.escapeCharacter);
  addScript(decodeJsonString(raw), 'exec-form', null, collector, 0);
}

function readShellForm(instruction: InstructionNode, collector: Collector): void {
  const { file, escapeCharacter } = instruction.dockerfile;
  const start = scriptStart(instruction);
  if (start === undefined) return;
  const heredocs = instruction.keyword === 'RUN' ? heredocRanges(instruction) : [];
  const [lone] = heredocs;
  if (lone && heredocs.length === 1) {
    const commandLine = dockerfileScriptText(file.text, [start, lone.body[0]], escapeCharacter).text.trim();
    if (isHeredocMarker(commandLine, lone.name)) {
      // BuildKit runs a lone heredoc's body as the script (with its shebang's interpreter, if any).
      const body = dockerfileScriptText(file.text, lone.content, escapeCharacter, { verbatim: [lone.content] });
      if (isShellShebang(body.text)) addScript(body, 'heredoc', null, collector, 0);
      return;
    }
  }
  // Heredoc bodies are input, not commands: the shell text keeps the command lines only, with the
  // markers blanked (tree-sitter-bash cannot parse two heredocs started on one line). A body fed
  // to a shell (`bash <<EOF`) is a script of its own.
  const text = dockerfileScriptText(file.text, [start, instruction.range[1]], escapeCharacter, {
    omitted: heredocs.map((heredoc) => heredoc.body),
    blanked: heredocs.map((heredoc) => heredoc.marker),
  });
  const script = addScript(text, 'shell-form', null, collector, 0);
  for (const heredoc of heredocs) {
    const owner = collector.commands.filter((command) => command.script === script && command.range[0] <= heredoc.marker[0]).at(-1);
    if (!owner || !POSIX_SHELLS.has(owner.program) || shellScriptArgument(owner.program, owner.args.map((word) => word.value)) !== undefined) {
      continue;
    }
    const body = dockerfileScriptText(file.text, heredoc.content, escapeCharacter, { verbatim: [heredoc.content] });
    addScript(body, 'shell-heredoc', script, collector, 1);
  }
}

/** Parses a script, collects its commands, and recurses into `sh -c` strings and shell heredocs. */
function addScript(text: ScriptText, origin: ScriptOrigin, parent: RunScript | null, collector: Collector, depth: number): RunScript {
  const tree = parseShell(text.text);
  if (!tree) {
    throw new Error(
      'The shell parser is not loaded: a rule that analyses RUN scripts must set meta.requiresShellParser, and whoever lints must await LintSession.prepare() first (lintProject and lintText do).',
    );
  }
  const script = new PlacedRunScript(text, collector.instruction, origin, tree, parent);
  collector.scripts.push(script);
  const nested: { text: ScriptText; origin: ScriptOrigin }[] = [];
  for (const step of stepsOf(tree)) {
    if (step.type === 'command') {
      const words = step.words.map((node) => shellWordOf(node, script));
      collector.commands.push(commandOfWords(words, fileRangeOf(script, step.node.range), 'shell', script, step.node, step.nameIndex));
      if (step.scriptArgument) {
        const decoded = decodeWord(step.scriptArgument);
        nested.push({
          text: nestedScriptText(script, decoded.value, decoded.spans, innerEnd(step.scriptArgument, decoded.spans)),
          origin: 'shell-string',
        });
      }
    } else {
      for (const body of step.bodies) {
        const spans = Array.from({ length: body.text.length }, (_, index): OffsetRange => [body.range[0] + index, body.range[0] + index + 1]);
        nested.push({ text: nestedScriptText(script, body.text, spans, body.range[1]), origin: 'shell-heredoc' });
      }
    }
  }
  if (depth < MAX_NESTING) for (const inner of nested) addScript(inner.text, inner.origin, script, collector, depth + 1);
  return script;
}

/**
 * What a script's tree runs, in tree order, before any of it is placed in the Dockerfile: each simple
 * command's word nodes, where its name is (after wrappers), the node of its `sh -c` string; the heredoc
 * bodies fed to a shell. It depends on the tree alone, and trees are kept by script text
 * (`parseShell`), so a script seen again (in the language server: every RUN an edit did not touch,
 * wherever the edit moved it) is only placed, not walked and decoded again.
 */
type TreeStep =
  | { readonly type: 'command'; readonly node: ShellNode; readonly words: readonly ShellNode[]; readonly nameIndex: number; readonly scriptArgument: ShellNode | null }
  | { readonly type: 'heredocs'; readonly bodies: readonly ShellNode[] };

const treeSteps = new WeakMap<ShellTree, readonly TreeStep[]>();

function stepsOf(tree: ShellTree): readonly TreeStep[] {
  let steps = treeSteps.get(tree);
  if (steps) return steps;
  const found: TreeStep[] = [];
  walk(tree.root, (node) => {
    if (node.type === 'command') {
      const words = commandWordNodes(node);
      if (!words) return;
      // Only values and literalness decide the name: the placed words give the same index.
      const unplaced = words.map((word): TreeShellWord => ({ ...decodeWord(word), raw: word.text, range: [0, 0], node: word }));
      const nameIndex = commandNameIndex(unplaced);
      const args = unplaced.slice(nameIndex + 1);
      const scriptIndex = shellScriptArgument(programName(unplaced[nameIndex]!.value), args.map((word) => word.value));
      const scriptArgument = scriptIndex === undefined ? null : (args[scriptIndex]?.node ?? null);
      found.push({ type: 'command', node, words, nameIndex, scriptArgument });
    } else if (node.type === 'redirected_statement') {
      const bodies = shellHeredocBodies(node);
      if (bodies.length > 0) found.push({ type: 'heredocs', bodies });
    }
  });
  steps = found;
  treeSteps.set(tree, steps);
  return steps;
}

function walk(node: ShellNode, visit: (node: ShellNode) => void): void {
  visit(node);
  for (const child of node.children) walk(child, visit);
}

/**
 * For a shell program (`sh`, `bash`, ...) given `-c` (alone or among other letters: `-ec`, `-xc`), the
 * index among `args` of the script string; `undefined` otherwise. `-o name` takes a value.
 */
function shellScriptArgument(program: string, args: readonly string[]): number | undefined {
  if (!POSIX_SHELLS.has(program)) return undefined;
  let readsString = false;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--' || arg === '-') return readsString && index + 1 < args.length ? index + 1 : undefined;
    if (/^[-+]o$/.test(arg)) {
      index++;
      continue;
    }
    if (/^-[A-Za-z]+$/.test(arg)) {
      if (arg.includes('c')) readsString = true;
      continue;
    }
    if (arg.startsWith('--')) continue;
    return readsString ? index : undefined;
  }
  return undefined;
}

/** Heredoc bodies fed to a shell program without `-c` (`bash <<EOF ... EOF`): its script. */
function shellHeredocBodies(statement: ShellNode): ShellNode[] {
  const body = statement.children.find((child) => child.field === 'body');
  if (body?.type !== 'command') return [];
  const nameNode = body.children.find((child) => child.type === 'command_name');
  if (!nameNode) return [];
  const program = programName(decodeWord(nameNode.children.find((child) => child.named) ?? nameNode).value);
  const args = body.children.filter((child) => child.field === 'argument').map((child) => decodeWord(child).value);
  if (!POSIX_SHELLS.has(program) || shellScriptArgument(program, args) !== undefined) return [];
  return statement.children
    .filter((child) => child.type === 'heredoc_redirect')
    .flatMap((redirect) => redirect.children.filter((child) => child.type === 'heredoc_body'));
}

/** The index in the script text just past a decoded word's last character (its start when empty). */
function innerEnd(node: ShellNode, spans: readonly OffsetRange[]): number {
  return spans.length > 0 ? spans[spans.length - 1]![1] : node.range[0];
}

/** Decodes the JSON escapes of an exec-form string's text, keeping where each character came from. */
function decodeJsonString(raw: ScriptText): ScriptText {
  const escapes: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '/': '/', '\\': '\\', '"': '"' };
  let value = '';
  const spans: OffsetRange[] = [];
  const text = raw.text;
  for (let index = 0; index < text.length; ) {
    const length = text[index] !== '\\' ? 1 : text[index + 1] === 'u' ? 6 : 2;
    if (length === 1) value += text[index];
    else if (length === 6) value += String.fromCharCode(Number.parseInt(text.slice(index + 2, index + 6), 16));
    else value += escapes[text[index + 1] ?? ''] ?? '';
    spans.push([index, Math.min(index + length, text.length)]);
    index += length;
  }
  return nestedScriptText(raw, value, spans, text.length);
}

/** Where the script of a shell-form RUN starts: after `RUN` and its flags (`ONBUILD RUN --mount=... x`). */
export function scriptStart(instruction: InstructionNode): number | undefined {
  if (instruction.keyword === 'RUN') {
    const lastFlag = instruction.flags[instruction.flags.length - 1];
    return lastFlag ? lastFlag.range[1] : instruction.argsRange[0];
  }
  const [, ...rest] = instruction.args;
  const firstWord = rest.find((word) => !word.value.startsWith('--'));
  return firstWord?.range[0];
}

/** The part of dockerfile-ast's heredoc API used here (positions are LSP line/character pairs). */
interface HeredocAst {
  getName(): string;
  getStartRange(): LspRange;
  getContentRange(): LspRange | null;
  getDelimiterRange(): LspRange | null;
}
interface LspRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

export interface HeredocRanges {
  readonly name: string;
  /** `<<EOF`, `<<-'EOF'`: the redirection that starts it. */
  readonly marker: OffsetRange;
  /** Body lines and the closing delimiter line. */
  readonly body: OffsetRange;
  /** The body's content, without the delimiter. */
  readonly content: OffsetRange;
}

export function heredocRanges(instruction: InstructionNode): HeredocRanges[] {
  const { file } = instruction.dockerfile;
  // A heredoc needs a `<<` marker; asking dockerfile-ast costs more than looking for a `<` first.
  if (!file.text.slice(instruction.range[0], instruction.range[1]).includes('<')) return [];
  let heredocs: HeredocAst[];
  try {
    heredocs = (instruction.ast as unknown as { getHeredocs(): HeredocAst[] }).getHeredocs();
  } catch {
    // dockerfile-ast throws on some malformed heredocs; the RUN is then read as plain shell form.
    return [];
  }
  return heredocs.map((heredoc) => {
    const content = heredoc.getContentRange();
    const delimiter = heredoc.getDelimiterRange();
    const bodyStartLine = content?.start.line ?? delimiter?.start.line ?? heredoc.getStartRange().end.line + 1;
    const bodyStart = file.offsetAt(bodyStartLine, 0);
    const contentStart = content ? file.offsetAt(content.start.line, content.start.character) : bodyStart;
    const contentEnd = content ? file.offsetAt(content.end.line, content.end.character) : bodyStart;
    const bodyEnd = delimiter ? file.offsetAt(delimiter.end.line, delimiter.end.character) : instruction.range[1];
    const marker = heredoc.getStartRange();
    return {
      name: heredoc.getName(),
      marker: [file.offsetAt(marker.start.line, marker.start.character), file.offsetAt(marker.end.line, marker.end.character)],
      body: [bodyStart, Math.max(bodyStart, bodyEnd)],
      content: [contentStart, contentEnd],
    };
  });
}

/** `<<EOF`, `<<-EOF`, `<<"EOF"`, `<<'EOF'`: a command line that is nothing but the heredoc. */
export function isHeredocMarker(commandLine: string, name: string): boolean {
  const match = /^<<-?\s*(["']?)([^"'\s]+)\1$/.exec(commandLine);
  return match?.[2] === name;
}

/** No shebang, or one naming a POSIX shell (`#!/bin/bash`, `#!/usr/bin/env sh`). */
function isShellShebang(body: string): boolean {
  const shebang = /^#!\s*(\S+)(?:[ \t]+(\S+))?/.exec(body);
  if (!shebang) return true;
  const interpreter = programName(shebang[1]!) === 'env' ? (shebang[2] ?? '') : programName(shebang[1]!);
  return POSIX_SHELLS.has(interpreter);
}
