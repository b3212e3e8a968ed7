import { isMap, isScalar } from 'yaml';
import { createRule } from '../utils/create-rule.js';
import { isComposeOverride } from '../utils/compose-project.js';

export type Options = [];
export type MessageIds = 'missingName';

export default createRule<MessageIds, Options>({
  name: 'require-project-name',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'The file sets the project name with a top-level `name`, instead of taking the folder name.',
      recommended: false,
      sources: { dclint: ['require-project-name-field'] },
    },
    messages: {
      missingName: 'No top-level "name": the project is named after the folder, so containers, networks and volumes change names when the folder does.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      ComposeFile(compose) {
        const root = compose.document?.contents;
        if (!isMap(root) || isComposeOverride(context.filename, context.project)) return;
        if (root.items.some((pair) => isScalar(pair.key) && pair.key.value === 'name')) return;
        const first = root.items.find((pair) => isScalar(pair.key));
        if (!first || !isScalar(first.key) || !first.key.range) return;
        context.report({ range: [first.key.range[0], first.key.range[1]], messageId: 'missingName' });
      },
    };
  },
});
