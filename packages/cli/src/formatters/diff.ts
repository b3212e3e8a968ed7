import path from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { collectingStream, type Formatter } from './formatter.js';
import { secretMaskOf } from './mask-secrets.js';

/**
 * Unified diffs of the files that fixes changed (with `--fix-dry-run`, what `--fix` would write); a
 * file a fix creates is diffed against `/dev/null`. Nothing when no file changed.
 */
export const formatDiff: Formatter = (results, { cwd }) => {
  // Secret values rules found are masked on both sides (the fix itself writes the real bytes).
  const mask = secretMaskOf(results);
  return results
    .filter((result) => result.output !== undefined && result.output !== result.source)
    .map((result) => {
      const name = path.relative(cwd, result.filePath).split(path.sep).join('/');
      const oldName = result.source === undefined ? '/dev/null' : `a/${name}`;
      return createTwoFilesPatch(oldName, `b/${name}`, mask(result.source ?? ''), mask(result.output ?? ''), undefined, undefined, {
        headerOptions: FILE_HEADERS_ONLY,
      });
    })
    .join('');
};

/**
 * Keeps every result: the diffs are of fixed files, and fixing (`--fix`, `--fix-dry-run`) holds the whole
 * run in memory anyway, since fix passes re-lint every file.
 */
export const diffStream = collectingStream(formatDiff);
