import path from 'node:path';
import { joinCommandLine, operatorOf, readCommandLine, type Dialect } from './shell-syntax.js';
import { readVenvActivation, type VenvActivation } from './venv-activation.js';

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh', 'fish', 'cmd', 'cmd.exe', 'powershell', 'powershell.exe', 'pwsh', 'pwsh.exe']);
/** Interpreters whose inline-code flag takes code in their own language, not shell. */
const INLINE_CODE_FLAGS: readonly (readonly [RegExp, ReadonlySet<string>])[] = [
  [/^(?:python|pypy)[0-9.]*$/, new Set(['-c'])],
  [/^(?:node|nodejs|bun)$/, new Set(['-e', '--eval', '-p', '--print'])],
  [/^ruby[0-9.]*$/, new Set(['-e'])],
  [/^perl[0-9.]*$/, new Set(['-e', '-E'])],
  [/^php[0-9.]*$/, new Set(['-r'])],
];
/** Programs that take shell-operator-looking words as their own arguments (`expr 1 + 2`, `test a < b`). */
const OPERATOR_ARGUMENT_PROGRAMS = new Set(['expr', 'test', '[']);
/** `find ... -exec rm {} ;`: the `;` ends find's `-exec`, it is find's argument. */
const FIND_EXEC_FLAGS = new Set(['-exec', '-execdir', '-ok', '-okdir']);
const SHELL_OPTIONS_WITH_ARGUMENT = new Set(['-o', '+o', '-O', '+O']);
const SHELL_COMMAND_FLAG = /^(?:-[A-Za-z]*c[A-Za-z]*|-command|\/c)$/i;
const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_]/;

/**
 * The first variable reference of a text, `$NAME` or `${...}` (in Compose, `$$NAME` or `$${...}`:
 * `$VAR` is interpolated by Compose; `$$VAR` reaches the container as a literal `$VAR`). A scan in
 * linear time: the regular expression `\$(?:\{[^}]*\}|...)` rescans to the end from every `${` of a
 * text without `}`.
 */
export function firstVariableReference(text: string, escaped: boolean): string | undefined {
  const marker = escaped ? '$$' : '$';
  let braceCanClose = true;
  for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, at + 1)) {
    const after = at + marker.length;
    if (text[after] === '{') {
      if (!braceCanClose) continue;
      const close = text.indexOf('}', after + 1);
      if (close !== -1) return text.slice(at, close + 1);
      // No `}` after this `${`, so none after a later one either.
      braceCanClose = false;
    } else if (NAME_START.test(text[after] ?? '')) {
      let end = after + 1;
      while (end < text.length && NAME_PART.test(text[end]!)) end++;
      return text.slice(at, end);
    }
  }
  return undefined;
}

export interface ExecFormSettings {
  readonly dialect: Dialect;
  readonly additionalShells: readonly string[];
  readonly checkVariables: boolean;
}

/** What a fix or suggestion needs to run the elements with a shell, or the venv's program by path. */
export interface ShellRewrite {
  /** The command line the elements mean. */
  readonly commandText: string;
  /** The elements were one element: a rewrite can keep its text byte for byte. */
  readonly single: boolean;
  readonly venv: VenvActivation | null;
}

export type Finding =
  | { readonly kind: 'spacedProgram'; readonly index: 0; readonly program: string; readonly words: readonly string[] }
  | { readonly kind: 'shellSyntax'; readonly index: 0; readonly syntax: string; readonly rewrite: ShellRewrite }
  | {
      readonly kind: 'operatorElement';
      readonly index: number;
      readonly operator: string;
      readonly program: string;
      /** Only on the first operator of the elements: one rewrite covers them all. */
      readonly rewrite: ShellRewrite | null;
    }
  | { readonly kind: 'variableInArgument'; readonly index: number; readonly variable: string; readonly rewrite: ShellRewrite };

/**
 * Finds shell syntax in the elements of an exec form (the program first; a healthcheck's `CMD`
 * marker already removed), where no shell will read it.
 */
