import { buildkitPreset, hadolintPreset, type ConfigObject, type Plugin } from '@docmind-docker-lint/core';
import dockerignoreSecrets from './dockerignore-secrets/index.js';
import docmindEnvContract from './docmind-env-contract/index.js';
import entrypointFileExists from './entrypoint-file-exists/index.js';
import healthcheckPresent from './healthcheck-present/index.js';
import noSecretsInImage from './no-secrets-in-image/index.js';
import noShellInJsonCmd from './no-shell-in-json-cmd/index.js';
import nonRootUser from './non-root-user/index.js';
import pythonVersionPin from './python-version-pin/index.js';
import uvSyncFrozen from './uv-sync-frozen/index.js';
import { DOCMIND_ENV_CONTRACT_OPTIONS } from './docmind-env-contract/docmind-defaults.js';

export const rules = {
  'python-version-pin': pythonVersionPin,
  'no-shell-in-json-cmd': noShellInJsonCmd,
  'non-root-user': nonRootUser,
  'dockerignore-secrets': dockerignoreSecrets,
  'docmind-env-contract': docmindEnvContract,
  'uv-sync-frozen': uvSyncFrozen,
  'entrypoint-file-exists': entrypointFileExists,
  'healthcheck-present': healthcheckPresent,
  'no-secrets-in-image': noSecretsInImage,
} as const;

/** The container-hardening checklist with generic defaults. */
const recommended: ConfigObject = {
  rules: Object.fromEntries(
    Object.entries(rules)
      .filter(([, rule]) => rule.meta.docs.recommended)
      .map(([id]) => [id, 'error']),
  ),
};

/** The checklist with DocMind's settings contract (`DOCMIND_` prefix, `__` nesting, legacy names). */
const docmind: ConfigObject = {
  rules: {
    ...Object.fromEntries(Object.keys(rules).map((id) => [id, 'error'])),
    'docmind-env-contract': ['error', DOCMIND_ENV_CONTRACT_OPTIONS],
  },
};

const plugin: Plugin = {
  meta: { name: '@docmind-docker-lint/plugin-docmind', version: '0.1.0' },
  rules,
  configs: {
    recommended,
    docmind,
    // python-version-pin lists DL3006/DL3007 so that hadolint's pragmas on a FROM line silence it too; it is not a hadolint check.
    hadolint: hadolintPreset(rules, ['python-version-pin']),
    buildkit: buildkitPreset(rules),
  },
};

export default plugin;
