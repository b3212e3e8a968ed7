import { createRuleForPack } from '@docmind-docker-lint/core';

/** `createRule` for this pack: docs URLs point at each rule's README. */
export const createRule = createRuleForPack('compose');
