import type { AnyRule } from '@docmind-docker-lint/core';
import copyArchiveNoExtract from '../copy-archive-no-extract/index.js';
import copyDestinationRequireWorkdir from '../copy-destination-require-workdir/index.js';
import copyDestinationTrailingSlash from '../copy-destination-trailing-slash/index.js';
import copyNoChown from '../copy-no-chown/index.js';
import copyNoIgnoredSource from '../copy-no-ignored-source/index.js';
import noAdd from '../no-add/index.js';
import noCd from '../no-cd/index.js';
import userNumericId from '../user-numeric-id/index.js';
import useraddRequireNoLogInit from '../useradd-require-no-log-init/index.js';
import workdirNoRelativePath from '../workdir-no-relative-path/index.js';
import workdirNoSystemPath from '../workdir-no-system-path/index.js';

/** Rules of this group, by id (each lives in `src/<rule-id>/`): COPY and ADD, WORKDIR and paths, USER. */
export const rules: Readonly<Record<string, AnyRule>> = {
  'copy-archive-no-extract': copyArchiveNoExtract,
  'copy-destination-require-workdir': copyDestinationRequireWorkdir,
  'copy-destination-trailing-slash': copyDestinationTrailingSlash,
  'copy-no-chown': copyNoChown,
  'copy-no-ignored-source': copyNoIgnoredSource,
  'no-add': noAdd,
  'no-cd': noCd,
  'user-numeric-id': userNumericId,
  'useradd-require-no-log-init': useraddRequireNoLogInit,
  'workdir-no-relative-path': workdirNoRelativePath,
  'workdir-no-system-path': workdirNoSystemPath,
};
