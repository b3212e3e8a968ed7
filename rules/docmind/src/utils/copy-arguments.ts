import type { InstructionNode, OffsetRange } from '@docmind-docker-lint/core';
import { perInstruction } from './per-instruction.js';

/** A source or the destination of a COPY or ADD. */
export interface CopyArgument {
  /** Quotes and escapes removed. */
  readonly value: string;
  /** As written: the shell-form word with its quotes; for an exec-form element, its value. */
  readonly raw: string;
  /** The word, or the exec-form element with its quotes. */
  readonly range: OffsetRange;
  /** The characters of the value (inside the quotes of an exec-form element). */
  readonly valueRange: OffsetRange;
}

export interface CopyArguments {
  /** Sources as written (variables, globs, URLs and heredoc markers such as `<<EOF` kept). */
  readonly sources: readonly CopyArgument[];
  /** The last argument; `null` when the instruction has none. */
  readonly destination: CopyArgument | null;
  /** `--from` (a stage name or index, or an image); `null` for the build context. */
  readonly from: string | null;
  /** Where the heredoc bodies start: the end of the line holding the first `<<` marker; else the instruction's end. */
  readonly headerEnd: number;
}

/**
 * The sources and destination of a COPY or ADD, in shell or exec form (`COPY ["a b", "dest/"]`).
 * With a heredoc (`COPY <<EOF /app/run.sh`) only the first line holds arguments: the body lines
 * are the file's content, though dockerfile-ast splits them into arguments too.
 */
export const copyArguments: (instruction: InstructionNode) => CopyArguments = perInstruction(readCopyArguments);

function readCopyArguments(instruction: InstructionNode): CopyArguments {
  const from = instruction.flags.find((flag) => flag.name.toLowerCase() === 'from')?.value ?? null;
  let written: CopyArgument[];
  let headerEnd = instruction.range[1];
  if (instruction.execForm) {
    written = instruction.execForm.elements.map(({ value, range, valueRange }) => ({ value, raw: value, range, valueRange }));
  } else {
    written = instruction.args.map(({ value, raw, range }) => ({ value, raw, range, valueRange: range }));
    const heredoc = written.find((argument) => argument.value.startsWith('<<'));
    const lineBreak = heredoc ? instruction.dockerfile.file.text.indexOf('\n', heredoc.range[1]) : -1;
    if (lineBreak !== -1 && lineBreak < headerEnd) {
      headerEnd = lineBreak;
      written = written.filter((argument) => argument.range[0] < headerEnd);
    }
  }
  return { sources: written.slice(0, -1), destination: written.at(-1) ?? null, from, headerEnd };
}
