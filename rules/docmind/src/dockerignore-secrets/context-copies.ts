import type { InstructionNode, OffsetRange } from '@docmind-docker-lint/core';
import { copyArguments } from '../utils/copy-arguments.js';
import { cachedMatcher, cleanPath } from './path-patterns.js';

/** One source of a COPY or ADD that reads from the build context. */
export interface ContextCopy {
  readonly keyword: string;
  /** The source as written. */
  readonly raw: string;
  readonly range: OffsetRange;
  /** The source as a context-relative path (or pattern). */
  readonly path: string;
  /** `.`, `./`, `/` or `*`: the whole context. */
  readonly broad: boolean;
  /** Names one path: no wildcard. */
  readonly literal: boolean;
  /** Whether this source copies a context-relative path (or the folder holding it). */
  covers(relativePath: string): boolean;
}

const URL_SOURCE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;

/**
 * The context sources of a COPY or ADD instruction: not `--from` another stage or image, not a URL,
 * not a heredoc, and without unresolved variables (which could name anything).
 */
export function contextCopiesOf(instruction: InstructionNode): ContextCopy[] {
  const { sources, from } = copyArguments(instruction);
  if (from !== null || sources.some((source) => source.value.startsWith('<<'))) return [];
  return sources
    .filter((source) => !URL_SOURCE.test(source.value) && !source.value.includes('$'))
    .map((source) => {
      const path = cleanPath(source.value);
      const broad = path === '' || path === '*' || path === '**';
      return {
        keyword: instruction.keyword,
        raw: source.raw,
        range: source.range,
        path,
        broad,
        literal: !/[*?[\]]/.test(path),
        covers: (relativePath: string): boolean => broad || cachedMatcher(path).lastMatch(relativePath) !== undefined,
      };
    });
}
