import type { ArgumentNode, InstructionNode, OffsetRange, RuleFixer, StageNode } from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';
import { dockerfileScriptText } from '../utils/script-text.js';

type CheckedKeyword = 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK';

export type Options = [
  {
    instructions: CheckedKeyword[];
  },
];
export type MessageIds = 'shellForm' | 'shellFormHealthcheck' | 'useExecForm' | 'useExplicitShell';

/**
 * Words that mean the same in a shell and as a JSON string, with nothing for a shell to expand:
 * no quotes, escapes, `$`, globs, `~`, operators, redirections or comments.
 */
const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;
/** First words a shell runs itself: they are no program exec form could start. */
const SHELL_BUILTINS = new Set(['.', 'source', 'cd', 'export', 'exec', 'eval', 'set', 'unset', 'ulimit', 'umask', 'alias', 'trap', 'shopt', 'wait', 'read']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
const WINDOWS_IMAGE = /(?:^|[/:-])(?:windows|nanoserver|servercore|windowsservercore)(?:[/:@-]|$)/i;

export default createRule<MessageIds, Options>({
  name: 'require-exec-form',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require CMD, ENTRYPOINT and HEALTHCHECK CMD in exec form (a JSON array), so no shell stands between Docker and the process',
      recommended: true,
      sources: { hadolint: ['DL3025'], buildkit: ['JSONArgsRecommended'] },
    },
    messages: {
      shellForm:
        '{{keyword}} in shell form runs under `/bin/sh -c`: the shell may stay PID 1 and not pass SIGTERM on, so `docker stop` waits and then kills. Write it as a JSON array.',
      shellFormHealthcheck:
        'HEALTHCHECK CMD in shell form starts `/bin/sh -c` for every check and needs a shell in the image. Write it as a JSON array.',
      useExecForm: 'Write it as `{{json}}`.',
      useExplicitShell: 'Run it through `/bin/sh -c` in a JSON array (the shell remains; start the program with `exec` to let it receive signals).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          instructions: {
            description: 'The instructions to check (HEALTHCHECK means its `CMD`).',
            type: 'array',
            items: { type: 'string', enum: ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'] },
            uniqueItems: true,
          },
        },
      },
    ],
    defaultOptions: [{ instructions: ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'] }],
    fixable: 'code',
    hasSuggestions: true,
  },
  create(context, [options]) {
    const checked = new Set<string>(options.instructions);
    const source = context.sourceFile;

    const check = (instruction: InstructionNode): void => {
      if (!checked.has(instruction.keyword) || instruction.execForm) return;
      const words = commandWords(instruction);
      // `[...]` that is not valid JSON is no-shell-in-json-cmd's `invalidJson`, with its own fix.
      if (words.length === 0 || words[0]!.raw.startsWith('[')) return;
      const { stage } = instruction;
      // With a SHELL in the stage chain, shell form is the author's choice of interpreter (as in BuildKit).
      if (stage && hasShellBefore(stage, instruction.range[0])) return;
      const range: OffsetRange = [words[0]!.range[0], words[words.length - 1]!.range[1]];
      const messageId = instruction.keyword === 'HEALTHCHECK' ? 'shellFormHealthcheck' : 'shellForm';
      const data = { keyword: instruction.keyword };
      if (stage && isWindowsStage(stage)) {
        context.report({ range, messageId, data });
        return;
      }
      const elements = plainElements(words);
      if (elements) {
        const json = jsonArray(elements);
        const fix = (fixer: RuleFixer) => fixer.replaceTextRange(range, json);
        const keepsBehaviour = !stage || !changesWhatRuns(instruction, stage);
        context.report({ range, messageId, data, fix: keepsBehaviour ? fix : null, suggest: keepsBehaviour ? [] : [{ messageId: 'useExecForm', data: { json }, fix }] });
        return;
      }
      const script = dockerfileScriptText(source.text, range, instruction.dockerfile.escapeCharacter).text;
      const json = jsonArray(['/bin/sh', '-c', script]);
      context.report({
        range,
        messageId,
        data,
        suggest: [{ messageId: 'useExplicitShell', fix: (fixer) => fixer.replaceTextRange(range, json) }],
      });
    };

    return { CMD: check, ENTRYPOINT: check, HEALTHCHECK: check };
  },
});

