import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'invalidTrigger';

const NOT_TRIGGERS = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export default createRule<MessageIds, Options>({
  name: 'onbuild-no-invalid-trigger',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `ONBUILD`, `FROM` and `MAINTAINER` as `ONBUILD` triggers',
      recommended: true,
      sources: { hadolint: ['DL3043'] },
    },
    messages: {
      invalidTrigger: 'ONBUILD cannot trigger {{trigger}}: the builder rejects it.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const source = context.sourceFile;
    return {
      ONBUILD(instruction) {
        const onbuild = instruction.ast as unknown as OnbuildTrigger;
        const trigger = onbuild.getTriggerWord();
        const range = onbuild.getTriggerRange();
        if (trigger === null || range === null || !NOT_TRIGGERS.has(trigger.toUpperCase())) return;
        context.report({
          range: [source.offsetAt(range.start.line, range.start.character), source.offsetAt(range.end.line, range.end.character)],
          messageId: 'invalidTrigger',
          data: { trigger: trigger.toUpperCase() },
        });
      },
    };
  },
});

/** The part of dockerfile-ast's `Onbuild` read here (the pack does not depend on dockerfile-ast's types). */
interface OnbuildTrigger {
  getTriggerWord(): string | null;
  getTriggerRange(): { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } } | null;
}
