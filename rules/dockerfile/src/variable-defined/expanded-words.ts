import type { InstructionNode, OffsetRange } from '@docmind-docker-lint/core';
import { copyArguments, type CopyPath } from '../utils/copy-arguments.js';
import { instructionProperties } from '../utils/instruction-properties.js';
import { variableReferences } from '../utils/variable-references.js';
import { workdirPath } from '../utils/stage-workdirs.js';

/** A word the builder expands with the stage's variables, as written in the file. */
export interface ExpandedWord {
  /** Where the word is; references inside it are located relative to `range[0]`. */
  readonly range: OffsetRange;
  readonly text: string;
  /**
   * `false` when `text` is a decoded JSON string whose offsets differ from the file's: a reference
   * is then reported on the whole word.
   */
  readonly exact: boolean;
  /** The escape character of the expansion when it is not the file's (heredoc bodies always use `\\`). */
  readonly escapeCharacter?: string;
}

/** A variable reference of an expanded word, with its range in the file. */
export interface LocatedReference {
  readonly name: string;
  readonly range: OffsetRange;
  readonly nameRange: OffsetRange | null;
}

/**
 * The words of an instruction that BuildKit expands with the stage's ARG and ENV values, other than
 * those of ENV and ARG (which define variables as they go): LABEL keys and values, the paths and
 * `--chown`/`--chmod` (and ADD's `--checksum`) of COPY and ADD and their heredoc bodies under an
 * unquoted delimiter, WORKDIR, USER, VOLUME, STOPSIGNAL and the `--mount` options of RUN. Shell-form commands (RUN, CMD, ENTRYPOINT, HEALTHCHECK) are
 * expanded by the shell at run time, EXPOSE without this check, ONBUILD only in a later build.
 */
export function expandedWords(instruction: InstructionNode): ExpandedWord[] {
  const file = instruction.dockerfile.file;
  const word = (range: OffsetRange): ExpandedWord => ({ range, text: file.slice(range), exact: true });
  switch (instruction.keyword) {
    case 'LABEL':
      return instructionProperties(instruction).flatMap((property) => [
        word(property.nameRange),
        ...(property.valueRange ? [word(property.valueRange)] : []),
      ]);
    case 'COPY':
    case 'ADD': {
      const copy = copyArguments(instruction);
      if (!copy) return [];
      const flagNames = instruction.keyword === 'ADD' ? ['chown', 'chmod', 'checksum'] : ['chown', 'chmod'];
      const flags = instruction.flags.filter((flag) => flagNames.includes(flag.name) && flag.valueRange !== null).map((flag) => word(flag.valueRange!));
      const paths = [...copy.sources, ...(copy.destination ? [copy.destination] : [])]
        .filter((path) => !path.heredoc)
        .map((path): ExpandedWord => {
          if (!copy.execForm) return word(path.range);
          const raw = file.slice(path.valueRange);
          return { range: path.valueRange, text: path.value, exact: raw === path.value };
        });
      return [...flags, ...paths, ...heredocBodies(instruction, copy.sources)];
    }
    case 'WORKDIR':
    case 'USER':
    case 'STOPSIGNAL': {
      const path = workdirPath(instruction);
      return path ? [word(path.range)] : [];
    }
    case 'VOLUME':
      if (instruction.execForm) {
        return instruction.execForm.elements.map((element) => ({
          range: element.valueRange,
          text: element.value,
          exact: file.slice(element.valueRange) === element.value,
        }));
      }
      return instruction.args.map((argument) => word(argument.range));
    case 'RUN':
      return instruction.flags.filter((flag) => flag.name === 'mount' && flag.valueRange !== null).map((flag) => word(flag.valueRange!));
    default:
      return [];
  }
}

/** The variable references of an expanded word, located in the file. */
export function referencesIn(word: ExpandedWord, escapeCharacter: string): LocatedReference[] {
  return variableReferences(word.text, word.escapeCharacter ?? escapeCharacter).map((reference) =>
    word.exact
      ? {
          name: reference.name,
          range: [word.range[0] + reference.start, word.range[0] + reference.end],
          nameRange: [word.range[0] + reference.nameStart, word.range[0] + reference.nameEnd],
        }
      : { name: reference.name, range: word.range, nameRange: null },
  );
}

/**
 * The bodies of the heredoc sources of a COPY or ADD whose delimiter is not quoted (`<<EOF`): the
 * builder expands them with a backslash escape and without quote processing, so quotes are blanked
 * (same offsets) before references are searched.
 */
function heredocBodies(instruction: InstructionNode, sources: readonly CopyPath[]): ExpandedWord[] {
  const expanded = new Set(sources.filter((source) => source.heredoc && !/["']/.test(source.raw)).map((source) => source.value));
  if (expanded.size === 0) return [];
  let heredocs: readonly HeredocAst[];
  try {
    heredocs = (instruction.ast as unknown as { getHeredocs(): HeredocAst[] }).getHeredocs();
  } catch {
    return [];
  }
  const file = instruction.dockerfile.file;
  const words: ExpandedWord[] = [];
  for (const heredoc of heredocs) {
    const content = heredoc.getContentRange();
    if (!content || !expanded.has(heredoc.getName())) continue;
    const range: OffsetRange = [file.offsetAt(content.start.line, content.start.character), file.offsetAt(content.end.line, content.end.character)];
    words.push({ range, text: file.slice(range).replace(/["']/g, ' '), exact: true, escapeCharacter: '\\' });
  }
  return words;
}

/** The part of dockerfile-ast's `Heredoc` read here. */
interface HeredocAst {
  getName(): string;
  getContentRange(): { readonly start: LinePosition; readonly end: LinePosition } | null;
}
interface LinePosition {
  readonly line: number;
  readonly character: number;
}
