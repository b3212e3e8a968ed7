import { createRule } from '../utils/create-rule.js';

// Placeholder while the rule is written: it reports nothing.
export default createRule({
  name: 'uv-sync-frozen',
  meta: {
    type: 'problem',
    docs: { description: 'uv-sync-frozen (not yet implemented)', recommended: true },
    messages: { todo: 'todo' },
    schema: [],
    defaultOptions: [],
  },
  create() {
    return {};
  },
});
