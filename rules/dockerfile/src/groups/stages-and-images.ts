import type { AnyRule } from '@docmind-docker-lint/core';
import envNoSelfReference from '../env-no-self-reference/index.js';
import fromArgDeclared from '../from-arg-declared/index.js';
import fromArgDefaultValid from '../from-arg-default-valid/index.js';
import fromImagePinned from '../from-image-pinned/index.js';
import fromPlatformNoConstant from '../from-platform-no-constant/index.js';
import fromPlatformNoRedundant from '../from-platform-no-redundant/index.js';
import imageRegistryAllowedList from '../image-registry-allowed-list/index.js';
import noOverriddenInstruction from '../no-overridden-instruction/index.js';
import requireExecForm from '../require-exec-form/index.js';

/** Rules of this group, by id (each lives in `src/<rule-id>/`): base images, FROM flags and ARGs, CMD/ENTRYPOINT/HEALTHCHECK, ENV. */
export const rules: Readonly<Record<string, AnyRule>> = {
  'env-no-self-reference': envNoSelfReference,
  'from-arg-declared': fromArgDeclared,
  'from-arg-default-valid': fromArgDefaultValid,
  'from-image-pinned': fromImagePinned,
  'from-platform-no-constant': fromPlatformNoConstant,
  'from-platform-no-redundant': fromPlatformNoRedundant,
  'image-registry-allowed-list': imageRegistryAllowedList,
  'no-overridden-instruction': noOverriddenInstruction,
  'require-exec-form': requireExecForm,
};
