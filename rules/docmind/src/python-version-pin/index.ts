import { createRule } from '../utils/create-rule.js';

// Placeholder while the rule is written: it reports nothing.
export default createRule({
  name: 'python-version-pin',
  meta: {
    type: 'problem',
    docs: { description: 'python-version-pin (not yet implemented)', recommended: true },
    messages: { todo: 'todo' },
    schema: [],
    defaultOptions: [],
  },
  create() {
    return {};
  },
});
