import { oncePerObject, type InstructionNode, type OffsetRange } from '@docmind-docker-lint/core';

/** A source or the destination of a COPY or ADD. */
export interface CopyPath {
  /** The path as written without the quotes around it (`"a b"` -> `a b`); escapes are kept. */
  readonly value: string;
  /** The word as written. */
  readonly raw: string;
  /** The whole word, quotes included. */
  readonly range: OffsetRange;
  /** The characters between the quotes (the whole word when it has none). */
  readonly valueRange: OffsetRange;
  /** A heredoc source (`<<EOF`): `value` is the heredoc's name. */
  readonly heredoc: boolean;
}

/** A `--name=value` flag of a COPY or ADD (also inside `ONBUILD COPY`). */
export interface CopyFlag {
  readonly name: string;
  readonly value: string | null;
  readonly range: OffsetRange;
}

/** What a COPY, ADD, `ONBUILD COPY` or `ONBUILD ADD` instruction copies, and where to. */
export interface CopyArguments {
  readonly instruction: InstructionNode;
  readonly keyword: 'COPY' | 'ADD';
  /** The range of the `COPY` or `ADD` keyword (after `ONBUILD`). */
  readonly keywordRange: OffsetRange;
  readonly onbuild: boolean;
  readonly flags: readonly CopyFlag[];
  readonly sources: readonly CopyPath[];
  /** `null` when the instruction names fewer than two paths. */
  readonly destination: CopyPath | null;
  /** Written as a JSON array. */
  readonly execForm: boolean;
}

/** The flag of that name, if the instruction has it. */
export function copyFlag(copy: CopyArguments, name: string): CopyFlag | undefined {
  return copy.flags.find((flag) => flag.name === name);
}

/**
 * Reads a COPY or ADD (or one inside ONBUILD) into flags, sources and destination; `null` for other
 * instructions. Heredoc bodies are left out: only the words of the instruction's command line count.
 */
// Several rules read every COPY and ADD: each is read once.
export const copyArguments: (instruction: InstructionNode) => CopyArguments | null = oncePerObject(readCopyArguments);

function readCopyArguments(instruction: InstructionNode): CopyArguments | null {
  if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
    const flags = instruction.flags.map(({ name, value, range }) => ({ name, value, range }));
    if (instruction.execForm) {
      const paths = instruction.execForm.elements.map(
        (element): CopyPath => ({
          value: element.value,
          raw: instruction.dockerfile.file.slice(element.range),
          range: element.range,
          valueRange: element.valueRange,
          heredoc: false,
        }),
      );
      return withPaths(instruction, instruction.keyword, instruction.keywordRange, false, flags, paths, true);
    }
    return withPaths(instruction, instruction.keyword, instruction.keywordRange, false, flags, shellFormPaths(instruction, instruction.args), false);
  }
  const [inner, ...rest] = instruction.args;
  const keyword = inner?.value.toUpperCase();
  if (instruction.keyword !== 'ONBUILD' || (keyword !== 'COPY' && keyword !== 'ADD')) return null;
  const flagCount = rest.findIndex((word) => !word.value.startsWith('--'));
  const flagWords = flagCount < 0 ? rest : rest.slice(0, flagCount);
  const flags = flagWords.map((word) => {
    const equals = word.value.indexOf('=');
    return {
      name: word.value.slice(2, equals < 0 ? undefined : equals),
      value: equals < 0 ? null : word.value.slice(equals + 1),
      range: word.range,
    };
  });
  return withPaths(instruction, keyword, inner!.range, true, flags, shellFormPaths(instruction, rest.slice(flagWords.length)), false);
}

function withPaths(
  instruction: InstructionNode,
  keyword: 'COPY' | 'ADD',
  keywordRange: OffsetRange,
  onbuild: boolean,
  flags: readonly CopyFlag[],
  paths: readonly CopyPath[],
  execForm: boolean,
): CopyArguments {
  const destination = paths.length >= 2 ? paths[paths.length - 1]! : null;
  const sources = destination ? paths.slice(0, -1) : [];
  return { instruction, keyword, keywordRange, onbuild, flags, sources, destination, execForm };
}

/** A line continuation (the escape character, blanks, a line break), by escape character. */
const continuations = new Map<string, RegExp>();

function continuationPattern(escapeCharacter: string): RegExp {
  let pattern = continuations.get(escapeCharacter);
  if (!pattern) {
    pattern = new RegExp(`${escapeCharacter.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}[ \t]*\r?\n`, 'g');
    continuations.set(escapeCharacter, pattern);
  }
  return pattern;
}

/** Shell-form words up to the first heredoc body, each without its surrounding quotes. */
function shellFormPaths(instruction: InstructionNode, words: InstructionNode['args']): CopyPath[] {
  const { file, escapeCharacter } = instruction.dockerfile;
  const continuation = continuationPattern(escapeCharacter);
  const paths: CopyPath[] = [];
  let heredocSeen = false;
  for (const [index, word] of words.entries()) {
    // A heredoc body starts on the line after its marker: the words from there on are its content.
    const previous = words[index - 1];
    if (heredocSeen && previous && file.text.slice(previous.range[1], word.range[0]).replace(continuation, ' ').includes('\n')) break;
    const heredoc = /^<<-?(["']?)([^"'\s]+)\1$/.exec(word.value);
    if (heredoc) {
      heredocSeen = true;
      paths.push({ value: heredoc[2]!, raw: word.raw, range: word.range, valueRange: word.range, heredoc: true });
      continue;
    }
    const quoted = /^(["'])(.*)\1$/s.exec(word.raw);
    const inner = quoted && !quoted[2]!.includes(quoted[1]!) ? quoted[2]! : null;
    paths.push({
      value: inner ?? word.raw,
      raw: word.raw,
      range: word.range,
      valueRange: inner === null ? word.range : [word.range[0] + 1, word.range[1] - 1],
      heredoc: false,
    });
  }
  return paths;
}
