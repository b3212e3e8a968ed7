import type { InstructionNode, StageNode } from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';
import { instructionProperties } from '../utils/instruction-properties.js';
import { resolveFromValue, stageReferences } from '../utils/stage-references.js';
import { LABEL_FORMATS, matchesFormat, type LabelFormat } from './label-formats.js';

export type Options = [
  {
    schema: Record<string, LabelFormat>;
    strict: boolean;
  },
];
export type MessageIds = 'missingLabel' | 'superfluousLabel' | 'emptyLabel' | 'invalidFormat';

const FORMAT_NAMES: Readonly<Record<LabelFormat, string>> = {
  text: 'text',
  url: 'URL',
  rfc3339: 'RFC 3339 date and time',
  spdx: 'SPDX license expression',
  hash: 'git commit hash',
  semver: 'semantic version',
  email: 'email address',
};

export default createRule<MessageIds, Options>({
  name: 'label-schema',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require the labels of a configured schema on every built image, with values in the declared formats',
      recommended: false,
      sources: { hadolint: ['DL3049', 'DL3050', 'DL3051', 'DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3058'] },
    },
    messages: {
      missingLabel: "{{stage}} has no label '{{label}}', which the label schema requires.",
      superfluousLabel: "Label '{{label}}' is not in the label schema, and the schema is strict.",
      emptyLabel: "Label '{{label}}' is empty.",
      invalidFormat: "Label '{{label}}' should be a {{format}}, but is '{{value}}'.",
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          schema: {
            description: "Labels every built image must have, each with the format of its value: 'text', 'url', 'rfc3339', 'spdx', 'hash', 'semver' or 'email' (hadolint's `label-schema`).",
            type: 'object',
            additionalProperties: { type: 'string', enum: [...LABEL_FORMATS] },
          },
          strict: {
            description: "Report labels that are not in the schema (hadolint's `strict-labels`).",
            type: 'boolean',
          },
        },
      },
    ],
    defaultOptions: [{ schema: {}, strict: false }],
  },
  create(context, [options]) {
    const schema = new Map(Object.entries(options.schema));

    const checkValues = (instruction: InstructionNode): void => {
      for (const pair of instructionProperties(instruction)) {
        const format = schema.get(pair.name);
        if (format === undefined) {
          if (options.strict) context.report({ range: pair.nameRange, messageId: 'superfluousLabel', data: { label: pair.name } });
          continue;
        }
        if (pair.value === null) continue;
        if (pair.value === '') {
          context.report({ range: pair.nameRange, messageId: 'emptyLabel', data: { label: pair.name } });
        } else if (!pair.value.includes('$') && !matchesFormat(pair.value, format)) {
          context.report({
            range: pair.valueRange ?? pair.nameRange,
            messageId: 'invalidFormat',
            data: { label: pair.name, format: FORMAT_NAMES[format], value: pair.value },
          });
        }
      }
    };

    const checkMissing = (stages: readonly StageNode[]): void => {
      if (schema.size === 0) return;
      // Stages other stages copy from are intermediate: their labels never reach an image.
      const copiedFrom = new Set<StageNode>();
      for (const reference of stageReferences(stages[0]!.from.dockerfile)) {
        if (reference.kind === 'from') continue;
        const target = resolveFromValue(reference.value, reference.instruction);
        if (target.kind === 'stage' && target.stage !== reference.instruction.stage) copiedFrom.add(target.stage);
      }
      const ownLabels = new Map(
        stages.map((stage) => [
          stage,
          new Set(stage.instructions.filter((instruction) => instruction.keyword === 'LABEL').flatMap((instruction) => instructionProperties(instruction).map((pair) => pair.name))),
        ]),
      );
      const has = (stage: StageNode | null, label: string): boolean => stage !== null && (ownLabels.get(stage)!.has(label) || has(stage.parent, label));
      for (const label of schema.keys()) {
        for (const stage of stages) {
          if (has(stage, label) || copiedFrom.has(stage)) continue;
          // As in hadolint, a stage is fine when a stage built FROM it adds the label.
          if (stages.some((child) => child.parent === stage && has(child, label))) continue;
          context.report({
            range: stage.from.keywordRange,
            messageId: 'missingLabel',
            data: { stage: stage.name === null ? `Stage ${stage.index}` : `Stage '${stage.name}'`, label },
          });
        }
      }
    };

    return {
      LABEL: checkValues,
      'Dockerfile:exit'(dockerfile) {
        if (dockerfile.stages.length > 0) checkMissing(dockerfile.stages);
      },
    };
  },
});
