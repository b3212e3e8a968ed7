import type { AnyRule } from '@docmind-docker-lint/core';
import apkAddNoCache from '../apk-add-no-cache/index.js';
import apkPackagesPinned from '../apk-packages-pinned/index.js';
import aptGetNoInstallRecommends from '../apt-get-no-install-recommends/index.js';
import aptPackagesPinned from '../apt-packages-pinned/index.js';
import dnfPackagesPinned from '../dnf-packages-pinned/index.js';
import gemPackagesPinned from '../gem-packages-pinned/index.js';
import goPackagesPinned from '../go-packages-pinned/index.js';
import noApt from '../no-apt/index.js';
import noLonePackageUpdate from '../no-lone-package-update/index.js';
import noPackageUpgrade from '../no-package-upgrade/index.js';
import npmPackagesPinned from '../npm-packages-pinned/index.js';
import pipNoCacheDir from '../pip-no-cache-dir/index.js';
import pipPackagesPinned from '../pip-packages-pinned/index.js';
import requireAssumeYes from '../require-assume-yes/index.js';
import requirePackageCacheCleanup from '../require-package-cache-cleanup/index.js';
import yumPackagesPinned from '../yum-packages-pinned/index.js';
import zypperPackagesPinned from '../zypper-packages-pinned/index.js';

/** Rules of this group, by id (each lives in `src/<rule-id>/`). */
export const rules: Readonly<Record<string, AnyRule>> = {
  'apk-add-no-cache': apkAddNoCache,
  'apk-packages-pinned': apkPackagesPinned,
  'apt-get-no-install-recommends': aptGetNoInstallRecommends,
  'apt-packages-pinned': aptPackagesPinned,
  'dnf-packages-pinned': dnfPackagesPinned,
  'gem-packages-pinned': gemPackagesPinned,
  'go-packages-pinned': goPackagesPinned,
  'no-apt': noApt,
  'no-lone-package-update': noLonePackageUpdate,
  'no-package-upgrade': noPackageUpgrade,
  'npm-packages-pinned': npmPackagesPinned,
  'pip-no-cache-dir': pipNoCacheDir,
  'pip-packages-pinned': pipPackagesPinned,
  'require-assume-yes': requireAssumeYes,
  'require-package-cache-cleanup': requirePackageCacheCleanup,
  'yum-packages-pinned': yumPackagesPinned,
  'zypper-packages-pinned': zypperPackagesPinned,
};
