import type { AnyRule } from '@docmind-docker-lint/core';
import curlNoInsecure from '../curl-no-insecure/index.js';
import envNoInsecureTls from '../env-no-insecure-tls/index.js';
import noChpasswd from '../no-chpasswd/index.js';
import noConsecutiveRun from '../no-consecutive-run/index.js';
import noCurlAndWget from '../no-curl-and-wget/index.js';
import noPointlessCommand from '../no-pointless-command/index.js';
import noShSymlink from '../no-sh-symlink/index.js';
import noSudo from '../no-sudo/index.js';
import noUnverifiedPackages from '../no-unverified-packages/index.js';
import npmNoInsecureSsl from '../npm-no-insecure-ssl/index.js';
import pipNoTrustedHost from '../pip-no-trusted-host/index.js';
import requirePipefail from '../require-pipefail/index.js';
import requireWgetProgress from '../require-wget-progress/index.js';
import wgetNoInsecure from '../wget-no-insecure/index.js';
import yumNoInsecureSsl from '../yum-no-insecure-ssl/index.js';

/** Rules of this group, by id (each lives in `src/<rule-id>/`). */
export const rules: Readonly<Record<string, AnyRule>> = {
  // RUN: shell
  'no-sudo': noSudo,
  'require-pipefail': requirePipefail,
  'no-sh-symlink': noShSymlink,
  'no-pointless-command': noPointlessCommand,
  'no-curl-and-wget': noCurlAndWget,
  'require-wget-progress': requireWgetProgress,
  'no-consecutive-run': noConsecutiveRun,
  // TLS/signatures
  'curl-no-insecure': curlNoInsecure,
  'wget-no-insecure': wgetNoInsecure,
  'pip-no-trusted-host': pipNoTrustedHost,
  'env-no-insecure-tls': envNoInsecureTls,
  'npm-no-insecure-ssl': npmNoInsecureSsl,
  'yum-no-insecure-ssl': yumNoInsecureSsl,
  'no-unverified-packages': noUnverifiedPackages,
  'no-chpasswd': noChpasswd,
};
