import { createRule } from '../utils/create-rule.js';
import { resolveFromValue } from '../utils/stage-references.js';

export type Options = [];
export type MessageIds = 'ownStage';

export default createRule<MessageIds, Options>({
  name: 'copy-from-no-self',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `COPY --from` naming the stage it is in',
      recommended: true,
      sources: { hadolint: ['DL3023'], trivy: ['DS-0006', 'DS006'] },
    },
    messages: {
      ownStage: "COPY --from={{value}} names the stage this COPY is in: a stage cannot copy from itself.",
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      COPY(instruction) {
        const from = instruction.flags.find((flag) => flag.name === 'from');
        if (!from?.value || !from.valueRange || !instruction.stage) return;
        const target = resolveFromValue(from.value, instruction);
        if (target.kind !== 'stage' || target.stage !== instruction.stage) return;
        context.report({ range: from.valueRange, messageId: 'ownStage', data: { value: from.value } });
      },
    };
  },
});
