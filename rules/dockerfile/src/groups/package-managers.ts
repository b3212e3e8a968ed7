import type { AnyRule } from '@docmind-docker-lint/core';
import apkAddNoCache from '../apk-add-no-cache/index.js';
import apkPackagesPinned from '../apk-packages-pinned/index.js';
import aptGetNoInstallRecommends from '../apt-get-no-install-recommends/index.js';
import aptPackagesPinned from '../apt-packages-pinned/index.js';
import noApt from '../no-apt/index.js';
import pipNoCacheDir from '../pip-no-cache-dir/index.js';
import requireAssumeYes from '../require-assume-yes/index.js';
import requirePackageCacheCleanup from '../require-package-cache-cleanup/index.js';

/** Rules of this group, by id (each lives in `src/<rule-id>/`). */
export const rules: Readonly<Record<string, AnyRule>> = {
  'apk-add-no-cache': apkAddNoCache,
  'apk-packages-pinned': apkPackagesPinned,
  'apt-get-no-install-recommends': aptGetNoInstallRecommends,
  'apt-packages-pinned': aptPackagesPinned,
  'no-apt': noApt,
  'pip-no-cache-dir': pipNoCacheDir,
  'require-assume-yes': requireAssumeYes,
  'require-package-cache-cleanup': requirePackageCacheCleanup,
};
