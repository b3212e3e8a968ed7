import type { InstructionNode, ServiceNode, SourceFile, StageNode } from '@docmind-docker-lint/core';
import { isMap, isScalar, isSeq } from 'yaml';
import { asForeign, foreignWord, jsonElementWord, shellCommands, shellFormWord, yamlScalarWord, type Command, type Word } from './words.js';

/**
 * The ENTRYPOINT and CMD a stage's image starts with: the last of each in the stage or the stages
 * it is built `FROM`. A CMD inherited from above the stage that sets the ENTRYPOINT is dropped, as
 * the builder resets it.
 */
export function startInstructions(stage: StageNode): { entrypoint: InstructionNode | null; cmd: InstructionNode | null } {
  let entrypoint: { instruction: InstructionNode; depth: number } | null = null;
  let cmd: { instruction: InstructionNode; depth: number } | null = null;
  let depth = 0;
  for (let current: StageNode | null = stage; current; current = current.parent, depth++) {
    for (const instruction of [...current.instructions].reverse()) {
      if (instruction.keyword === 'ENTRYPOINT') entrypoint ??= { instruction, depth };
      if (instruction.keyword === 'CMD') cmd ??= { instruction, depth };
    }
  }
  const keepsCmd = cmd !== null && (entrypoint === null || cmd.depth <= entrypoint.depth);
  return { entrypoint: entrypoint?.instruction ?? null, cmd: keepsCmd ? cmd!.instruction : null };
}

/** The words an instruction runs: exec-form elements, or `/bin/sh -c <line>` for the shell form. */
export function instructionWords(instruction: InstructionNode): Word[] {
  const source = instruction.dockerfile.file;
  if (instruction.execForm) return instruction.execForm.elements.map((element) => jsonElementWord(source, element));
  const line = shellFormWord(instruction);
  return line ? [foreignWord('/bin/sh'), foreignWord('-c'), line] : [];
}

/** The command a stage's image runs by default: an exec-form ENTRYPOINT with the CMD appended. */
export function imageCommand(stage: StageNode): Command {
  const { entrypoint, cmd } = startInstructions(stage);
  const entrypointWords = entrypoint ? instructionWords(entrypoint) : [];
  if (entrypoint && !entrypoint.execForm) return entrypointWords;
  return [...entrypointWords, ...(cmd ? instructionWords(cmd) : [])];
}

/**
 * The commands a Compose service runs when it sets `entrypoint` or `command` (`null` when it sets
 * neither): its own words located in the Compose file, the image's words as foreign. A string is
 * split like Compose does (shell words, no shell); one holding several commands is read as a line.
 */
export function serviceCommands(service: ServiceNode, source: SourceFile, stage: StageNode | null): Command[] | null {
  const map = service.value;
  if (!map) return null;
  const entrypointNode = map.get('entrypoint', true);
  const commandNode = map.get('command', true);
  const entrypoint = composeWords(entrypointNode, source);
  const command = composeWords(commandNode, source);
  if (entrypoint === null && command === null) return null;
  const image = stage ? startInstructions(stage) : { entrypoint: null, cmd: null };
  const imageWords = (instruction: InstructionNode): Word[] => instructionWords(instruction).map(asForeign);
  let start: Word[][];
  if (entrypoint !== null) start = entrypoint;
  else if (image.entrypoint && !image.entrypoint.execForm) return []; // a shell-form ENTRYPOINT ignores any command
  else start = image.entrypoint ? [imageWords(image.entrypoint)] : [];
  // Setting `entrypoint` clears the image's CMD.
  const rest = command ?? (entrypoint === null && image.cmd ? [imageWords(image.cmd)] : []);
  const last = start.at(-1);
  if (!last) return rest;
  const [first, ...others] = rest;
  return [...start.slice(0, -1), [...last, ...(first ?? [])], ...others];
}

/** A Compose `command` or `entrypoint` as commands of located words; `null` when it is not set. */
function composeWords(node: unknown, source: SourceFile): Word[][] | null {
  if (isSeq(node)) {
    return [node.items.map((item) => (isScalar(item) ? (yamlScalarWord(source, item) ?? foreignWord(String(item.value))) : foreignWord('')))];
  }
  if (isScalar(node) && typeof node.value === 'string') {
    const line = yamlScalarWord(source, node);
    return line ? shellCommands(line) : null;
  }
  return null;
}

/** Container paths of a service's bind mounts: the files there come from the host, not the image. */
export function bindMountTargets(service: ServiceNode): string[] {
  const volumes = service.value?.get('volumes', true);
  if (!isSeq(volumes)) return [];
  return volumes.items.flatMap((item) => {
    if (isScalar(item) && typeof item.value === 'string') {
      const [from, to] = item.value.split(':');
      return to !== undefined && /^[./~$]/.test(from ?? '') ? [to] : [];
    }
    if (isMap(item) && item.get('type') === 'bind') {
      const target = item.get('target');
      return typeof target === 'string' ? [target] : [];
    }
    return [];
  });
}
