import { createRule } from '../utils/create-rule.js';

// Placeholder while the rule is written: it reports nothing.
export default createRule({
  name: 'docmind-env-contract',
  meta: {
    type: 'problem',
    docs: { description: 'docmind-env-contract (not yet implemented)', recommended: true },
    messages: { todo: 'todo' },
    schema: [],
    defaultOptions: [],
  },
  create() {
    return {};
  },
});
