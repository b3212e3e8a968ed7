import path from 'node:path';
import type { FileEdit, FixFunction, InstructionNode, OffsetRange, RuleFixer, ServiceNode, StageNode, SuggestionReport } from '@docmind-docker-lint/core';
import { isMap, isScalar, isSeq } from 'yaml';
import { createRule } from '../utils/create-rule.js';
import { stageWorkdir } from '../utils/stage-workdir.js';
import { analyzeExecForm, handsOverToScript, type ExecFormSettings, type Finding, type ShellRewrite } from './analyze-exec-form.js';
import { jsonElementList, yamlElementList, type ElementList, type NewItem } from './element-list.js';
import { readLooseJsonArray } from './loose-json-array.js';
import { readCommandLine } from './shell-syntax.js';
import { isOnPath, lastInstruction } from './stage-config.js';
import type { VenvActivation } from './venv-activation.js';

export type Options = [
  {
    shell: string[];
    additionalShells: string[];
    checkVariables: boolean;
  },
];
export type MessageIds =
  | 'spacedProgram'
  | 'shellSyntax'
  | 'operatorElement'
  | 'variableInArgument'
  | 'invalidJson'
  | 'useShell'
  | 'useVenvBinary'
  | 'putVenvOnPath';

/** Where an exec form's elements live and what its fixes may assume. */
interface ExecFormSite {
  /** The command's elements (a healthcheck's `CMD` marker excluded). */
  readonly list: ElementList;
  /** Elements before the command in `list` (1 for a Compose healthcheck's marker). */
  readonly first: number;
  /** The elements are arguments of a non-shell ENTRYPOINT: rewriting the program is only a suggestion. */
  readonly argumentsOfEntrypoint: boolean;
  /** The argv that runs a command line, or `null` when a shell rewrite makes no sense (SHELL itself). */
  readonly shell: readonly string[] | null;
  /** A Compose healthcheck: `CMD` becomes `CMD-SHELL` instead of a shell prefix. */
  readonly healthcheckMarker: OffsetRange | null;
  /** The venv's absolute folder for a folder as written, or `null` when the working directory is unknown. */
  resolveVenv(venv: string): string | null;
  isOnPath(folder: string): boolean;
  /** Where `ENV PATH=...` can be inserted (Dockerfiles only). */
  readonly envInsertion: { readonly offset: number; readonly indent: string } | null;
  /**
   * The file has YAML errors, so the recovered elements may not be what the text says: rewrites are
   * only suggestions.
   */
  readonly recovered: boolean;
}

