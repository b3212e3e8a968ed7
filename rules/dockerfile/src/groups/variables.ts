import type { AnyRule } from '@docmind-docker-lint/core';
import variableDefined from '../variable-defined/index.js';

/** Rules of this group, by id (each lives in `src/<rule-id>/`): ARG and ENV variables. */
export const rules: Readonly<Record<string, AnyRule>> = {
  'variable-defined': variableDefined,
};
