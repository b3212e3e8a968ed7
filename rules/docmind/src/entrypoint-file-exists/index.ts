import { createRule } from '../utils/create-rule.js';

// Placeholder while the rule is written: it reports nothing.
export default createRule({
  name: 'entrypoint-file-exists',
  meta: {
    type: 'problem',
    docs: { description: 'entrypoint-file-exists (not yet implemented)', recommended: true },
    messages: { todo: 'todo' },
    schema: [],
    defaultOptions: [],
  },
  create() {
    return {};
  },
});
