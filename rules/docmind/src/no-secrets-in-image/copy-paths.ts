import path from 'node:path';
import type { InstructionNode, OffsetRange } from '@docmind-docker-lint/core';
import { copyArguments, type CopyArgument } from '../utils/copy-arguments.js';

/** A source or the destination of a COPY or ADD, as written. */
export interface CopyPath {
  readonly value: string;
  readonly range: OffsetRange;
}

/** A source and where it lands in the image. */
export interface CopySource extends CopyPath {
  /** A path of the build context or of a stage (`--from`), a heredoc (`<<EOF`) or a URL. */
  readonly kind: 'path' | 'heredoc' | 'url';
  /** The destination, or `<destination>/<name>` when the destination is a folder. */
  readonly target: string;
}

export interface CopyPaths {
  readonly sources: readonly CopySource[];
  readonly destination: CopyPath | null;
  /** The text of the heredoc bodies, after the instruction's first line; `''` without one. */
  readonly heredocText: string;
}

const URL_SOURCE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;

/**
 * The sources and destination of a COPY or ADD in either form. For a heredoc (`COPY <<EOF /dest`)
 * only the instruction's first line holds paths: the body lines are content.
 */
export function copyPathsOf(instruction: InstructionNode): CopyPaths {
  const copy = copyArguments(instruction);
  const toPath = ({ value, valueRange }: CopyArgument): CopyPath => ({ value, range: valueRange });
  const destination = copy.destination ? toPath(copy.destination) : null;
  const listed = copy.sources.map(toPath);
  const sources = destination
    ? listed.map((source): CopySource => {
        const kind = source.value.startsWith('<<') ? 'heredoc' : URL_SOURCE.test(source.value) ? 'url' : 'path';
        const intoFolder = destination.value.endsWith('/') || listed.length > 1;
        return { ...source, kind, target: intoFolder ? path.posix.join(destination.value, createdName(source.value, kind)) : destination.value };
      })
    : [];
  return { sources, destination, heredocText: instruction.dockerfile.file.text.slice(copy.headerEnd, instruction.range[1]) };
}

/** The name a source gets in the image: a heredoc's file is named by its delimiter (`<<robots.txt`). */
function createdName(source: string, kind: CopySource['kind']): string {
  return kind === 'heredoc' ? source.replace(/^<<-?/, '').replace(/["']/g, '') : path.posix.basename(source);
}