export function analyzeExecForm(values: readonly string[], settings: ExecFormSettings): Finding[] {
  const program = values[0];
  // A Windows path may hold spaces (`C:\Program Files\app.exe`): it is one program.
  if (program === undefined || program.trim() === '' || /^[A-Za-z]:[\\/]/.test(program)) return [];
  const shells = new Set([...SHELLS, ...settings.additionalShells]);
  const programLine = readCommandLine(program, settings.dialect);
  if (programLine.syntax !== null) {
    const rewrite = shellRewrite(values, scriptsOf(values, shells).code, settings.dialect, true);
    return [{ kind: 'shellSyntax', index: 0, syntax: programLine.syntax, rewrite }];
  }
  // Without whitespace the element is one word already (quotes and backslashes are its own characters).
  const words = /\s/.test(program) ? (programLine.words ?? []) : [program];
  if (words.length === 0) return [];
  const findings: Finding[] = [];
  if (words.length > 1 || words[0] !== program) {
    findings.push({ kind: 'spacedProgram', index: 0, program: words[0]!, words });
  }
  // Judge the arguments as they will be once the program is split: `["sh -c", "a && b"]` is a shell.
  const effective = [...words, ...values.slice(1)];
  const offset = words.length - 1;
  const scripts = scriptsOf(effective, shells);
  const argumentIndexes: number[] = [];
  for (let index = words.length; index < Math.min(effective.length, scripts.shellFrom); index++) {
    if (!scripts.code.has(index)) argumentIndexes.push(index);
  }
  const programName = path.posix.basename(words[0]!);
  const code = new Set([...scripts.code].map((index) => index - offset));
  const operators = OPERATOR_ARGUMENT_PROGRAMS.has(programName)
    ? []
    : argumentIndexes.flatMap((index) => {
        const operator = operatorOf(effective[index]!);
        const findExec = (operator === ';' || operator === '+') && effective.slice(0, index).some((value) => FIND_EXEC_FLAGS.has(value));
        return operator === null || findExec ? [] : [{ index: index - offset, operator }];
      });
  if (operators.length > 0) {
    const rewrite = shellRewrite(values, code, settings.dialect, false);
    operators.forEach(({ index, operator }, position) => {
      findings.push({ kind: 'operatorElement', index, operator, program: programName, rewrite: position === 0 ? rewrite : null });
    });
    return findings;
  }
  if (settings.checkVariables) {
    for (const index of argumentIndexes) {
      const variable = firstVariableReference(effective[index]!, settings.dialect === 'compose');
      if (variable === undefined) continue;
      findings.push({ kind: 'variableInArgument', index: index - offset, variable, rewrite: shellRewrite(values, code, settings.dialect, false) });
    }
  }
  return findings;
}

/**
 * Where the elements hand over to another language: everything after `sh -c` (or `bash -o pipefail
 * -c`, `cmd /c`) is shell already, and the element after `python -c`, `node -e`, ... is code.
 */
function scriptsOf(values: readonly string[], shells: ReadonlySet<string>): { shellFrom: number; code: Set<number> } {
  const code = new Set<number>();
  for (let index = 0; index < values.length; index++) {
    const name = path.posix.basename(values[index]!);
    if (shells.has(name) || shells.has(values[index]!)) {
      for (let flag = index + 1; flag < values.length; flag++) {
        const value = values[flag]!;
        if (SHELL_OPTIONS_WITH_ARGUMENT.has(value)) flag++;
        else if (SHELL_COMMAND_FLAG.test(value)) return { shellFrom: index + 1, code };
        else if (!/^[-+/]/.test(value) || value.includes('/', 1)) break;
      }
    }
    const flags = INLINE_CODE_FLAGS.find(([pattern]) => pattern.test(name))?.[1];
    if (!flags) continue;
    for (let flag = index + 1; flag < values.length && values[flag]!.startsWith('-'); flag++) {
      if (flags.has(values[flag]!)) {
        code.add(flag + 1);
        break;
      }
    }
  }
  return { shellFrom: Number.POSITIVE_INFINITY, code };
}

/**
 * Whether what follows these elements is script, not a program: an ENTRYPOINT of `["sh", "-c"]` or
 * `["python", "-c"]` makes CMD's elements shell or Python code.
 */
export function handsOverToScript(values: readonly string[], additionalShells: readonly string[]): boolean {
  const scripts = scriptsOf(values, new Set([...SHELLS, ...additionalShells]));
  return scripts.shellFrom !== Number.POSITIVE_INFINITY || scripts.code.has(values.length);
}

/**
 * The command line the elements mean. A program element holding shell syntax is a command line
 * itself and is kept as written; the other elements are words.
 */
function shellRewrite(values: readonly string[], code: ReadonlySet<number>, dialect: Dialect, programIsLine: boolean): ShellRewrite {
  const single = values.length === 1;
  const words = values.map((value, index) => ({ value, literal: code.has(index) }));
  const commandText = single
    ? values[0]!
    : programIsLine
      ? `${values[0]!} ${joinCommandLine(words.slice(1))}`
      : joinCommandLine(words);
  return { commandText, single, venv: readVenvActivation(readCommandLine(commandText, dialect)) };
}
