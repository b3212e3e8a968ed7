import { nodeRange } from '@docmind-docker-lint/core';
import { isMap, isScalar } from 'yaml';
import { createRule } from '../utils/create-rule.js';
import { lineSpan } from '../utils/line-span.js';

export type Options = [];
export type MessageIds = 'obsoleteVersion';

export default createRule<MessageIds, Options>({
  name: 'no-version-key',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'The top-level `version` key is obsolete: Compose ignores it and warns.',
      recommended: true,
      sources: { dclint: ['no-version-field'] },
    },
    messages: {
      obsoleteVersion: 'The top-level "version" key is obsolete: Compose ignores it and prints a warning. Remove it.',
    },
    schema: [],
    defaultOptions: [],
    fixable: 'code',
  },
  create(context) {
    return {
      ComposeFile(compose) {
        const root = compose.document?.contents;
        if (!isMap(root)) return;
        const pair = root.items.find((item) => isScalar(item.key) && item.key.value === 'version');
        if (!pair || !isScalar(pair.key)) return;
        const keyRange = nodeRange(pair.key);
        const valueEnd = pair.value && isScalar(pair.value) ? nodeRange(pair.value)[1] : keyRange[1];
        const lines = lineSpan(context.sourceFile.text, keyRange[0], valueEnd);
        context.report({
          range: keyRange,
          messageId: 'obsoleteVersion',
          fix: lines && isScalar(pair.value) ? (fixer) => fixer.removeRange(lines) : null,
        });
      },
    };
  },
});
