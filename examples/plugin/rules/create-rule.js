import { makeCreateRule } from '@docmind-docker-lint/core';

/** `createRule` for this plugin's rules: binds each rule's documentation URL. */
export const createRule = makeCreateRule((name) => `https://example.com/docmind-docker-lint-plugin-example/${name}`);
