import type { StageNode } from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';
import { resolveFromValue, stageNamed, stageReferences } from '../utils/stage-references.js';

export type Options = [
  {
    targets: string[];
  },
];
export type MessageIds = 'unusedStage';

export default createRule<MessageIds, Options>({
  name: 'stage-no-unused',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Report stages that the built stage never uses',
      recommended: false,
      sources: {},
    },
    messages: {
      unusedStage: '{{stage}} is not used by the last stage, by a `targets` stage, or by a Compose `build.target`: a default build skips it.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          targets: {
            description: 'Stage names built directly with `--target`, which count as used like the last stage.',
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
        },
      },
    ],
    defaultOptions: [{ targets: [] }],
  },
  create(context, [options]) {
    return {
      'Dockerfile:exit'(dockerfile) {
        const { stages } = dockerfile;
        const last = stages.at(-1);
        if (!last) return;
        const references = stageReferences(dockerfile);
        // A stage picked by a variable could be any of them (`FROM python:${VERSION}` names an image).
        const picksByVariable = references.some(
          (reference) => reference.value.includes('$') && !(reference.kind === 'from' && /[:@/]/.test(reference.value)),
        );
        if (picksByVariable) return;
        const composeTargets = context.project
          .buildContextsOf(context.filename)
          .flatMap((buildContext) => buildContext.services.map((service) => service.build?.target ?? null));
        const entries = [last, ...[...options.targets, ...composeTargets].flatMap((name) => (name === null ? [] : (stageNamed(stages, name) ?? [])))];
        const used = new Set<StageNode>();
        const pending = [...entries];
        for (let stage = pending.pop(); stage; stage = pending.pop()) {
          if (used.has(stage)) continue;
          used.add(stage);
          if (stage.parent) pending.push(stage.parent);
          for (const reference of references) {
            if (reference.kind === 'from' || reference.instruction.stage !== stage) continue;
            const target = resolveFromValue(reference.value, reference.instruction);
            // A name defined further down still makes the builder build that stage.
            const stageUsed = target.kind === 'stage' ? target.stage : target.kind === 'undefined' ? stageNamed(stages, reference.value) : undefined;
            if (stageUsed) pending.push(stageUsed);
          }
        }
        for (const stage of stages) {
          if (used.has(stage)) continue;
          context.report({
            range: stage.nameRange ?? stage.from.keywordRange,
            messageId: 'unusedStage',
            data: { stage: stage.name === null ? `Stage ${stage.index}` : `Stage '${stage.name}'` },
          });
        }
      },
    };
  },
});