export default createRule<MessageIds, Options>({
  name: 'no-shell-in-json-cmd',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow shell syntax in exec-form (JSON array) commands, where no shell runs',
      recommended: true,
      sources: {},
    },
    messages: {
      spacedProgram:
        'Exec form does not split words: Docker looks for one program named after this whole element, not "{{program}}" with arguments. Give each word its own element.',
      shellSyntax:
        'Exec form runs no shell, so "{{syntax}}" in this element is never interpreted. Run the command with a shell or call the program directly.',
      operatorElement: '"{{operator}}" is passed to {{program}} as a plain argument: exec form runs no shell to read it as an operator.',
      variableInArgument: '"{{variable}}" is passed literally: exec form runs no shell, so nothing expands it.',
      invalidJson:
        'This looks like an exec-form JSON array but is not valid JSON ({{mistake}}), so Docker runs the text as a shell command line.',
      useShell: 'Run the command line with {{shell}}.',
      useVenvBinary: 'Call {{binary}} directly.',
      putVenvOnPath: 'Put {{venv}}/bin on PATH with ENV and call {{program}} by name.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          shell: {
            description: 'The program and flag that fixes put before a command line that needs a shell (a stage\'s SHELL wins in Dockerfiles).',
            type: 'array',
            items: { type: 'string', minLength: 1 },
            minItems: 1,
          },
          additionalShells: {
            description: 'More program names that run their `-c` argument as shell code (besides sh, bash, dash, ash, zsh, ksh, mksh, fish, cmd, powershell, pwsh).',
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
          checkVariables: {
            description: 'Report `$VAR` in arguments (`$$VAR` in Compose files), which exec form passes without expanding.',
            type: 'boolean',
          },
        },
      },
    ],
    defaultOptions: [{ shell: ['/bin/sh', '-c'], additionalShells: [], checkVariables: true }],
    fixable: 'code',
    hasSuggestions: true,
  },
  create(context, [options]) {
    const source = context.sourceFile;

    const settingsFor = (dialect: ExecFormSettings['dialect']): ExecFormSettings => ({
      dialect,
      additionalShells: options.additionalShells,
      checkVariables: options.checkVariables,
    });

    const replaceElements = (fixer: RuleFixer, site: ExecFormSite, from: number, to: number, items: readonly NewItem[]): FileEdit | null => {
      const { list } = site;
      const text = list.render(items, from);
      return text === null ? null : fixer.replaceTextRange([list.ranges[from]![0], list.ranges[to]![1]], text);
    };

    /** The edits that run the command elements as a command line: with the shell prefix, or as `CMD-SHELL`. */
    const shellEdits = (fixer: RuleFixer, site: ExecFormSite, rewrite: ShellRewrite): FileEdit[] | null => {
      const last = site.list.values.length - 1;
      const line: NewItem = rewrite.single ? { keep: site.first } : { value: rewrite.commandText };
      if (site.healthcheckMarker) {
        const marker = site.healthcheckMarker;
        const markerText = source.slice(marker).replace('CMD', 'CMD-SHELL');
        if (rewrite.single) return [fixer.replaceTextRange(marker, markerText)];
        const command = replaceElements(fixer, site, site.first, last, [line]);
        return command ? [fixer.replaceTextRange(marker, markerText), command] : null;
      }
      if (!site.shell) return null;
      const edit = replaceElements(fixer, site, site.first, last, [...site.shell.map((value) => ({ value })), line]);
      return edit ? [edit] : null;
    };

    const venvBinary = (site: ExecFormSite, venv: VenvActivation): { binary: string; folder: string; onPath: boolean } | null => {
      const folder = site.resolveVenv(venv.venv);
      if (folder === null) return null;
      const bin = `${folder}/bin`;
      const onPath = site.isOnPath(bin);
      return { binary: onPath ? venv.program : `${bin}/${venv.program}`, folder, onPath };
    };

    /** Fix and suggestions for a rewrite: the venv's program by path when it can, else a shell. */
    const rewriteRemedies = (site: ExecFormSite, rewrite: ShellRewrite): { fix: FixFunction | null; suggest: SuggestionReport<MessageIds>[] } => {
      const last = site.list.values.length - 1;
      const activation = rewrite.venv;
      const venv = activation ? venvBinary(site, activation) : null;
      const primary: SuggestionReport<MessageIds> | null =
        venv && activation
          ? {
              messageId: 'useVenvBinary',
              data: { binary: venv.binary },
              fix: (fixer) => replaceElements(fixer, site, site.first, last, [venv.binary, ...activation.args].map((value) => ({ value }))),
            }
          : site.shell || site.healthcheckMarker
            ? { messageId: 'useShell', data: { shell: shellName(site) }, fix: (fixer) => shellEdits(fixer, site, rewrite) }
            : null;
      const suggestions: SuggestionReport<MessageIds>[] = [];
      if (venv && activation && !venv.onPath && site.envInsertion) {
        const { offset, indent } = site.envInsertion;
        const { program, args } = activation;
        suggestions.push({
          messageId: 'putVenvOnPath',
          data: { venv: venv.folder, program },
          fix: (fixer) => {
            const command = replaceElements(fixer, site, site.first, last, [program, ...args].map((value) => ({ value })));
            const env = fixer.insertTextBeforeRange([offset, offset], `${indent}ENV PATH="${venv.folder}/bin:$PATH"${source.eol}`);
            return command ? [env, command] : null;
          },
        });
      }
      if (!primary) return { fix: null, suggest: suggestions };
      if (site.argumentsOfEntrypoint || site.recovered) return { fix: null, suggest: [primary, ...suggestions] };
      return { fix: primary.fix, suggest: suggestions };
    };

    const reportFinding = (site: ExecFormSite, finding: Finding): void => {
      const index = site.first + finding.index;
      const range = site.list.ranges[index]!;
      switch (finding.kind) {
        case 'spacedProgram':
          context.report({
            range,
            messageId: 'spacedProgram',
            data: { program: finding.program },
            fix: site.recovered ? null : (fixer) => replaceElements(fixer, site, index, index, finding.words.map((value) => ({ value }))),
          });
          return;
        case 'shellSyntax':
        case 'operatorElement': {
          const remedies = finding.rewrite ? rewriteRemedies(site, finding.rewrite) : { fix: null, suggest: [] };
          context.report({
            range,
            ...(finding.kind === 'shellSyntax'
              ? { messageId: 'shellSyntax' as const, data: { syntax: finding.syntax } }
              : { messageId: 'operatorElement' as const, data: { operator: finding.operator, program: finding.program } }),
            fix: remedies.fix,
            suggest: remedies.suggest,
          });
          return;
        }
        case 'variableInArgument': {
          const text = source.slice(range);
          const at = text.indexOf(finding.variable);
          // Under a non-shell ENTRYPOINT a shell would become that program's argument: no suggestion.
          const canUseShell = !site.argumentsOfEntrypoint && (site.shell !== null || site.healthcheckMarker !== null);
          context.report({
            range: at === -1 ? range : [range[0] + at, range[0] + at + finding.variable.length],
            messageId: 'variableInArgument',
            data: { variable: finding.variable },
            suggest: canUseShell
              ? [{ messageId: 'useShell', data: { shell: shellName(site) }, fix: (fixer) => shellEdits(fixer, site, finding.rewrite) }]
              : [],
          });
          return;
        }
      }
    };

    const checkSite = (site: ExecFormSite, dialect: ExecFormSettings['dialect']): void => {
      for (const finding of analyzeExecForm(site.list.values.slice(site.first), settingsFor(dialect))) reportFinding(site, finding);
    };

    const checkInstruction = (instruction: InstructionNode): void => {
      const { stage } = instruction;
      if (!instruction.execForm) {
        checkLooseJson(instruction);
        return;
      }
      let argumentsOfEntrypoint = false;
      if (instruction.keyword === 'CMD' && stage) {
        const entrypoint = lastInstruction(stage, 'ENTRYPOINT');
        // A shell-form ENTRYPOINT ignores CMD; a shell or `python -c` ENTRYPOINT makes CMD its script.
        if (entrypoint && !entrypoint.execForm) return;
        const values = entrypoint?.execForm?.elements.map((element) => element.value) ?? [];
        if (values.length > 0 && handsOverToScript(values, options.additionalShells)) return;
        argumentsOfEntrypoint = values.length > 0;
      }
      const stageShell = stage ? lastInstruction(stage, 'SHELL', instruction)?.execForm?.elements.map((element) => element.value) : undefined;
      const workdir = stage ? stageWorkdir(stage, instruction) : null;
      const lineStart = source.lineStarts[source.positionAt(instruction.range[0]).line - 1]!;
      const indent = source.text.slice(lineStart, instruction.range[0]);
      checkSite(
        {
          list: jsonElementList(source, instruction.execForm.elements),
          first: 0,
          argumentsOfEntrypoint,
          shell: instruction.keyword === 'SHELL' ? null : stageShell && stageShell.length > 0 ? stageShell : options.shell,
          healthcheckMarker: null,
          resolveVenv: (venv) => resolveFolder(venv, workdir),
          isOnPath: (folder) => (stage ? isOnPath(stage, folder, instruction) : false),
          envInsertion: instruction.keyword === 'SHELL' || !/^[ \t]*$/.test(indent) ? null : { offset: lineStart, indent },
          recovered: false,
        },
        'dockerfile',
      );
    };

    const checkLooseJson = (instruction: InstructionNode): void => {
      const flagsEnd = instruction.flags.at(-1)?.range[1] ?? instruction.argsRange[0];
      let first = instruction.args.find((argument) => argument.range[0] >= flagsEnd);
      if (instruction.keyword === 'HEALTHCHECK') {
        if (first?.value.toUpperCase() !== 'CMD') return;
        first = instruction.args[instruction.args.indexOf(first) + 1];
      }
      if (!first?.raw.startsWith('[')) return;
      const loose = readLooseJsonArray(source.text, [first.range[0], instruction.argsRange[1]], instruction.dockerfile.escapeCharacter);
      if (!loose) return;
      context.report({
        range: loose.range,
        messageId: 'invalidJson',
        data: { mistake: loose.mistakes.join(' and ') },
        fix: (fixer) => loose.edits.map((edit) => fixer.replaceTextRange(edit.range, edit.text)),
      });
    };

    const checkService = (service: ServiceNode): void => {
      const map = service.value;
      if (!map) return;
      const dockerfile = service.build ? context.project.dockerfileOf(service) : undefined;
      const stage = dockerfile ? targetStage(dockerfile.stages, service.build?.target ?? null) : null;
      const workingDir = map.get('working_dir');
      const workdir =
        typeof workingDir === 'string' ? (workingDir.startsWith('/') && !workingDir.includes('$') ? workingDir : null) : stage ? stageWorkdir(stage) : null;
      const base = {
        shell: options.shell,
        resolveVenv: (venv: string) => resolveFolder(venv, workdir),
        isOnPath: (folder: string) => (stage ? isOnPath(stage, folder) : false),
        envInsertion: null,
        recovered: (service.compose.document?.errors.length ?? 0) > 0,
      };
      const sequence = (node: unknown): ElementList | null => (isSeq(node) ? yamlElementList(source, node) : null);

      const entrypointNode = map.get('entrypoint', true);
      const entrypoint = sequence(entrypointNode);
      if (entrypoint) checkSite({ ...base, list: entrypoint, first: 0, argumentsOfEntrypoint: false, healthcheckMarker: null }, 'compose');

      const command = sequence(map.get('command', true));
      if (command) {
        const entrypointValues = entrypointArgv(entrypointNode, stage);
        if (entrypointValues !== null && !(entrypointValues.length > 0 && handsOverToScript(entrypointValues, options.additionalShells))) {
          checkSite({ ...base, list: command, first: 0, argumentsOfEntrypoint: entrypointValues.length > 0, healthcheckMarker: null }, 'compose');
        }
      }

      const healthcheck = map.get('healthcheck', true);
      const test = isMap(healthcheck) ? sequence(healthcheck.get('test', true)) : null;
      if (test && test.values[0] === 'CMD' && test.values.length > 1) {
        checkSite({ ...base, list: test, first: 1, argumentsOfEntrypoint: false, healthcheckMarker: test.ranges[0]! }, 'compose');
      }
    };

    return {
      CMD: checkInstruction,
      ENTRYPOINT: checkInstruction,
      RUN: checkInstruction,
      HEALTHCHECK: checkInstruction,
      SHELL: checkInstruction,
      Service: checkService,
    };
  },
});

