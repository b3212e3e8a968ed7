import { createRule } from '../utils/create-rule.js';
import { hasWorkdirBefore, workdirPath } from '../utils/stage-workdirs.js';
import { isAbsoluteOrVariablePath, unquotePath } from '../utils/workdir-path.js';

export type Options = [];
export type MessageIds = 'relativeWorkdir';

export default createRule<MessageIds, Options>({
  name: 'workdir-no-relative-path',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow a relative WORKDIR that depends on the base image's working directory",
      recommended: true,
      sources: {
        hadolint: ['DL3000'],
        buildkit: ['WorkdirRelativePath'],
        checkov: ['CKV_DOCKER_10'],
        trivy: ['DS-0009', 'DS009'],
      },
    },
    messages: {
      relativeWorkdir:
        'WORKDIR {{path}} is relative to the working directory of the base image, which can change with the image; start the path with `/`.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      WORKDIR(instruction) {
        const path = workdirPath(instruction);
        if (!path || isAbsoluteOrVariablePath(unquotePath(path.raw))) return;
        // After an earlier WORKDIR of the stage (or of a stage it is built on) the path is resolved
        // against one this Dockerfile set; only the first one depends on the base image.
        if (hasWorkdirBefore(instruction)) return;
        context.report({ range: path.range, messageId: 'relativeWorkdir', data: { path: path.raw } });
      },
    };
  },
});
