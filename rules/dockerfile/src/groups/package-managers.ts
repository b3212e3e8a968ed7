import type { AnyRule } from '@docmind-docker-lint/core';

/** Rules of this group, by id (each lives in `src/<rule-id>/`). */
export const rules: Readonly<Record<string, AnyRule>> = {};
