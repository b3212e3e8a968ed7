import { createRule } from './create-rule.js';

/**
 * The final stage must set the configured labels. A label whose value the options give is added by
 * the fix (labels are metadata: adding one changes nothing the container does).
 */
export default createRule({
  name: 'require-labels',
  meta: {
    type: 'suggestion',
    docs: { description: 'The final stage sets the labels the organisation requires.', recommended: true },
    messages: { missing: 'The image has no "{{label}}" label.' },
    schema: [
      {
        type: 'object',
        properties: {
          labels: {
            type: 'array',
            description: 'The label keys the final stage must set.',
            items: { type: 'string', minLength: 1 },
          },
          values: {
            type: 'object',
            description: 'Values the fix writes for missing labels, by key; a label without one is reported without a fix.',
            additionalProperties: { type: 'string' },
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ labels: ['org.opencontainers.image.source'], values: {} }],
    fixable: 'code',
  },
  create(context, [options]) {
    return {
      'Dockerfile:exit'(dockerfile) {
        const stage = dockerfile.stages.at(-1);
        if (!stage) return;
        const present = new Set(
          stage.instructions
            .filter((instruction) => instruction.keyword === 'LABEL')
            .flatMap((instruction) => instruction.ast.getProperties?.() ?? [])
            .map((property) => property.getName()),
        );
        for (const label of options.labels) {
          if (present.has(label)) continue;
          const value = Object.hasOwn(options.values, label) ? options.values[label] : undefined;
          context.report({
            range: stage.from.keywordRange,
            messageId: 'missing',
            data: { label },
            fix:
              typeof value === 'string'
                ? (fixer) => fixer.insertTextAfterRange(stage.from.range, `\nLABEL ${label}=${JSON.stringify(value)}`)
                : null,
          });
        }
      },
    };
  },
});
