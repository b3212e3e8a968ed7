import type { AnyRule } from '@docmind-docker-lint/core';
import copyFromDefinedStage from '../copy-from-defined-stage/index.js';
import copyFromNoRoot from '../copy-from-no-root/index.js';
import copyFromNoSelf from '../copy-from-no-self/index.js';
import definitionDescriptionFormat from '../definition-description-format/index.js';
import exposeNoHostPort from '../expose-no-host-port/index.js';
import exposeNoSshPort from '../expose-no-ssh-port/index.js';
import exposePortRange from '../expose-port-range/index.js';
import exposeProtocolCasing from '../expose-protocol-casing/index.js';
import fromAsCasing from '../from-as-casing/index.js';
import instructionCasing from '../instruction-casing/index.js';
import labelKeyFormat from '../label-key-format/index.js';
import labelSchema from '../label-schema/index.js';
import noEmptyContinuation from '../no-empty-continuation/index.js';
import noIgnorePragma from '../no-ignore-pragma/index.js';
import noLegacyKeyValue from '../no-legacy-key-value/index.js';
import noMaintainer from '../no-maintainer/index.js';
import onbuildNoInvalidTrigger from '../onbuild-no-invalid-trigger/index.js';
import requireFromFirst from '../require-from-first/index.js';
import stageNameCasing from '../stage-name-casing/index.js';
import stageNameNoReserved from '../stage-name-no-reserved/index.js';
import stageNameUnique from '../stage-name-unique/index.js';
import stageNoUnused from '../stage-no-unused/index.js';

/** Rules of this group, by id (each lives in `src/<rule-id>/`): style and syntax, stages, EXPOSE, labels, pragmas. */
export const rules: Readonly<Record<string, AnyRule>> = {
  'copy-from-defined-stage': copyFromDefinedStage,
  'copy-from-no-root': copyFromNoRoot,
  'copy-from-no-self': copyFromNoSelf,
  'definition-description-format': definitionDescriptionFormat,
  'expose-no-host-port': exposeNoHostPort,
  'expose-no-ssh-port': exposeNoSshPort,
  'expose-port-range': exposePortRange,
  'expose-protocol-casing': exposeProtocolCasing,
  'from-as-casing': fromAsCasing,
  'instruction-casing': instructionCasing,
  'label-key-format': labelKeyFormat,
  'label-schema': labelSchema,
  'no-empty-continuation': noEmptyContinuation,
  'no-ignore-pragma': noIgnorePragma,
  'no-legacy-key-value': noLegacyKeyValue,
  'no-maintainer': noMaintainer,
  'onbuild-no-invalid-trigger': onbuildNoInvalidTrigger,
  'require-from-first': requireFromFirst,
  'stage-name-casing': stageNameCasing,
  'stage-name-no-reserved': stageNameNoReserved,
  'stage-name-unique': stageNameUnique,
  'stage-no-unused': stageNoUnused,
};
