import { createRule } from '../utils/create-rule.js';
import { stageNamed } from '../utils/stage-references.js';

export type Options = [];
export type MessageIds = 'duplicateName';

export default createRule<MessageIds, Options>({
  name: 'stage-name-unique',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require stage names to be unique',
      recommended: true,
      sources: {
        hadolint: ['DL3024'],
        buildkit: ['DuplicateStageName'],
        checkov: ['CKV_DOCKER_11'],
        trivy: ['DS-0012', 'DS012'],
      },
    },
    messages: {
      duplicateName: "Stage name '{{name}}' is already used by the stage on line {{line}} (names are compared without case); the build fails.",
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      Stage(stage) {
        if (stage.name === null || stage.nameRange === null) return;
        const earlier = stageNamed(stage.from.dockerfile.stages.slice(0, stage.index), stage.name);
        if (!earlier) return;
        context.report({
          range: stage.nameRange,
          messageId: 'duplicateName',
          data: { name: stage.name, line: context.sourceFile.positionAt(earlier.from.range[0]).line },
        });
      },
    };
  },
});
