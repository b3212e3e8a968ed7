import { createRule } from '../utils/create-rule.js';

// Placeholder while the rule is written: it reports nothing.
export default createRule({
  name: 'healthcheck-present',
  meta: {
    type: 'problem',
    docs: { description: 'healthcheck-present (not yet implemented)', recommended: true },
    messages: { todo: 'todo' },
    schema: [],
    defaultOptions: [],
  },
  create() {
    return {};
  },
});
