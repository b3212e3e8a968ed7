import { createRule } from '../utils/create-rule.js';
import { resolveFromValue, stageNamed } from '../utils/stage-references.js';

export type Options = [
  {
    allowIndex: boolean;
  },
];
export type MessageIds = 'undefinedStage' | 'laterStage' | 'indexReference';

export default createRule<MessageIds, Options>({
  name: 'copy-from-defined-stage',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `COPY --from` to name a stage defined before it (or an image reference)',
      recommended: true,
      sources: { hadolint: ['DL3022'] },
    },
    messages: {
      undefinedStage: "COPY --from={{value}} names no earlier stage, so the builder pulls an image called '{{value}}'. Name a stage defined above, or write a full image reference with a tag.",
      laterStage: 'COPY --from={{value}} names a stage defined further down (line {{line}}): a stage can only copy from stages above it.',
      indexReference: "COPY --from={{value}} refers to a stage by its position, which breaks when stages are added or moved{{hint}}.",
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowIndex: {
            description: 'Accept `--from=<index>` when the index names an earlier stage; `false` reports it and fixes it to the stage name when the stage has one.',
            type: 'boolean',
          },
        },
      },
    ],
    defaultOptions: [{ allowIndex: true }],
    fixable: 'code',
  },
  create(context, [options]) {
    return {
      COPY(instruction) {
        const from = instruction.flags.find((flag) => flag.name === 'from');
        const range = from?.valueRange;
        if (!from?.value || !range) return;
        const value = from.value;
        const target = resolveFromValue(value, instruction);
        if (target.kind === 'stage') {
          if (options.allowIndex || !target.byIndex || target.stage === instruction.stage) return;
          const name = target.stage.name;
          context.report({
            range,
            messageId: 'indexReference',
            data: { value, hint: name === null ? `; give stage ${value} a name with AS` : `; use its name '${name}'` },
            fix: name === null ? null : (fixer) => fixer.replaceTextRange(range, name),
          });
          return;
        }
        if (target.kind !== 'undefined') return;
        const own = instruction.stage?.index ?? -1;
        const later = /^\d+$/.test(value) ? undefined : stageNamed(instruction.dockerfile.stages.slice(own + 1), value);
        if (later) {
          context.report({ range, messageId: 'laterStage', data: { value, line: context.sourceFile.positionAt(later.from.range[0]).line } });
        } else {
          context.report({ range, messageId: 'undefinedStage', data: { value } });
        }
      },
    };
  },
});