/** How the shell rewrite is named in a suggestion: `/bin/sh -c`, or `CMD-SHELL` in a Compose healthcheck. */
function shellName(site: ExecFormSite): string {
  return site.healthcheckMarker ? 'CMD-SHELL' : (site.shell ?? []).join(' ');
}

/** A venv folder as written, made absolute against the working directory; `null` when that is unknown. */
function resolveFolder(folder: string, workdir: string | null): string | null {
  if (folder.includes('$')) return null;
  if (folder.startsWith('/')) return path.posix.normalize(folder);
  return workdir === null ? null : path.posix.join(workdir, folder);
}

/** The stage a service runs: its `build.target`, else the last one. */
function targetStage(stages: readonly StageNode[], target: string | null): StageNode | null {
  if (target !== null) return stages.find((stage) => stage.name?.toLowerCase() === target.toLowerCase()) ?? null;
  return stages.at(-1) ?? null;
}

/**
 * The ENTRYPOINT a Compose `command` is appended to: the service's `entrypoint` (list, or string
 * split into words), else the built stage's exec-form ENTRYPOINT; `[]` when there is none, `null`
 * when the command is ignored (shell-form ENTRYPOINT).
 */
function entrypointArgv(node: unknown, stage: StageNode | null): readonly string[] | null {
  if (isSeq(node)) return node.items.map((item) => (isScalar(item) ? String(item.value) : ''));
  if (isScalar(node) && typeof node.value === 'string') {
    return readCommandLine(node.value, 'compose').entries.filter((entry): entry is string => typeof entry === 'string');
  }
  const instruction = stage ? lastInstruction(stage, 'ENTRYPOINT') : null;
  if (!instruction) return [];
  return instruction.execForm ? instruction.execForm.elements.map((element) => element.value) : null;
}
