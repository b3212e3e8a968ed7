import type { FileEdit, RuleFixer } from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';
import { resolveFromValue, stageReferences } from '../utils/stage-references.js';

export type Options = [];
export type MessageIds = 'stageNameCasing';

export default createRule<MessageIds, Options>({
  name: 'stage-name-casing',
  meta: {
    type: 'layout',
    docs: {
      description: 'Require stage names to be lowercase',
      recommended: true,
      sources: { buildkit: ['StageNameCasing'] },
    },
    messages: {
      stageNameCasing: "Stage name '{{name}}' should be lowercase: '{{expected}}'.",
    },
    schema: [],
    defaultOptions: [],
    fixable: 'code',
  },
  create(context) {
    return {
      Dockerfile(dockerfile) {
        const references = stageReferences(dockerfile);
        for (const stage of dockerfile.stages) {
          const { name, nameRange } = stage;
          if (name === null || nameRange === null || name === name.toLowerCase()) continue;
          if (context.sourceFile.slice(nameRange) !== name) continue;
          const expected = name.toLowerCase();
          // The builder lowercases stage names and looks them up case-insensitively, so every
          // reference that resolves to this stage can be recased with it.
          const uses = references.filter((reference) => {
            if (reference.value === reference.value.toLowerCase()) return false;
            const target = resolveFromValue(reference.value, reference.instruction);
            if (reference.kind === 'from') {
              return reference.instruction.stage !== stage && reference.instruction.stage?.parent === stage;
            }
            return target.kind === 'stage' && target.stage === stage && !target.byIndex;
          });
          context.report({
            range: nameRange,
            messageId: 'stageNameCasing',
            data: { name, expected },
            fix: (fixer: RuleFixer): FileEdit[] => [
              fixer.replaceTextRange(nameRange, expected),
              ...uses.map((use) => fixer.replaceTextRange(use.range, use.value.toLowerCase())),
            ],
          });
        }
      },
    };
  },
});
