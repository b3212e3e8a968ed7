import path from 'node:path';
import type { InstructionNode, OffsetRange } from '@docmind-docker-lint/core';

/** A source or the destination of a COPY or ADD, as written. */
export interface CopyPath {
  readonly value: string;
  readonly range: OffsetRange;
}

export interface CopyPaths {
  /** Sources read from the build context or a stage (`--from`); heredocs and URLs excluded. */
  readonly sources: readonly CopyPath[];
  readonly destination: CopyPath | null;
  /** Where the destination puts each source: the destination, or `<destination>/<source name>` for a folder. */
  readonly targets: readonly string[];
}

const URL_SOURCE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;

/**
 * The sources and destination of a COPY or ADD in either form. For a heredoc (`COPY <<EOF /dest`)
 * only the instruction's first line counts: the body lines are content, not paths.
 */
export function copyPathsOf(instruction: InstructionNode): CopyPaths {
  const written = instruction.execForm
    ? instruction.execForm.elements.map((element) => ({ value: element.value, range: element.valueRange }))
    : headerArguments(instruction);
  const destination = written[written.length - 1] ?? null;
  const all = written.slice(0, -1);
  const sources = all.filter((source) => !source.value.startsWith('<<') && !URL_SOURCE.test(source.value));
  const targets = destination
    ? all.map((source) =>
        destination.value.endsWith('/') || all.length > 1
          ? path.posix.join(destination.value, createdName(source.value))
          : destination.value,
      )
    : [];
  return { sources, destination, targets };
}

/** The name a source gets in the image: a heredoc's file is named by its delimiter (`<<robots.txt`). */
function createdName(source: string): string {
  return source.startsWith('<<') ? source.replace(/^<<-?/, '').replace(/["']/g, '') : path.posix.basename(source);
}

function headerArguments(instruction: InstructionNode): CopyPath[] {
  const { args } = instruction;
  const heredoc = args.find((argument) => argument.value.startsWith('<<'));
  if (!heredoc) return args.map(({ value, range }) => ({ value, range }));
  const text = instruction.dockerfile.file.text;
  const lineBreak = text.indexOf('\n', heredoc.range[1]);
  const headerEnd = lineBreak === -1 ? text.length : lineBreak;
  return args.filter((argument) => argument.range[0] < headerEnd).map(({ value, range }) => ({ value, range }));
}
