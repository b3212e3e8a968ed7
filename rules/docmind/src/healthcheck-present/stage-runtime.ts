import type { InstructionNode, OffsetRange, StageNode } from '@docmind-docker-lint/core';
import { instructionProperties } from '../utils/instruction-properties.js';
import { elementScriptCommands, runCommandWords } from '../utils/run-command-words.js';
import { stageChain } from '../utils/stage-chain.js';
import { serverCommand, type ServerCommand } from './server-command.js';

/** What a container of a stage runs with, from the stage and the stages it is built `FROM`. */
export interface StageRuntime {
  /** The HEALTHCHECK in effect (`HEALTHCHECK NONE` included). */
  readonly healthcheck: InstructionNode | null;
  /** The last EXPOSE in effect. */
  readonly expose: InstructionNode | null;
  readonly cmd: InstructionNode | null;
  readonly entrypoint: InstructionNode | null;
  /** The server the ENTRYPOINT or CMD starts, with where it is named. */
  readonly server: (ServerCommand & { readonly instruction: InstructionNode; readonly range: OffsetRange }) | null;
  /** The last value of each ENV variable in effect. */
  readonly env: ReadonlyMap<string, string>;
}

/**
 * The runtime settings of a stage, in build order over its `FROM` chain. An ENTRYPOINT resets a CMD
 * inherited from the stage it is built from, as the builder does; a CMD of the same stage stays.
 */
export function stageRuntime(stage: StageNode, servers: readonly string[]): StageRuntime {
  let healthcheck: InstructionNode | null = null;
  let expose: InstructionNode | null = null;
  let cmd: InstructionNode | null = null;
  let entrypoint: InstructionNode | null = null;
  const env = new Map<string, string>();
  for (const current of stageChain(stage)) {
    for (const instruction of current.instructions) {
      switch (instruction.keyword) {
        case 'HEALTHCHECK':
          healthcheck = instruction;
          break;
        case 'EXPOSE':
          expose = instruction;
          break;
        case 'CMD':
          cmd = instruction;
          break;
        case 'ENTRYPOINT':
          entrypoint = instruction;
          if (cmd?.stage !== current) cmd = null;
          break;
        case 'ENV':
          for (const { name, value } of instructionProperties(instruction)) env.set(name, value ?? '');
          break;
      }
    }
  }
  return { healthcheck, expose, cmd, entrypoint, server: findServer(entrypoint, cmd, servers), env };
}

/** The server the ENTRYPOINT or the CMD starts; an exec-form ENTRYPOINT gets an exec-form CMD as arguments. */
function findServer(entrypoint: InstructionNode | null, cmd: InstructionNode | null, servers: readonly string[]): StageRuntime['server'] {
  const cmdArguments = entrypoint?.execForm && cmd?.execForm ? cmd.execForm.elements.map((element) => element.value) : [];
  for (const instruction of [entrypoint, cmd]) {
    if (!instruction) continue;
    for (const argv of commandsOf(instruction)) {
      const words = instruction === entrypoint ? [...argv, ...cmdArguments] : argv;
      const found = serverCommand(words, servers);
      if (!found) continue;
      // `ENTRYPOINT ["tini", "--"]` with `CMD ["streamlit", ...]`: the server is named in the CMD.
      const namedIn = cmd && words.length - found.args.length - 1 >= argv.length ? cmd : instruction;
      return { ...found, instruction: namedIn, range: wordRange(namedIn, found.word) };
    }
  }
  return null;
}

/**
 * The commands of a CMD or ENTRYPOINT. A one-element exec form holding a shell command line
 * (`[". .venv/bin/activate && streamlit run app.py"]`) cannot start, but says what was meant: it is
 * read as the command line it holds (no-shell-in-json-cmd reports the form itself).
 */
function commandsOf(instruction: InstructionNode): string[][] {
  const elements = instruction.execForm?.elements;
  const only = elements?.length === 1 ? elements[0] : undefined;
  const commands = only && /\s/.test(only.value.trim()) ? elementScriptCommands(instruction, only) : runCommandWords(instruction);
  return commands.map(({ words }) => words.map((word) => word.value));
}

/**
 * Where a command word is written: the exec-form element or shell-form argument that is the word,
 * else the one that holds it (a `sh -c` script), else the instruction's arguments.
 */
function wordRange(instruction: InstructionNode, word: string): OffsetRange {
  const candidates = instruction.execForm?.elements ?? instruction.args;
  const exact = candidates.find((candidate) => candidate.value === word);
  const holding = candidates.find((candidate) => candidate.value.includes(word));
  return (exact ?? holding)?.range ?? instruction.argsRange;
}