/** The words of the command: all arguments, or those after `CMD` of a HEALTHCHECK (none for `HEALTHCHECK NONE`). */
function commandWords(instruction: InstructionNode): readonly ArgumentNode[] {
  if (instruction.keyword !== 'HEALTHCHECK') return instruction.args;
  const flagsEnd = instruction.flags.at(-1)?.range[1] ?? instruction.argsRange[0];
  const rest = instruction.args.filter((argument) => argument.range[0] >= flagsEnd);
  return rest[0]?.value.toUpperCase() === 'CMD' ? rest.slice(1) : [];
}

/**
 * The exec-form elements of a command made of plain words only; a leading `exec` (which only asks
 * the shell to step aside) is dropped. `null` when the command needs a shell.
 */
function plainElements(words: readonly ArgumentNode[]): string[] | null {
  if (!words.every((word) => word.raw === word.value && PLAIN_WORD.test(word.value))) return null;
  const values = words.map((word) => word.value);
  if (values[0] === 'exec' && values.length > 1) values.shift();
  const program = values[0]!;
  if (SHELL_BUILTINS.has(program) || ASSIGNMENT.test(program)) return null;
  return values;
}

function jsonArray(values: readonly string[]): string {
  return `[${values.map((value) => JSON.stringify(value)).join(', ')}]`;
}

/**
 * Whether exec form would change which process runs or with which arguments:
 * - a CMD under an exec-form ENTRYPOINT of the stage chain is passed to it as arguments
 *   (`/bin/sh -c "..."` today);
 * - an ENTRYPOINT in shell form ignores CMD; in exec form it gets the stage's later CMD (or that of
 *   a stage built from it) as arguments.
 */
function changesWhatRuns(instruction: InstructionNode, stage: StageNode): boolean {
  if (instruction.keyword === 'CMD') {
    const entrypoint = lastInChain(stage, 'ENTRYPOINT');
    return entrypoint !== undefined && entrypoint.execForm !== null;
  }
  if (instruction.keyword === 'ENTRYPOINT') {
    if (stage.instructions.some((other) => other.keyword === 'CMD' && other.range[0] > instruction.range[0])) return true;
    return descendantsOf(stage).some((child) => child.instructions.some((other) => other.keyword === 'CMD'));
  }
  return false;
}

/** The last instruction with this keyword in the stage, else in the stages it is built from. */
function lastInChain(stage: StageNode, keyword: string): InstructionNode | undefined {
  const seen = new Set<StageNode>();
  for (let current: StageNode | null = stage; current && !seen.has(current); current = current.parent) {
    seen.add(current);
    const found = current.instructions.filter((instruction) => instruction.keyword === keyword).at(-1);
    if (found) return found;
  }
  return undefined;
}

/** Stages built (directly or not) from this one. */
function descendantsOf(stage: StageNode): StageNode[] {
  const found: StageNode[] = [];
  for (const other of stage.from.dockerfile.stages) {
    const seen = new Set<StageNode>();
    for (let parent = other.parent; parent && !seen.has(parent); parent = parent.parent) {
      seen.add(parent);
      if (parent === stage) {
        found.push(other);
        break;
      }
    }
  }
  return found;
}

/** Whether a SHELL instruction comes before `offset` in the stage or in a stage it is built from. */
function hasShellBefore(stage: StageNode, offset: number): boolean {
  if (stage.instructions.some((instruction) => instruction.keyword === 'SHELL' && instruction.range[0] < offset)) return true;
  const seen = new Set<StageNode>([stage]);
  for (let parent = stage.parent; parent && !seen.has(parent); parent = parent.parent) {
    seen.add(parent);
    if (parent.instructions.some((instruction) => instruction.keyword === 'SHELL')) return true;
  }
  return false;
}

/** Whether the stage chain starts from a Windows image, whose default shell is `cmd /S /C`, not `/bin/sh -c`. */
function isWindowsStage(stage: StageNode): boolean {
  let root = stage;
  const seen = new Set<StageNode>();
  while (root.parent && !seen.has(root)) {
    seen.add(root);
    root = root.parent;
  }
  return root.image !== null && WINDOWS_IMAGE.test(root.image.resolved);
}
