import type { AnyRule, ConfigObject, Plugin } from '@docmind-docker-lint/core';
import capAddNoDangerous from './cap-add-no-dangerous/index.js';
import capDropAll from './cap-drop-all/index.js';
import composeSchemaValid from './compose-schema-valid/index.js';
import containerNameUnique from './container-name-unique/index.js';
import containerNameValid from './container-name-valid/index.js';
import dependsOnRequireHealthcheck from './depends-on-require-healthcheck/index.js';
import dependsOnSorted from './depends-on-sorted/index.js';
import environmentNoSecrets from './environment-no-secrets/index.js';
import imagePinned from './image-pinned/index.js';
import noDockerSocket from './no-docker-socket/index.js';
import noHostNamespaces from './no-host-namespaces/index.js';
import noLinks from './no-links/index.js';
import noNewPrivileges from './no-new-privileges/index.js';
import noPrivileged from './no-privileged/index.js';
import noSensitiveHostMounts from './no-sensitive-host-mounts/index.js';
import noUndefinedReferences from './no-undefined-references/index.js';
import noVersionKey from './no-version-key/index.js';
import pathsExist from './paths-exist/index.js';
import portsNoPublicDatabase from './ports-no-public-database/index.js';
import portsRequireHostIp from './ports-require-host-ip/index.js';
import portsRequireQuotes from './ports-require-quotes/index.js';
import portsSorted from './ports-sorted/index.js';
import portsUnique from './ports-unique/index.js';
import readOnlyRoot from './read-only-root/index.js';
import requireProjectName from './require-project-name/index.js';
import requireRestartPolicy from './require-restart-policy/index.js';
import securityOptNoUnconfined from './security-opt-no-unconfined/index.js';
import serviceBuildOrImage from './service-build-or-image/index.js';
import serviceKeysOrder from './service-keys-order/index.js';
import servicesSorted from './services-sorted/index.js';
import topLevelKeysOrder from './top-level-keys-order/index.js';
import volumePropagation from './volume-propagation/index.js';
import volumesNoQuotes from './volumes-no-quotes/index.js';

/** Every rule of the pack, by id. Each lives in `src/<rule-id>/`. */
export const rules: Readonly<Record<string, AnyRule>> = {
  'cap-add-no-dangerous': capAddNoDangerous,
  'cap-drop-all': capDropAll,
  'compose-schema-valid': composeSchemaValid,
  'container-name-unique': containerNameUnique,
  'container-name-valid': containerNameValid,
  'depends-on-require-healthcheck': dependsOnRequireHealthcheck,
  'depends-on-sorted': dependsOnSorted,
  'environment-no-secrets': environmentNoSecrets,
  'image-pinned': imagePinned,
  'no-docker-socket': noDockerSocket,
  'no-host-namespaces': noHostNamespaces,
  'no-links': noLinks,
  'no-new-privileges': noNewPrivileges,
  'no-privileged': noPrivileged,
  'no-sensitive-host-mounts': noSensitiveHostMounts,
  'no-undefined-references': noUndefinedReferences,
  'no-version-key': noVersionKey,
  'paths-exist': pathsExist,
  'ports-no-public-database': portsNoPublicDatabase,
  'ports-require-host-ip': portsRequireHostIp,
  'ports-require-quotes': portsRequireQuotes,
  'ports-sorted': portsSorted,
  'ports-unique': portsUnique,
  'read-only-root': readOnlyRoot,
  'require-project-name': requireProjectName,
  'require-restart-policy': requireRestartPolicy,
  'security-opt-no-unconfined': securityOptNoUnconfined,
  'service-build-or-image': serviceBuildOrImage,
  'service-keys-order': serviceKeysOrder,
  'services-sorted': servicesSorted,
  'top-level-keys-order': topLevelKeysOrder,
  'volume-propagation': volumePropagation,
  'volumes-no-quotes': volumesNoQuotes,
};

const recommended: ConfigObject = {
  rules: Object.fromEntries(
    Object.entries(rules)
      .filter(([, rule]) => rule.meta.docs.recommended)
      .map(([id]) => [id, 'error']),
  ),
};

const plugin: Plugin = {
  meta: { name: '@docmind-docker-lint/plugin-compose', version: '0.1.0' },
  rules,
  configs: { recommended },
};

export default plugin;
