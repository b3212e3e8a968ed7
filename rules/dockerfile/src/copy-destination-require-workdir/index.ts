import type { InstructionNode } from '@docmind-docker-lint/core';
import { copyArguments } from '../utils/copy-arguments.js';
import { createRule } from '../utils/create-rule.js';
import { hasWorkdirBefore, stageLineage } from '../utils/stage-workdirs.js';
import { isAbsoluteOrVariablePath } from '../utils/workdir-path.js';

export type Options = [];
export type MessageIds = 'relativeDestination';

export default createRule<MessageIds, Options>({
  name: 'copy-destination-require-workdir',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a WORKDIR before a COPY or ADD to a relative destination',
      recommended: true,
      sources: { hadolint: ['DL3045'] },
    },
    messages: {
      relativeDestination:
        '{{keyword}} to the relative destination {{destination}}, but no WORKDIR is set in this stage: the files land in whatever working directory the base image has. Set WORKDIR first, or give an absolute destination.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const check = (instruction: InstructionNode): void => {
      const copy = copyArguments(instruction);
      const destination = copy?.destination;
      if (!copy || !destination || isAbsoluteOrVariablePath(destination.value)) return;
      // An ONBUILD COPY runs in the child build, after the ONBUILD WORKDIRs before it.
      if (hasWorkdirBefore(instruction, copy.onbuild)) return;
      // `scratch` has no working directory of its own: relative paths always start at `/`.
      if (builtFromScratch(instruction)) return;
      context.report({ range: destination.range, messageId: 'relativeDestination', data: { keyword: copy.keyword, destination: destination.raw } });
    };
    return { COPY: check, ADD: check, ONBUILD: check };
  },
});

/** Whether the instruction's stage is built, through the stages it is built on, `FROM scratch`. */
function builtFromScratch(instruction: InstructionNode): boolean {
  const root = instruction.stage ? stageLineage(instruction.stage)[0] : undefined;
  return root?.image?.resolved.toLowerCase() === 'scratch';
}
