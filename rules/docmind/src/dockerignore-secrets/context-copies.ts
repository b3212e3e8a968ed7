import type { DockerignoreMatcher, InstructionNode, OffsetRange } from '@docmind-docker-lint/core';
import { cleanPath, matcherOf } from './path-patterns.js';

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
  if (instruction.flags.some((flag) => flag.name.toLowerCase() === 'from')) return [];
  const written =
    jsonPaths(instruction) ?? instruction.args.map((argument) => ({ value: argument.value, raw: argument.raw, range: argument.range }));
  if (written.some((source) => source.value.startsWith('<<'))) return [];
  return written
    .slice(0, -1)
    .filter((source) => !URL_SOURCE.test(source.value) && !source.value.includes('$'))
    .map((source) => {
      const path = cleanPath(source.value);
      const broad = path === '' || path === '*' || path === '**';
      let matcher: DockerignoreMatcher | undefined;
      return {
        keyword: instruction.keyword,
        raw: source.raw,
        range: source.range,
        path,
        broad,
        literal: !/[*?[\]]/.test(path),
        covers(relativePath: string): boolean {
          if (broad) return true;
          matcher ??= matcherOf([path]);
          return matcher.lastMatch(relativePath) !== undefined;
        },
      };
    });
}

/** A written source or destination: its value, its text as written, where it is. */
interface WrittenPath {
  readonly value: string;
  readonly raw: string;
  readonly range: OffsetRange;
}

const JSON_STRING = /"(?:[^"\\]|\\.)*"/g;

/**
 * The elements of the JSON form (`COPY ["src", "dest"]`), which the core reads only for CMD-like
 * instructions; `null` when the arguments are not a JSON array of strings.
 */
function jsonPaths(instruction: InstructionNode): WrittenPath[] | null {
  const first = instruction.args[0];
  const last = instruction.args[instruction.args.length - 1];
  if (!first || !last || !first.value.startsWith('[')) return null;
  const start = first.range[0];
  const text = instruction.dockerfile.file.slice([start, last.range[1]]);
  const values = parseStringArray(text);
  const tokens = [...text.matchAll(JSON_STRING)];
  if (!values || tokens.length !== values.length) return null;
  return tokens.map((token, index) => ({
    value: values[index]!,
    raw: values[index]!,
    range: [start + token.index, start + token.index + token[0].length],
  }));
}

function parseStringArray(text: string): string[] | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((value) => typeof value === 'string') ? parsed : null;
  } catch {
    return null;
  }
}
